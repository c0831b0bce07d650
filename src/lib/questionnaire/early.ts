/**
 * What the page's inline handler (early.inline.js) did before the app ran: the answers it took
 * (the first question's, and perhaps the next one's), choices made but not yet sent, and the step
 * it showed. The app takes them over once, when its engine is ready.
 */
export interface EarlyAnswer {
	question: string;
	value: string | string[];
}

export interface Early {
	answers: EarlyAnswer[];
	/** Options chosen on a form, by question, whether or not Continue followed. */
	drafts: Record<string, string[]>;
	/** The step the handler showed and announced, if any. */
	shown: string | null;
}

interface EarlyState extends Early {
	done: boolean;
}

type WithEarly = Window & { sggEarly?: EarlyState };

const state = (): EarlyState | undefined =>
	typeof window === 'undefined' ? undefined : (window as WithEarly).sggEarly;

/** True while the handler holds answers the app has not taken over. */
export function earlyPending(): boolean {
	const early = state();
	return !!early && !early.done && early.answers.length > 0;
}

const isValue = (v: unknown): v is string | string[] =>
	typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/**
 * Ends the handler's part (from now on the app answers every tap) and returns what it took; only
 * well-formed entries, in order. The machine still checks each answer as it would a tap.
 */
export function takeEarly(): Early {
	const early = state();
	if (!early) return { answers: [], drafts: {}, shown: null };
	early.done = true;
	document.documentElement.removeAttribute('data-early-step');
	const answers = Array.isArray(early.answers)
		? early.answers.filter(
				(a): a is EarlyAnswer => typeof a?.question === 'string' && isValue(a.value)
			)
		: [];
	const drafts: Record<string, string[]> = {};
	for (const [id, values] of Object.entries(early.drafts ?? {}))
		if (Array.isArray(values) && values.every((v) => typeof v === 'string')) drafts[id] = values;
	return { answers, drafts, shown: typeof early.shown === 'string' ? early.shown : null };
}
