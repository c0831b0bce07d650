import type { Question, Text } from '../flow/schema';

/** The labels of the chosen options, in the flow's order. */
export function answerLabels(
	question: Question,
	answer: string | string[] | undefined,
	t: (text: Text) => string
): string[] {
	const chosen = answer === undefined ? [] : typeof answer === 'string' ? [answer] : answer;
	return question.options.filter((o) => chosen.includes(o.id)).map((o) => t(o.label));
}
