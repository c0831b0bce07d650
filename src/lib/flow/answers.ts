/**
 * The one vocabulary of answers: what an answer chose, whether it chose an option, and whether a
 * value is an answer at all. A single question's answer is one option id, a multi question's a
 * list of them; nothing else reads that shape.
 */
import type { Answers, Question } from './schema';

export type Answer = Answers[string];

/** The option ids an answer chose (none when there is no answer). */
export function chosen(answer: Answer | undefined): readonly string[] {
	if (answer === undefined) return [];
	return typeof answer === 'string' ? [answer] : answer;
}

/** True when the answer to `question` is `option`, or a multi answer that includes it. */
export function chose(answers: Answers, question: string, option: string): boolean {
	const answer = answers[question];
	if (answer === undefined) return false;
	return answer === option || (typeof answer !== 'string' && answer.includes(option));
}

/** True when the answer to `question` chose any of `options`. */
export function choseAny(answers: Answers, question: string, options: readonly string[]): boolean {
	const answer = answers[question];
	if (answer === undefined) return false;
	return typeof answer === 'string'
		? options.includes(answer)
		: answer.some((x) => options.includes(x));
}

/** True when the value is a valid answer to the question (known option ids, right shape). */
export function isValidAnswer(question: Question, value: unknown): value is Answer {
	const ids = question.options.map((o) => o.id);
	if (question.kind === 'single') return typeof value === 'string' && ids.includes(value);
	if (!Array.isArray(value)) return false;
	if (value.length === 0) return question.optional === true;
	if (value.length > 1 && question.options.some((o) => o.exclusive && value.includes(o.id)))
		return false;
	return (
		value.every((v) => typeof v === 'string' && ids.includes(v)) &&
		new Set(value).size === value.length
	);
}
