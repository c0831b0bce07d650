import { assign, setup } from 'xstate';
import {
	canOpen,
	dangersSetOff,
	EMERGENCY,
	isComplete,
	isValidAnswer,
	nextStep,
	previousStep,
	prune,
	RESULT,
	REVIEW
} from './navigation';
import { emptyContext, type QuestionnaireContext, type QuestionnaireEvent } from './context';
import { recommend } from './recommend';
import type { Answers, Flow } from './schema';

/**
 * Compiles a flow into an XState machine: one state per question, then review and result, and an
 * emergency state that danger answers jump to. The configuration is plain data that names guards
 * and actions; all behaviour lives in the single `setup()` below, so no flow needs code.
 */
export function compile(flow: Flow) {
	const question = (id: string) => flow.questions.find((q) => q.id === id);
	/** The answers after `event` answers `id`, or null when the value is not a valid answer. */
	const answered = (context: QuestionnaireContext, event: QuestionnaireEvent, id: string) => {
		const q = question(id);
		if (event.type !== 'answer.submit' || !q || !isValidAnswer(q, event.value)) return null;
		return prune(flow, { ...context.answers, [id]: event.value });
	};
	const openable = (answers: Answers, step: string) =>
		step === REVIEW || step === RESULT ? isComplete(flow, answers) : canOpen(flow, answers, step);

	const machineSetup = setup({
		types: {
			context: {} as QuestionnaireContext,
			events: {} as QuestionnaireEvent,
			input: {} as { answers?: Answers }
		},
		guards: {
			setsOffDanger: ({ context, event }, params: { question: string }) => {
				const answers = answered(context, event, params.question);
				return answers !== null && dangersSetOff(flow, answers, params.question).length > 0;
			},
			leadsTo: ({ context, event }, params: { question: string; target: string }) => {
				const answers = answered(context, event, params.question);
				return (
					answers !== null &&
					nextStep(flow, answers, params.question, context.editing) === params.target
				);
			},
			backTo: ({ context }, params: { from: string; target: string }) =>
				previousStep(flow, context.answers, params.from) === params.target,
			resumesAt: ({ context }, params: { target: string }) => context.resume === params.target,
			triggeredBy: ({ context }, params: { target: string }) => context.trigger === params.target,
			opens: ({ context, event }, params: { target: string }) => {
				const step =
					event.type === 'nav.goto'
						? event.step
						: event.type === 'review.edit'
							? event.question
							: null;
				return step === params.target && openable(context.answers, step);
			},
			complete: ({ context }) => isComplete(flow, context.answers)
		},
		actions: {
			record: assign(({ context, event }, params: { question: string }) => ({
				answers: answered(context, event, params.question) ?? context.answers
			})),
			raiseDanger: assign(({ context, event }, params: { question: string }) => {
				const answers = answered(context, event, params.question) ?? context.answers;
				return {
					answers,
					trigger: params.question,
					resume: nextStep(flow, answers, params.question, context.editing),
					dangers: dangersSetOff(flow, answers, params.question)
				};
			}),
			startEditing: assign({ editing: true }),
			stopEditing: assign({ editing: false }),
			computeResult: assign(({ context }) => ({ result: recommend(flow, context.answers) })),
			reset: assign(() => emptyContext())
		}
	});

	const ids = flow.questions.map((q) => q.id);
	const first = ids[0] ?? REVIEW;
	const states: Record<string, object> = {};

	ids.forEach((id, i) => {
		const later = [...ids.slice(i + 1), REVIEW];
		const earlier = ids.slice(0, i);
		states[id] = {
			on: {
				'answer.submit': [
					{
						guard: { type: 'setsOffDanger', params: { question: id } },
						target: EMERGENCY,
						actions: { type: 'raiseDanger', params: { question: id } }
					},
					...later.map((target) => ({
						guard: { type: 'leadsTo', params: { question: id, target } },
						target,
						actions: { type: 'record', params: { question: id } }
					}))
				],
				'nav.back': earlier.map((target) => ({
					guard: { type: 'backTo', params: { from: id, target } },
					target
				}))
			}
		};
	});

	states[EMERGENCY] = {
		on: {
			'emergency.continue': [...ids, REVIEW].map((target) => ({
				guard: { type: 'resumesAt', params: { target } },
				target
			})),
			'nav.back': ids.map((target) => ({
				guard: { type: 'triggeredBy', params: { target } },
				target
			}))
		}
	};

	states[REVIEW] = {
		entry: 'stopEditing',
		on: {
			'review.confirm': { guard: 'complete', target: RESULT },
			'review.edit': ids.map((target) => ({
				guard: { type: 'opens', params: { target } },
				target,
				actions: 'startEditing'
			})),
			'nav.back': ids.map((target) => ({
				guard: { type: 'backTo', params: { from: REVIEW, target } },
				target
			}))
		}
	};

	states[RESULT] = {
		entry: 'computeResult',
		on: { 'nav.back': { target: REVIEW } }
	};

	return machineSetup.createMachine({
		id: flow.id,
		initial: first,
		context: ({ input }) => emptyContext(input.answers ?? {}),
		states: states as never,
		on: {
			restart: { target: `.${first}`, actions: 'reset' },
			'nav.goto': [...ids, REVIEW, RESULT].map((target) => ({
				guard: { type: 'opens', params: { target } },
				target: `.${target}`,
				actions: 'stopEditing'
			}))
		}
	});
}

export type QuestionnaireMachine = ReturnType<typeof compile>;
