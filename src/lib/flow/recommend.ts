import { activeDangers, prune } from './navigation';
import { planOf } from './plan';
import type { Advice, Answers, DangerRule, Flow, Style, Weight } from './schema';

/** One answer's effect on a style, with the words that explain it: the flow's weight itself. */
export type Reason = Weight;

export interface RankedStyle {
	style: Style;
	score: number;
	/** Answers that point towards this style, strongest first. */
	reasons: Reason[];
	/** Answers that point away from it: things to know before going. */
	cautions: Reason[];
}

export interface Recommendation {
	/** Safety advice, always opening with professionally supervised detox. */
	safety: Advice[];
	/** Danger rules that the answers set off. */
	dangers: DangerRule[];
	/** Styles for the person: the best fit first, then up to two alternatives. */
	styles: RankedStyle[];
	/** Groups for a loved one's own support, best first (empty when the person asks for themselves). */
	lovedOne: RankedStyle[];
	/** Help that works alongside groups. */
	complements: Advice[];
}

const ALTERNATIVES = 2;

/** Scores every style offered for these answers; reasons come strongest first. */
function score(flow: Flow, answers: Answers): RankedStyle[] {
	const plan = planOf(flow);
	const slots: (RankedStyle | null)[] = [];
	const scored: RankedStyle[] = [];
	for (let i = 0; i < flow.styles.length; i++) {
		const style = flow.styles[i] as Style;
		const entry = plan.styles[i]?.(answers) ? { style, score: 0, reasons: [], cautions: [] } : null;
		slots.push(entry);
		if (entry) scored.push(entry);
	}
	for (const { weight, style } of plan.weights) {
		const entry = slots[style];
		if (!entry) continue;
		const answer = answers[weight.question];
		if (answer === undefined) continue;
		if (answer !== weight.option && (typeof answer === 'string' || !answer.includes(weight.option)))
			continue;
		entry.score += weight.points;
		(weight.points > 0 ? entry.reasons : entry.cautions).push(weight);
	}
	return scored;
}

/** Best first. Stable, so equal scores keep the flow's order: ties always break the same way. */
function ranked(scored: RankedStyle[], audience: Style['audience']): RankedStyle[] {
	const list: RankedStyle[] = [];
	for (const entry of scored) {
		if (entry.style.audience !== audience) continue;
		let at = list.length;
		while (at > 0 && (list[at - 1] as RankedStyle).score < entry.score) at--;
		list.splice(at, 0, entry);
	}
	return list;
}

/**
 * The recommendation for a set of answers: pure, so the same answers give the same result in any
 * language and on any device (the counselor's page recomputes it from a shared link).
 */
export function recommend(flow: Flow, answers: Answers): Recommendation {
	const given = prune(flow, answers);
	const plan = planOf(flow);
	const scored = score(flow, given);
	return {
		safety: flow.safety.filter((_, i) => plan.safety[i]?.(given)),
		dangers: activeDangers(flow, given),
		styles: ranked(scored, 'person').slice(0, 1 + ALTERNATIVES),
		lovedOne: ranked(scored, 'loved-one'),
		complements: flow.complements.filter((_, i) => plan.complements[i]?.(given))
	};
}
