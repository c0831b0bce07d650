import { activeDangers, prune } from './navigation';
import { planOf } from './plan';
import type { Advice, Answers, DangerRule, Flow, Note, Stance, Style, Weight } from './schema';

/** One answer's effect on a style, with the words that explain it: the flow's weight itself. */
export type Reason = Weight;

export interface RankedStyle {
	style: Style;
	score: number;
	/**
	 * 1 for the best fit. Styles the ranking cannot tell apart share a rank, so the order of the
	 * styles in the flow file never decides between them.
	 */
	rank: number;
	/** Answers that point towards this style, strongest first. */
	reasons: Reason[];
	/** Answers that point away from it: things to know before going. */
	cautions: Reason[];
	/** Sentences tied to answers that change no score (what to look for in the finder). */
	notes: Note[];
	/** The person is on or open to medication, and this style does not say it welcomes it. */
	medicationCaution: boolean;
}

export interface Recommendation {
	/** Safety advice: one opening block written for these answers, then the rest. */
	safety: Advice[];
	/** Danger rules that the answers set off, most urgent first. */
	dangers: DangerRule[];
	/** Styles for the person: the best fit (or equal best fits) first, then alternatives. */
	styles: RankedStyle[];
	/** Groups for a loved one's own support, best first (empty when the person asks for themselves). */
	lovedOne: RankedStyle[];
	/** Help that works alongside groups. */
	complements: Advice[];
	/** Questions to take along to a group or a counselor. */
	checklists: Advice[];
}

/** Cards for the person: the best fit and up to two alternatives, unless more tie for best. */
const SHOWN = 3;

const STANCE_ORDER: Record<Stance, number> = { welcomes: 2, ask: 1, 'may-limit': 0 };

/** Scores every style offered for these answers; reasons come strongest first. */
function score(flow: Flow, answers: Answers, medication: boolean): RankedStyle[] {
	const plan = planOf(flow);
	const slots: (RankedStyle | null)[] = [];
	const scored: RankedStyle[] = [];
	for (let i = 0; i < flow.styles.length; i++) {
		const style = flow.styles[i] as Style;
		const entry = plan.styles[i]?.(answers)
			? {
					style,
					score: 0,
					rank: 0,
					reasons: [],
					cautions: [],
					notes: [],
					medicationCaution: medication && style.stance !== undefined && style.stance !== 'welcomes'
				}
			: null;
		slots.push(entry);
		if (entry) scored.push(entry);
	}
	for (const { weight, style } of plan.weights) {
		const entry = slots[style];
		if (!entry || !chose(answers, weight.question, weight.option)) continue;
		entry.score += weight.points;
		(weight.points > 0 ? entry.reasons : entry.cautions).push(weight);
	}
	return scored;
}

function chose(answers: Answers, question: string, option: string): boolean {
	const answer = answers[question];
	if (answer === undefined) return false;
	return answer === option || (typeof answer !== 'string' && answer.includes(option));
}

const penalty = (r: RankedStyle) => r.cautions.reduce((sum, w) => sum - w.points, 0);
const stanceOf = (r: RankedStyle) => (r.style.stance ? STANCE_ORDER[r.style.stance] : 1);

/**
 * How two styles compare, from the answers alone: the higher score first; for someone on or open
 * to medication, then the group that welcomes it; then the one with less against it. Zero means
 * the answers cannot tell them apart.
 */
function compare(a: RankedStyle, b: RankedStyle, medication: boolean): number {
	return (
		b.score - a.score || (medication ? stanceOf(b) - stanceOf(a) : 0) || penalty(a) - penalty(b)
	);
}

/** Best first, with shared ranks for styles that compare equal. */
function ranked(
	scored: RankedStyle[],
	audience: Style['audience'],
	medication: boolean
): RankedStyle[] {
	const list = scored
		.filter((r) => r.style.audience === audience)
		.sort((a, b) => compare(a, b, medication));
	list.forEach((r, i) => {
		const before = list[i - 1];
		r.rank = before && compare(before, r, medication) === 0 ? before.rank : i + 1;
	});
	return list;
}

/**
 * The cards to show: every best fit, then whole groups of equally ranked alternatives while they
 * fit in SHOWN cards. An alternative the answers count against (a negative score) is not shown.
 */
function shown(list: RankedStyle[]): RankedStyle[] {
	const out: RankedStyle[] = [];
	let at = 0;
	while (at < list.length) {
		const rank = (list[at] as RankedStyle).rank;
		let end = at;
		while (end < list.length && (list[end] as RankedStyle).rank === rank) end++;
		const group = list.slice(at, end);
		if (rank !== 1 && (out.length + group.length > SHOWN || group.some((r) => r.score < 0))) break;
		out.push(...group);
		at = end;
	}
	return out;
}

/**
 * Each chosen option with notes gets one sentence per card: the style's own note, or the general
 * one, unless a reason or caution on the card already speaks of that answer.
 */
function addNotes(flow: Flow, answers: Answers, list: RankedStyle[]) {
	const notes = flow.notes ?? [];
	if (notes.length === 0) return;
	const chosen = notes.filter((n) => chose(answers, n.question, n.option));
	if (chosen.length === 0) return;
	for (const r of list) {
		const said = new Set([...r.reasons, ...r.cautions].map((w) => `${w.question}=${w.option}`));
		for (const note of chosen) {
			const key = `${note.question}=${note.option}`;
			if (said.has(key)) continue;
			const same = chosen.filter((n) => n.question === note.question && n.option === note.option);
			const pick =
				same.find((n) => n.style === r.style.id) ?? same.find((n) => n.style === undefined);
			if (pick === undefined) continue;
			said.add(key);
			r.notes.push(pick);
		}
	}
}

/**
 * The recommendation for a set of answers: pure, so the same answers give the same result in any
 * language and on any device (the counselor's page recomputes it from a shared link).
 */
export function recommend(flow: Flow, answers: Answers): Recommendation {
	const given = prune(flow, answers);
	const plan = planOf(flow);
	const medication = plan.medication(given);
	const scored = score(flow, given, medication);
	const styles = shown(ranked(scored, 'person', medication));
	const lovedOne = ranked(scored, 'loved-one', false);
	addNotes(flow, given, styles);
	addNotes(flow, given, lovedOne);
	return {
		safety: flow.safety.filter((_, i) => plan.safety[i]?.(given)),
		dangers: activeDangers(flow, given),
		styles,
		lovedOne,
		complements: flow.complements.filter((_, i) => plan.complements[i]?.(given)),
		checklists: (flow.checklists ?? []).filter((_, i) => plan.checklists[i]?.(given))
	};
}
