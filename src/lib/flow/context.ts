/**
 * What the questionnaire machine holds and the events it takes. Kept apart from machine.ts (and
 * XState) so screens that only read a place, or start empty, load no engine.
 */
import type { Answers, Flow } from './schema';

/**
 * Only what cannot be derived: the flow (the machine's input), the answers, the question at hand
 * (on the emergency screen, the one whose answer set it off) and whether the person is editing from
 * review. The dangers shown, where the emergency screen resumes and the result are read from these
 * (see step.ts and recommend.ts), never stored.
 */
export interface QuestionnaireContext {
	readonly flow: Flow;
	answers: Answers;
	at: string;
	editing: boolean;
}

export type QuestionnaireEvent =
	/** An answer to `question`: ignored unless it is the question on screen and a valid answer. */
	| { type: 'answer.submit'; question: string; value: string | string[] }
	| { type: 'nav.back' }
	| { type: 'nav.goto'; step: string }
	| { type: 'emergency.continue' }
	| { type: 'review.edit'; question: string }
	| { type: 'review.confirm' }
	| { type: 'restart' };
