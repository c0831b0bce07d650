/**
 * What the questionnaire machine holds and the events it takes. Kept apart from compile.ts (and
 * XState) so screens that only read a context, or start empty, load no engine.
 */
import type { Recommendation } from './recommend';
import type { Answers } from './schema';

export interface QuestionnaireContext {
	answers: Answers;
	/** True while changing an answer from the review screen: answered questions are skipped. */
	editing: boolean;
	/** Emergency screen: the question whose answer set it off, and where to go on after it. */
	trigger: string | null;
	resume: string | null;
	/** Ids of the danger rules shown on the emergency screen. */
	dangers: string[];
	/** The recommendation, set on entering the result. */
	result: Recommendation | null;
}

export type QuestionnaireEvent =
	| { type: 'answer.submit'; value: string | string[] }
	| { type: 'nav.back' }
	| { type: 'nav.goto'; step: string }
	| { type: 'emergency.continue' }
	| { type: 'review.edit'; question: string }
	| { type: 'review.confirm' }
	| { type: 'restart' };

/** A questionnaire with these answers (none by default) and nothing else under way. */
export function emptyContext(answers: Answers = {}): QuestionnaireContext {
	return { answers, editing: false, trigger: null, resume: null, dangers: [], result: null };
}
