import { forEachAnswerSet } from '../../src/lib/flow/enumerate.ts';
import { activeDangers } from '../../src/lib/flow/navigation.ts';
import { recommend } from '../../src/lib/flow/recommend.ts';
import type { Answers, Flow } from '../../src/lib/flow/schema.ts';

export interface ShardResult {
	/** Answer sets enumerated (all shards see every set). */
	total: number;
	/** Answer sets this shard checked. */
	checked: number;
	failures: string[];
}

const MAX_FAILURES = 20;

function chose(answers: Answers, question: string, option: string): boolean {
	const a = answers[question];
	return a === option || (Array.isArray(a) && a.includes(option));
}

/** The safety invariants for one set of answers: what must hold for every person, whatever they said. */
export function violations(flow: Flow, answers: Answers): string[] {
	const rec = recommend(flow, answers);
	const problems: string[] = [];
	if (rec.safety[0] !== flow.safety[0])
		problems.push('does not open with the supervised-detox advice');
	if (rec.styles.length === 0) problems.push('recommends no group style');
	for (const list of [rec.styles, rec.lovedOne])
		for (const r of list)
			for (const reasons of [r.reasons, r.cautions])
				for (const reason of reasons)
					if (!chose(answers, reason.question, reason.option))
						problems.push(`${r.style.id} cites ${reason.question}=${reason.option}, not given`);
	for (const danger of activeDangers(flow, answers))
		if (!rec.dangers.includes(danger)) problems.push(`danger ${danger.id} missing from the result`);
	// Content rules of the opioid-support flow: the advice is tailored to the detox status given.
	const status = answers['detox-status'];
	if (
		typeof status === 'string' &&
		!rec.safety.some((b) => b.id.endsWith(status) && b.id === `status-${status}`)
	)
		problems.push(`no advice tailored to detox status ${status}`);
	if (answers.who === 'loved-one' && rec.lovedOne.length === 0)
		problems.push('a loved one gets no group for themselves');
	return problems;
}

/** Checks every `shards`-th answer set, starting at `shard`, of every reachable combination. */
export function checkShard(flow: Flow, shard: number, shards: number): ShardResult {
	const failures: string[] = [];
	let checked = 0;
	let index = 0;
	const total = forEachAnswerSet(flow, (answers) => {
		if (index++ % shards !== shard) return;
		checked++;
		const problems = violations(flow, answers);
		if (problems.length > 0 && failures.length < MAX_FAILURES)
			failures.push(`${JSON.stringify(answers)}: ${problems.join('; ')}`);
	});
	return { total, checked, failures };
}
