/**
 * The structure that lets whole-flow checks stay exhaustive as a flow grows: each part of a
 * recommendation reads only some questions, so every reachable answer set can be covered by
 * enumerating, per part, every reachable combination of the questions that part reads.
 */
import { referencedQuestions } from './conditions';
import { forEachAnswerSet, possibleAnswers } from './enumerate';
import { planOf } from './plan';
import type { Answers, Condition, Flow } from './schema';

/** The parts of a recommendation, each computed from its own conditions and weights. */
export type PartName = 'safety' | 'dangers' | 'groups';

const reads = (conditions: (Condition | undefined)[]) =>
	conditions.flatMap((c) => (c ? referencedQuestions(c) : []));

/**
 * The questions each part reads directly:
 * - safety: the safety, complement and checklist blocks' conditions;
 * - dangers: the danger rules;
 * - groups: the styles offered, the weights, the notes and who counts as on medication.
 */
export function partReads(flow: Flow): Record<PartName, Set<string>> {
	return {
		safety: new Set(
			reads([...flow.safety, ...flow.complements, ...flow.checklists].map((a) => a.showIf))
		),
		dangers: new Set(reads(flow.dangers.map((d) => d.when))),
		groups: new Set([
			...reads(flow.styles.map((s) => s.showIf)),
			...reads([flow.medication?.when]),
			...reads(flow.firstMeeting.map((p) => p.showIf)),
			...flow.weights.map((w) => w.question),
			...flow.notes.map((n) => n.question)
		])
	};
}

/**
 * The questions plus every question that decides whether one of them is asked, transitively:
 * what a part's answers depend on once unasked questions are pruned.
 */
export function withAncestors(flow: Flow, ids: Iterable<string>): Set<string> {
	const out = new Set(ids);
	for (let i = flow.questions.length - 1; i >= 0; i--) {
		const q = flow.questions[i];
		if (q && out.has(q.id) && q.showIf) for (const id of referencedQuestions(q.showIf)) out.add(id);
	}
	return out;
}

/**
 * Visits every reachable combination of answers to `branch` (closed under ancestors first): each
 * asked question outside it takes its first answer. Each visit also gets the number of full answer
 * sets it stands for. Returns the number of combinations visited.
 */
export function forEachProjection(
	flow: Flow,
	branch: Iterable<string>,
	visit: (answers: Answers, completions: number) => void
): number {
	const branchOn = withAncestors(flow, branch);
	// The count depends only on the answers that decide what is asked: reuse it across visits.
	const gating = [...planOf(flow).gating].filter((id) => branchOn.has(id));
	const known = new Map<string, number>();
	return forEachAnswerSet(
		flow,
		(answers) => {
			const key = gating.map((id) => String(answers[id])).join('|');
			let n = known.get(key);
			if (n === undefined) {
				n = completions(flow, branchOn, answers);
				known.set(key, n);
			}
			visit(answers, n);
		},
		{ branchOn }
	);
}

/**
 * How many full answer sets agree with `answers` on the `fixed` questions: the others range over
 * every answer they can take (branching where they decide what else is asked).
 */
export function completions(flow: Flow, fixed: Set<string>, answers: Answers): number {
	const { asked, gating } = planOf(flow);
	const partial: Answers = {};
	const walk = (index: number): number => {
		const q = flow.questions[index];
		if (q === undefined) return 1;
		if (!asked[index]?.(partial)) return walk(index + 1);
		if (fixed.has(q.id)) {
			partial[q.id] = answers[q.id] as string | string[];
			const n = walk(index + 1);
			delete partial[q.id];
			return n;
		}
		const choices = possibleAnswers(q);
		if (!gating.has(q.id)) return choices.length * walk(index + 1);
		let sum = 0;
		for (const value of choices) {
			partial[q.id] = value;
			sum += walk(index + 1);
		}
		delete partial[q.id];
		return sum;
	};
	return walk(0);
}

/** The number of reachable, complete answer sets of a flow, counted without visiting each one. */
export function countAnswerSets(flow: Flow): number {
	let total = 0;
	forEachProjection(flow, planOf(flow).gating, (_, n) => (total += n));
	return total;
}

/**
 * An answer set reduced to a part: the part's questions (and their ancestors) keep their answers,
 * every other asked question takes its first answer, as `forEachProjection` visits it.
 */
export function project(flow: Flow, branch: Iterable<string>, answers: Answers): Answers {
	const keep = withAncestors(flow, branch);
	const asked = planOf(flow).asked;
	const out: Answers = {};
	flow.questions.forEach((q, i) => {
		if (!asked[i]?.(out)) return;
		const value = keep.has(q.id) ? answers[q.id] : possibleAnswers(q)[0];
		if (value !== undefined) out[q.id] = value;
	});
	return out;
}
