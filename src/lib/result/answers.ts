/**
 * A person's answers as a result shows them (on screen, on paper, to a counselor): framework-free,
 * used by the result's components and by the plain-text summary.
 */
import { chosen } from '../flow/answers';
import { referencedQuestions } from '../flow/conditions';
import { prune, visibleQuestions } from '../flow/navigation';
import type { Answers, Flow, Question, Text } from '../flow/schema';

/** The labels an answer chose, joined, or `none`. */
export function answerText(
	question: Question,
	answers: Answers,
	t: (text: Text) => string,
	none: string
) {
	const ids = chosen(answers[question.id]);
	const labels = question.options.filter((o) => ids.includes(o.id)).map((o) => t(o.label));
	return labels.length > 0 ? labels.join(', ') : none;
}

/**
 * True when every question a danger rule reads was asked: only then does "no danger rule holds"
 * mean that none was reported, rather than that nobody asked.
 */
export function dangersAsked(flow: Flow, answers: Answers): boolean {
	const given = prune(flow, answers);
	return flow.dangers.every((d) =>
		referencedQuestions(d.when).every((q) => given[q] !== undefined)
	);
}

/** Asked questions split into safety flags first (and danger answers), then the rest. */
export function splitFlags(flow: Flow, answers: Answers) {
	const asked = visibleQuestions(flow, answers);
	return { flags: asked.filter((q) => q.flag), others: asked.filter((q) => !q.flag) };
}
