import { chose, choseAny } from './answers';
import type { Answers, Condition } from './schema';

type Test = (answers: Answers) => boolean;

const compiled = new WeakMap<Condition, Test>();

function build(condition: Condition): Test {
	if ('all' in condition) {
		const parts = condition.all.map(compileCondition);
		return (a) => parts.every((p) => p(a));
	}
	if ('any' in condition) {
		const parts = condition.any.map(compileCondition);
		return (a) => parts.some((p) => p(a));
	}
	if ('not' in condition) {
		const inner = compileCondition(condition.not);
		return (a) => !inner(a);
	}
	if ('answered' in condition) {
		const id = condition.answered;
		return (a) => a[id] !== undefined;
	}
	const id = condition.question;
	if ('equals' in condition) {
		const option = condition.equals;
		return (a) => chose(a, id, option);
	}
	const wanted = condition.in;
	return (a) => choseAny(a, id, wanted);
}

/** A condition as a function, built once per condition object: the evaluator runs in hot loops. */
export function compileCondition(condition: Condition): Test {
	let test = compiled.get(condition);
	if (!test) {
		test = build(condition);
		compiled.set(condition, test);
	}
	return test;
}

/** The one condition evaluator, shared by the machine's guards, the navigation and `recommend`. */
export function evaluate(condition: Condition, answers: Answers): boolean {
	return compileCondition(condition)(answers);
}

/** Every question a condition reads, so integrity checks and danger rules can trace answers. */
export function referencedQuestions(condition: Condition): string[] {
	if ('all' in condition) return condition.all.flatMap(referencedQuestions);
	if ('any' in condition) return condition.any.flatMap(referencedQuestions);
	if ('not' in condition) return referencedQuestions(condition.not);
	if ('answered' in condition) return [condition.answered];
	return [condition.question];
}

/** Every (question, option) pair a condition names, with the JSON path of the option reference. */
export function referencedOptions(
	condition: Condition,
	path: (string | number)[] = []
): { question: string; option: string; path: (string | number)[] }[] {
	if ('all' in condition)
		return condition.all.flatMap((c, i) => referencedOptions(c, [...path, 'all', i]));
	if ('any' in condition)
		return condition.any.flatMap((c, i) => referencedOptions(c, [...path, 'any', i]));
	if ('not' in condition) return referencedOptions(condition.not, [...path, 'not']);
	if ('answered' in condition) return [];
	if ('equals' in condition)
		return [{ question: condition.question, option: condition.equals, path: [...path, 'equals'] }];
	return condition.in.map((option, i) => ({
		question: condition.question,
		option,
		path: [...path, 'in', i]
	}));
}
