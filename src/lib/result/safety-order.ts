import type { Advice, Condition } from '$lib/flow/schema';

/**
 * The lost-tolerance overdose warning. The flow flags its opening blocks but has no flag for this
 * one, which the design also puts before any group (non-negotiable 1), so it is known by its id.
 * A flow without such a block simply has none to lift.
 */
export const LOST_TOLERANCE = 'tolerance';

export interface SafetyOrder {
	/** Before the groups: the opening block, then the lost-tolerance warning where it shows. */
	first: Advice[];
	/** After the groups, in the flow's order. */
	later: Advice[];
	/**
	 * Ids of later blocks written for this person's own answers (a status, a drug mix, a pregnancy):
	 * shown whole. The others are general advice, shown by their first paragraph with the rest one
	 * tap away.
	 */
	whole: Set<string>;
}

/** True when a condition holds because of something the person said, not for nearly everyone. */
export function tailored(condition: Condition | undefined): boolean {
	if (!condition) return false;
	if ('not' in condition) return false;
	if ('all' in condition) return condition.all.some(tailored);
	if ('any' in condition) return condition.any.some(tailored);
	return true;
}

/** Splits the result's safety advice (opening first, as `recommend` gives it) for the page. */
export function safetyOrder(safety: Advice[]): SafetyOrder {
	const first: Advice[] = [];
	const later: Advice[] = [];
	for (const block of safety)
		if (block.opening || block.id === LOST_TOLERANCE) first.push(block);
		else later.push(block);
	// The opening leads even if a flow listed the warning before it.
	first.sort((a, b) => Number(!!b.opening) - Number(!!a.opening));
	return {
		first,
		later,
		whole: new Set(later.filter((b) => tailored(b.showIf)).map((b) => b.id))
	};
}
