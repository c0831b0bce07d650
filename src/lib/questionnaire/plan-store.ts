import { flowPrograms, isValidPlan, plannablePrograms, type Plan } from '../flow/meetings';
import type { Recommendation } from '../flow/recommend';
import type { Flow } from '../flow/schema';
import { planKey, readTab, removeTab, writeTab } from '../tab-storage';

export interface LoadedPlan {
	plan: Plan;
	/** Names of planned groups the answers no longer suggest: taken out, and said so. */
	dropped: string[];
	/** The saved plan could not be trusted, so a new one starts (with a notice). */
	corrupt: boolean;
}

/**
 * The plan saved in this tab, checked against the result it belongs to. A meeting whose group the
 * answers no longer suggest (they were changed after planning) is taken out by name; anything
 * else that fails the check means the saved text is not ours, and the plan starts afresh.
 */
export function loadPlan(flow: Flow, result: Recommendation): LoadedPlan {
	const raw = readTab(planKey(flow.id));
	if (raw === null) return { plan: [], dropped: [], corrupt: false };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		data = null;
	}
	if (!Array.isArray(data)) return fresh(flow);
	const allowed = new Set(plannablePrograms(flow, result).map((p) => p.program.id));
	const names = new Map(flowPrograms(flow).map((p) => [p.id, p.name]));
	const plan: Plan = [];
	const dropped: string[] = [];
	for (const meeting of data) {
		const program = (meeting as { program?: unknown } | null)?.program;
		if (typeof program === 'string' && names.has(program) && !allowed.has(program)) {
			dropped.push(names.get(program) as string);
			continue;
		}
		plan.push(meeting as Plan[number]);
	}
	if (!isValidPlan(flow, result, plan)) return fresh(flow);
	if (dropped.length > 0) savePlan(flow, plan);
	return { plan, dropped, corrupt: false };
}

function fresh(flow: Flow): LoadedPlan {
	removeTab(planKey(flow.id));
	return { plan: [], dropped: [], corrupt: true };
}

export function savePlan(flow: Flow, plan: Plan): void {
	if (plan.length === 0) removeTab(planKey(flow.id));
	else writeTab(planKey(flow.id), JSON.stringify(plan));
}

export function forgetPlan(flow: Flow): void {
	removeTab(planKey(flow.id));
}
