import { evaluate, referencedQuestions } from './conditions';
import { planOf } from './plan';
import type { Answers, DangerRule, Flow, Helpline, Question } from './schema';

/** Where the questionnaire can be: a question id, or one of these screens. */
export const REVIEW = 'review';
export const RESULT = 'result';
export const EMERGENCY = 'emergency';
export const RESERVED_STEPS = [REVIEW, RESULT, EMERGENCY] as const;

/** True when the question is asked, given the earlier answers. */
export function isVisible(question: Question, answers: Answers): boolean {
	return question.showIf === undefined || evaluate(question.showIf, answers);
}

/** The questions asked for these answers, in order. */
export function visibleQuestions(flow: Flow, answers: Answers): Question[] {
	return flow.questions.filter((q) => isVisible(q, answers));
}

/** Drops answers to questions that are no longer asked, so a changed answer never leaves stale ones. */
export function prune(flow: Flow, answers: Answers): Answers {
	const asked = planOf(flow).asked;
	// Most answer sets are already consistent: return them as they are, without copying.
	if (flow.questions.every((q, i) => answers[q.id] === undefined || asked[i]?.(answers)))
		if (Object.keys(answers).every((id) => flow.questions.some((q) => q.id === id))) return answers;
	const kept: Answers = {};
	flow.questions.forEach((q, i) => {
		const answer = answers[q.id];
		if (answer !== undefined && asked[i]?.(kept)) kept[q.id] = answer;
	});
	return kept;
}

/**
 * The step after `current`: the next question asked, or review when none is left.
 * When editing from review, answered questions are skipped so the person returns to review.
 */
export function nextStep(flow: Flow, answers: Answers, current: string, editing: boolean): string {
	const index = flow.questions.findIndex((q) => q.id === current);
	for (const q of flow.questions.slice(index + 1)) {
		if (!isVisible(q, answers)) continue;
		if (editing && answers[q.id] !== undefined) continue;
		return q.id;
	}
	return REVIEW;
}

/** The question before `current` that was asked, or undefined at the first question. */
export function previousStep(flow: Flow, answers: Answers, current: string): string | undefined {
	const asked = visibleQuestions(flow, answers);
	if (current === REVIEW || current === RESULT) return asked.at(-1)?.id;
	const index = asked.findIndex((q) => q.id === current);
	return index > 0 ? asked[index - 1]?.id : undefined;
}

/** True when every question asked has an answer. */
export function isComplete(flow: Flow, answers: Answers): boolean {
	return visibleQuestions(flow, answers).every((q) => answers[q.id] !== undefined);
}

/** True when the person may open this question: it is asked and everything before it is answered. */
export function canOpen(flow: Flow, answers: Answers, questionId: string): boolean {
	for (const q of visibleQuestions(flow, answers)) {
		if (q.id === questionId) return true;
		if (answers[q.id] === undefined) return false;
	}
	return false;
}

const URGENCY: Record<DangerRule['level'], number> = { emergency: 0, urgent: 1 };

/** Most urgent first: emergencies before urgent care; within a level, the flow's order of priority. */
export function byUrgency(dangers: DangerRule[]): DangerRule[] {
	if (dangers.length < 2) return dangers;
	return dangers
		.map((d, i) => ({ d, i }))
		.sort((a, b) => URGENCY[a.d.level] - URGENCY[b.d.level] || a.i - b.i)
		.map(({ d }) => d);
}

/** Danger rules that hold for these answers, most urgent first. */
export function activeDangers(flow: Flow, answers: Answers): DangerRule[] {
	const dangers = planOf(flow).dangers;
	return byUrgency(flow.dangers.filter((_, i) => dangers[i]?.(answers)));
}

/**
 * "Question 3 of about 9": the position among the questions asked, and the most questions any way
 * on from here could ask. Unanswered questions that decide what is asked are tried with each of
 * their answers, so the total never undercounts at the start and only shrinks as answers come in.
 */
export function progress(flow: Flow, answers: Answers, current: string) {
	const asked = visibleQuestions(flow, answers);
	const index = asked.findIndex((q) => q.id === current);
	return { number: index + 1, total: mostAsked(flow, answers) };
}

function mostAsked(flow: Flow, answers: Answers): number {
	const plan = planOf(flow);
	const partial: Answers = { ...answers };
	const walk = (from: number): number => {
		let count = 0;
		for (let i = from; i < flow.questions.length; i++) {
			const q = flow.questions[i] as Question;
			if (!plan.asked[i]?.(partial)) continue;
			count++;
			if (partial[q.id] !== undefined || !plan.gating.has(q.id)) continue;
			let most = 0;
			for (const option of q.options) {
				partial[q.id] = q.kind === 'single' ? option.id : [option.id];
				most = Math.max(most, walk(i + 1));
			}
			delete partial[q.id];
			return count + most;
		}
		return count;
	};
	return walk(0);
}

/**
 * Ids of the danger rules that read `question` and hold once it has its answer in `answers`, most
 * urgent first: every one of them interrupts, together on one screen.
 */
export function dangersSetOff(flow: Flow, answers: Answers, question: string): string[] {
	return byUrgency(
		flow.dangers.filter(
			(d) => referencedQuestions(d.when).includes(question) && evaluate(d.when, answers)
		)
	).map((d) => d.id);
}

/** The help lines to show first for these danger rules: in the rules' order, each once. */
export function helplinesFor(flow: Flow, dangers: DangerRule[]): Helpline[] {
	return [...new Set(dangers.flatMap((d) => d.helplines))]
		.map((id) => flow.helplines.find((h) => h.id === id))
		.filter((h) => h !== undefined);
}
