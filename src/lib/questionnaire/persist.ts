import { emptyContext, type QuestionnaireContext } from '../flow/context';
import {
	canOpen,
	dangersSetOff,
	EMERGENCY,
	isComplete,
	isValidAnswer,
	nextStep,
	prune,
	RESULT,
	REVIEW
} from '../flow/navigation';
import { recommend } from '../flow/recommend';
import type { Answers, Flow } from '../flow/schema';

const FORMAT = 1;
const MAX_LENGTH = 20_000;

export type Restored =
	| { ok: true; step: string; context: QuestionnaireContext }
	| { ok: false; reason: 'empty' | 'corrupt' };

/** What is saved: the step and the answers, tied to the flow and version they belong to. */
export function encodeSession(flow: Flow, step: string, context: QuestionnaireContext): string {
	const { answers, editing, trigger, resume } = context;
	return JSON.stringify({
		v: FORMAT,
		flow: flow.id,
		version: flow.version,
		step,
		answers,
		editing,
		trigger,
		resume
	});
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validAnswers(flow: Flow, value: unknown): Answers | null {
	if (!isRecord(value)) return null;
	const answers: Answers = {};
	for (const [id, answer] of Object.entries(value)) {
		const question = flow.questions.find((q) => q.id === id);
		if (!question || !isValidAnswer(question, answer)) return null;
		answers[id] = answer;
	}
	// Answers to questions that would not be asked mean the entry was edited or is from elsewhere.
	return Object.keys(prune(flow, answers)).length === Object.keys(answers).length ? answers : null;
}

function validStep(flow: Flow, answers: Answers, step: unknown): step is string {
	if (typeof step !== 'string') return false;
	if (step === REVIEW || step === RESULT) return isComplete(flow, answers);
	if (step === EMERGENCY) return true;
	return canOpen(flow, answers, step);
}

/**
 * Reads a saved session, trusting nothing: a corrupt, hand-edited or older entry gives
 * `{ ok: false }` so the questionnaire starts fresh with a notice instead of crashing.
 */
export function decodeSession(flow: Flow, raw: string | null): Restored {
	if (raw === null || raw === '') return { ok: false, reason: 'empty' };
	if (raw.length > MAX_LENGTH) return { ok: false, reason: 'corrupt' };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return { ok: false, reason: 'corrupt' };
	}
	if (
		!isRecord(data) ||
		data.v !== FORMAT ||
		data.flow !== flow.id ||
		data.version !== flow.version
	)
		return { ok: false, reason: 'corrupt' };
	const answers = validAnswers(flow, data.answers);
	if (!answers || !validStep(flow, answers, data.step)) return { ok: false, reason: 'corrupt' };
	const known = (v: unknown) =>
		v === null || v === REVIEW || flow.questions.some((q) => q.id === v);
	if (typeof data.editing !== 'boolean' || !known(data.trigger) || !known(data.resume))
		return { ok: false, reason: 'corrupt' };
	if (data.step === EMERGENCY) {
		// The emergency screen resumes exactly where the questionnaire would go next, never further.
		if (
			typeof data.trigger !== 'string' ||
			data.resume !== nextStep(flow, answers, data.trigger, data.editing)
		)
			return { ok: false, reason: 'corrupt' };
	}
	const context = emptyContext(answers);
	context.editing = data.editing;
	context.trigger = data.trigger as string | null;
	context.resume = data.resume as string | null;
	if (data.step === EMERGENCY) {
		context.dangers = dangersSetOff(flow, answers, data.trigger as string);
		if (context.dangers.length === 0) return { ok: false, reason: 'corrupt' };
	}
	if (data.step === RESULT) context.result = recommend(flow, answers);
	return { ok: true, step: data.step, context };
}
