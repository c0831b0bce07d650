import { planOf } from './plan';
import type { Answers, Flow, Question } from './schema';

/**
 * Every answer a question can take: each option, or for multi choice every subset of the options
 * that can be ticked together, and each exclusive option on its own.
 */
export function possibleAnswers(question: Question): (string | string[])[] {
	if (question.kind === 'single') return question.options.map((o) => o.id);
	const ids = question.options.filter((o) => !o.exclusive).map((o) => o.id);
	const subsets: string[][] = [];
	for (let mask = question.optional ? 0 : 1; mask < 1 << ids.length; mask++)
		subsets.push(ids.filter((_, i) => mask & (1 << i)));
	for (const o of question.options) if (o.exclusive) subsets.push([o.id]);
	return subsets;
}

export interface EnumerateOptions {
	/** Branch only on these questions; every other asked question takes its first answer. */
	branchOn?: ReadonlySet<string>;
	/** Called at each answer before the walk goes deeper; return false to stop that branch. */
	enter?: (question: Question, answers: Answers) => boolean;
}

/**
 * Visits every reachable, complete set of answers: conditions are respected, each asked question
 * takes every possible answer. `answers` is reused between calls: copy it to keep it. Questions
 * not asked are present with the value undefined.
 * Returns the number of sets visited.
 */
export function forEachAnswerSet(
	flow: Flow,
	visit: (answers: Answers) => void,
	options: EnumerateOptions = {}
): number {
	const choices = flow.questions.map((q) =>
		options.branchOn && !options.branchOn.has(q.id)
			? possibleAnswers(q).slice(0, 1)
			: possibleAnswers(q)
	);
	const asked = planOf(flow).asked;
	// Every question has a slot from the start (undefined until answered): an object whose shape
	// never changes keeps property reads fast through millions of visits.
	const answers: Answers = {};
	for (const q of flow.questions) answers[q.id] = undefined as unknown as string;
	let count = 0;
	const walk = (index: number): void => {
		const question = flow.questions[index];
		if (question === undefined) {
			count++;
			visit(answers);
			return;
		}
		if (!asked[index]?.(answers)) return walk(index + 1);
		for (const value of choices[index] ?? []) {
			answers[question.id] = value;
			if (options.enter === undefined || options.enter(question, answers)) walk(index + 1);
		}
		answers[question.id] = undefined as unknown as string;
	};
	walk(0);
	return count;
}
