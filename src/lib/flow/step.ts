/**
 * Where the questionnaire is, and what that place shows: the one view of a step, read from the
 * machine's snapshot once the engine runs and from the start place before it has loaded (the first
 * question needs no XState). Framework-free: no Svelte, no XState.
 */
import {
	dangersSetOff,
	EMERGENCY,
	nextStep,
	previousStep,
	progress,
	RESULT,
	REVIEW
} from './navigation';
import type { Answers, DangerRule, Flow, Question } from './schema';

/** The machine's states: the questions share one, the question on screen is `at`. */
export type Screen = 'question' | typeof EMERGENCY | typeof REVIEW | typeof RESULT;

/** What cannot be derived: the screen, the answers, the question at hand, and whether editing. */
export interface Place {
	screen: Screen;
	answers: Answers;
	/** The question on screen; on the emergency screen, the question whose answer set it off. */
	at: string;
	/** True while changing an answer from review: answered questions are skipped on the way back. */
	editing: boolean;
}

/** A new questionnaire: the first question, nothing answered. */
export function startOf(flow: Flow): Place {
	return { screen: 'question', answers: {}, at: flow.questions[0]?.id ?? '', editing: false };
}

/** The step's name, as history entries and `data-step` carry it: a question id or a screen. */
export function stepOf(place: Place): string {
	return place.screen === 'question' ? place.at : place.screen;
}

/** The danger rules the emergency screen shows, most urgent first; none elsewhere. */
export function dangersOf(flow: Flow, place: Place): DangerRule[] {
	if (place.screen !== EMERGENCY) return [];
	const ids = dangersSetOff(flow, place.answers, place.at);
	return ids.map((id) => flow.dangers.find((d) => d.id === id)).filter((d) => d !== undefined);
}

/** Where "I am safe, continue" leads from the emergency screen: the step after its question. */
export function resumeOf(flow: Flow, place: Place): string {
	return nextStep(flow, place.answers, place.at, place.editing);
}

/**
 * Where Back leads: the question asked before, review from the result, the question whose answer
 * set off the emergency, or out of the questionnaire (`null`) from the first question.
 */
export function backOf(flow: Flow, place: Place): string | null {
	if (place.screen === EMERGENCY) return place.at;
	if (place.screen === RESULT) return REVIEW;
	const step = place.screen === REVIEW ? REVIEW : place.at;
	return previousStep(flow, place.answers, step) ?? null;
}

export type StepView =
	| {
			kind: 'question';
			step: string;
			question: Question;
			/** "Question 3 of about 9". */
			number: number;
			total: number;
			answer: string | string[] | undefined;
			back: string | null;
	  }
	| { kind: typeof EMERGENCY; step: string; dangers: DangerRule[]; back: string }
	| { kind: typeof REVIEW; step: string; back: string | null }
	| { kind: typeof RESULT; step: string; back: string };

/** Everything a step shows, for the screen and for the announcement of it. */
export function viewOf(flow: Flow, place: Place): StepView {
	const step = stepOf(place);
	switch (place.screen) {
		case 'question': {
			const question = flow.questions.find((q) => q.id === place.at) as Question;
			const { number, total } = progress(flow, place.answers, place.at);
			const answer = place.answers[place.at];
			return { kind: 'question', step, question, number, total, answer, back: backOf(flow, place) };
		}
		case EMERGENCY:
			return { kind: EMERGENCY, step, dangers: dangersOf(flow, place), back: place.at };
		case REVIEW:
			return { kind: REVIEW, step, back: backOf(flow, place) };
		case RESULT:
			return { kind: RESULT, step, back: REVIEW };
	}
}
