import { and, assign, setup, type SnapshotFrom } from 'xstate';
import { isValidAnswer } from './answers';
import type { QuestionnaireContext, QuestionnaireEvent } from './context';
import {
	canOpen,
	dangersSetOff,
	EMERGENCY,
	isComplete,
	nextStep,
	previousStep,
	prune,
	RESULT,
	REVIEW
} from './navigation';
import type { Answers, Flow } from './schema';
import { startOf, type Place, type Screen } from './step';

type Context = QuestionnaireContext;

/** The answers once the event's answer is recorded, or null when it is not one for the question on screen. */
function answered(context: Context, event: QuestionnaireEvent): Answers | null {
	if (event.type !== 'answer.submit' || event.question !== context.at) return null;
	const question = context.flow.questions.find((q) => q.id === context.at);
	if (!question || !isValidAnswer(question, event.value)) return null;
	return prune(context.flow, { ...context.answers, [context.at]: event.value });
}

/** The step a nav.goto or review.edit asks for. */
function wanted(event: QuestionnaireEvent): string | null {
	if (event.type === 'nav.goto') return event.step;
	if (event.type === 'review.edit') return event.question;
	return null;
}

/**
 * The questionnaire: one machine for every flow, which arrives as input. Four states (a question,
 * the emergency screen, review, result); the question on screen is `context.at`, and each guard
 * asks the flow's conditions through navigation.ts, so the machine alone decides every next step.
 */
export const questionnaireMachine = setup({
	types: {
		context: {} as Context,
		events: {} as QuestionnaireEvent,
		input: {} as { flow: Flow; answers?: Answers }
	},
	guards: {
		/** A valid answer to the question on screen. */
		answersHere: ({ context, event }) => answered(context, event) !== null,
		/** The answer sets off a danger rule that reads this question. */
		setsOffDanger: ({ context, event }) => {
			const answers = answered(context, event);
			return answers !== null && dangersSetOff(context.flow, answers, context.at).length > 0;
		},
		/** No question is left to ask after this answer. */
		endsQuestions: ({ context, event }) => {
			const answers = answered(context, event) ?? context.answers;
			return nextStep(context.flow, answers, context.at, context.editing) === REVIEW;
		},
		/** From the emergency screen, nothing is left to ask either. */
		resumesAtReview: ({ context }) =>
			nextStep(context.flow, context.answers, context.at, context.editing) === REVIEW,
		hasEarlierQuestion: ({ context }) =>
			previousStep(context.flow, context.answers, context.at) !== undefined,
		complete: ({ context }) => isComplete(context.flow, context.answers),
		/** A question that is asked and has every question before it answered. */
		opensQuestion: ({ context, event }) => {
			const step = wanted(event);
			return step !== null && canOpen(context.flow, context.answers, step);
		},
		opensReview: ({ context, event }) =>
			wanted(event) === REVIEW && isComplete(context.flow, context.answers),
		opensResult: ({ context, event }) =>
			wanted(event) === RESULT && isComplete(context.flow, context.answers)
	},
	actions: {
		/** Records the answer; the question stays `at` (the emergency screen reads it). */
		record: assign(({ context, event }) => ({
			answers: answered(context, event) ?? context.answers
		})),
		/** Records the answer and moves on to the next question asked. */
		recordAndGoOn: assign(({ context, event }) => {
			const answers = answered(context, event) ?? context.answers;
			return { answers, at: nextStep(context.flow, answers, context.at, context.editing) };
		}),
		goOn: assign(({ context }) => ({
			at: nextStep(context.flow, context.answers, context.at, context.editing)
		})),
		goBack: assign(({ context }) => ({
			at: previousStep(context.flow, context.answers, context.at) ?? context.at
		})),
		toLastQuestion: assign(({ context }) => ({
			at: previousStep(context.flow, context.answers, REVIEW) ?? context.at
		})),
		open: assign(({ context, event }) => ({ at: wanted(event) ?? context.at })),
		startEditing: assign({ editing: true }),
		stopEditing: assign({ editing: false }),
		reset: assign(({ context }) => ({ answers: {}, at: startOf(context.flow).at, editing: false }))
	}
}).createMachine({
	id: 'questionnaire',
	context: ({ input }) => ({
		flow: input.flow,
		answers: input.answers ?? {},
		at: startOf(input.flow).at,
		editing: false
	}),
	initial: 'question',
	states: {
		question: {
			on: {
				'answer.submit': [
					{ guard: 'setsOffDanger', target: EMERGENCY, actions: 'record' },
					{ guard: and(['answersHere', 'endsQuestions']), target: REVIEW, actions: 'record' },
					{ guard: 'answersHere', actions: 'recordAndGoOn' }
				],
				'nav.back': { guard: 'hasEarlierQuestion', actions: 'goBack' }
			}
		},
		[EMERGENCY]: {
			on: {
				'emergency.continue': [
					{ guard: 'resumesAtReview', target: REVIEW },
					{ target: 'question', actions: 'goOn' }
				],
				'nav.back': { target: 'question' }
			}
		},
		[REVIEW]: {
			entry: 'stopEditing',
			on: {
				'review.confirm': { guard: 'complete', target: RESULT },
				'review.edit': {
					guard: 'opensQuestion',
					target: 'question',
					actions: ['open', 'startEditing']
				},
				'nav.back': { target: 'question', actions: 'toLastQuestion' }
			}
		},
		[RESULT]: {
			on: { 'nav.back': { target: REVIEW } }
		}
	},
	on: {
		restart: { target: '.question', actions: 'reset' },
		'nav.goto': [
			{ guard: 'opensQuestion', target: '.question', actions: ['open', 'stopEditing'] },
			{ guard: 'opensReview', target: `.${REVIEW}` },
			{ guard: 'opensResult', target: `.${RESULT}` }
		]
	}
});

export type QuestionnaireMachine = typeof questionnaireMachine;
export type QuestionnaireSnapshot = SnapshotFrom<QuestionnaireMachine>;

/** The place a snapshot is at, for step.ts. */
export function placeOf(snapshot: QuestionnaireSnapshot): Place {
	const { answers, at, editing } = snapshot.context;
	return { screen: snapshot.value as Screen, answers, at, editing };
}
