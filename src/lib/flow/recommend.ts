import { chose } from './answers';
import { activeDangers, prune } from './navigation';
import { planOf } from './plan';
import type {
	Advice,
	Answers,
	DangerRule,
	FirstMeetingPoint,
	Flow,
	Note,
	Stance,
	Style,
	Text,
	Weight
} from './schema';

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
	/**
	 * What to know before a first meeting, listed under the style's own paragraph: the flow's points
	 * for this style whose conditions hold, in the file's order (filled in for cards only).
	 */
	firstMeeting: FirstMeetingPoint[];
	/** The points against this style (the sum of its cautions, as a positive number). */
	against: number;
}

export interface Recommendation {
	/** Safety advice: one opening block written for these answers, then the rest. */
	safety: Advice[];
	/** Danger rules that the answers set off, most urgent first. */
	dangers: DangerRule[];
	/** Styles for the person: the best fit (or equal best fits) first, then alternatives. */
	styles: RankedStyle[];
	/**
	 * Styles of one rank, equal to each other, that did not fit as a whole group in the cards left:
	 * named, so that none is picked over another by the file's order (empty when the cards are full).
	 */
	moreStyles: RankedStyle[];
	/** Groups for a loved one's own support, best first (empty when the person asks for themselves). */
	lovedOne: RankedStyle[];
	/** Help that works alongside groups. */
	complements: Advice[];
	/** Questions to take along to a group or a counselor. */
	checklists: Advice[];
}

/** What a card's badge says: the only best fit, one of equal best fits, or an alternative. */
export type Fit = 'best' | 'equal' | 'alternative';

export function fitOf(list: RankedStyle[], r: RankedStyle): Fit {
	if (r.rank !== 1) return 'alternative';
	return list.some((other) => other !== r && other.rank === 1) ? 'equal' : 'best';
}

/** What a card lists under "Good to know": the cautions, then the notes, each with a stable key. */
export function toKnow(r: RankedStyle): { key: string; text: Text }[] {
	return [
		...r.cautions.map((w) => ({ key: `${w.question}=${w.option}`, text: w.reason })),
		...r.notes.map((n) => ({ key: `note:${n.question}=${n.option}`, text: n.text }))
	];
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
					medicationCaution:
						medication && style.stance !== undefined && style.stance !== 'welcomes',
					firstMeeting: [],
					against: 0
				}
			: null;
		slots.push(entry);
		if (entry) scored.push(entry);
	}
	for (const { weight, style } of plan.weights) {
		const entry = slots[style];
		if (!entry || !chose(answers, weight.question, weight.option)) continue;
		entry.score += weight.points;
		if (weight.points > 0) entry.reasons.push(weight);
		else {
			entry.cautions.push(weight);
			entry.against -= weight.points;
		}
	}
	return scored;
}

const stanceOf = (r: RankedStyle) => (r.style.stance ? STANCE_ORDER[r.style.stance] : 1);

/**
 * How two styles compare, from the answers alone: the higher score first; for someone on or open
 * to medication, then the group that welcomes it; then the one with less against it. Zero means
 * the answers cannot tell them apart.
 */
function compare(a: RankedStyle, b: RankedStyle, medication: boolean): number {
	return b.score - a.score || (medication ? stanceOf(b) - stanceOf(a) : 0) || a.against - b.against;
}

const withMedication = (a: RankedStyle, b: RankedStyle) => compare(a, b, true);
const withoutMedication = (a: RankedStyle, b: RankedStyle) => compare(a, b, false);

/** Best first, with shared ranks for styles that compare equal. */
function ranked(
	scored: RankedStyle[],
	audience: Style['audience'],
	medication: boolean
): RankedStyle[] {
	const list: RankedStyle[] = [];
	for (const r of scored) if (r.style.audience === audience) list.push(r);
	list.sort(medication ? withMedication : withoutMedication);
	for (let i = 0; i < list.length; i++) {
		const r = list[i] as RankedStyle;
		const before = list[i - 1];
		r.rank = before && compare(before, r, medication) === 0 ? before.rank : i + 1;
	}
	return list;
}

/**
 * The cards to show: every best fit, then whole groups of equally ranked alternatives while they
 * fit in SHOWN cards. An alternative the answers count against (a negative score) is not shown.
 */
function shown(list: RankedStyle[]): { cards: RankedStyle[]; more: RankedStyle[] } {
	const cards: RankedStyle[] = [];
	let at = 0;
	while (at < list.length) {
		const rank = (list[at] as RankedStyle).rank;
		let end = at;
		while (end < list.length && (list[end] as RankedStyle).rank === rank) end++;
		const group = list.slice(at, end);
		if (rank !== 1 && negative(group)) break;
		// Room is left but the tied group does not fit whole: name it rather than pick by file order.
		if (rank !== 1 && cards.length + group.length > SHOWN)
			return { cards, more: cards.length < SHOWN ? group : [] };
		cards.push(...group);
		at = end;
	}
	return { cards, more: [] };
}

/**
 * Each chosen option with notes gets one sentence per card: the style's own note, or the general
 * one, unless a reason or caution on the card already speaks of that answer.
 */
function addNotes(flow: Flow, answers: Answers, list: RankedStyle[]) {
	if (list.length === 0) return;
	for (const group of planOf(flow).notes) {
		if (!chose(answers, group.question, group.option)) continue;
		for (const r of list) {
			if (cites(r.reasons, group) || cites(r.cautions, group)) continue;
			const pick = group.own.get(r.style.id) ?? group.general;
			if (pick) r.notes.push(pick);
		}
	}
}

/**
 * Each card's first-meeting points: those for its style whose condition holds and, for points about
 * medication, only for someone on or open to it.
 */
function addFirstMeeting(flow: Flow, answers: Answers, medication: boolean, list: RankedStyle[]) {
	const byStyle = planOf(flow).firstMeeting;
	for (const r of list) {
		const points = byStyle.get(r.style.id);
		if (!points) continue;
		for (const { point, test } of points)
			if ((medication || !point.medication) && test(answers)) r.firstMeeting.push(point);
	}
}

/** True when one of the weights is for this answer (a plain loop: it runs millions of times). */
function cites(weights: Weight[], answer: { question: string; option: string }): boolean {
	for (const w of weights)
		if (w.question === answer.question && w.option === answer.option) return true;
	return false;
}

function negative(group: RankedStyle[]): boolean {
	for (const r of group) if (r.score < 0) return true;
	return false;
}

/** The blocks whose conditions hold, in the flow's order. */
function shownBlocks(blocks: Advice[], tests: ((a: Answers) => boolean)[], answers: Answers) {
	const out: Advice[] = [];
	for (let i = 0; i < blocks.length; i++) if (tests[i]?.(answers)) out.push(blocks[i] as Advice);
	return out;
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
	const { cards: styles, more: moreStyles } = shown(ranked(scored, 'person', medication));
	const lovedOne = ranked(scored, 'loved-one', false);
	addNotes(flow, given, styles);
	addNotes(flow, given, lovedOne);
	addFirstMeeting(flow, given, medication, styles);
	addFirstMeeting(flow, given, medication, lovedOne);
	return {
		safety: shownBlocks(flow.safety, plan.safety, given),
		dangers: activeDangers(flow, given),
		styles,
		moreStyles,
		lovedOne,
		complements: shownBlocks(flow.complements, plan.complements, given),
		checklists: shownBlocks(flow.checklists, plan.checklists, given)
	};
}
