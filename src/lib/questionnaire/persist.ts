import { createActor } from 'xstate';
import { placeOf, questionnaireMachine, type QuestionnaireSnapshot } from '../flow/machine';
import { isValidAnswer } from '../flow/answers';
import { EMERGENCY, prune, RESULT, REVIEW } from '../flow/navigation';
import type { Answers, Flow } from '../flow/schema';
import { stepOf } from '../flow/step';
import { readsAnswersOf } from '../flow/versions';

const FORMAT = 2;
const MAX_LENGTH = 20_000;

export type Restored =
	{ ok: true; snapshot: QuestionnaireSnapshot } | { ok: false; reason: 'empty' | 'corrupt' };

/**
 * What is saved: the step, the answers and whether editing, tied to the flow and version they
 * belong to; on the emergency screen, also the question whose answer set it off.
 */
export function encodeSession(flow: Flow, snapshot: QuestionnaireSnapshot): string {
	const place = placeOf(snapshot);
	// In the flow's order, whatever order they were given in: the same session, the same text.
	const answers = Object.fromEntries(
		flow.questions
			.filter((q) => place.answers[q.id] !== undefined)
			.map((q) => [q.id, place.answers[q.id]])
	);
	return JSON.stringify({
		v: FORMAT,
		flow: flow.id,
		version: flow.version,
		step: stepOf(place),
		answers,
		editing: place.editing,
		trigger: place.screen === EMERGENCY ? place.at : null
	});
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Saved {
	step: string;
	answers: Record<string, unknown>;
	editing: boolean;
	trigger: string | null;
}

/**
 * The saved answers, if each is a valid answer to a question of the flow that these answers ask:
 * the same tests the machine puts every answer to (navigation.ts), nothing more.
 */
function validAnswers(flow: Flow, value: Record<string, unknown>): Answers | null {
	const answers: Answers = {};
	for (const [id, answer] of Object.entries(value)) {
		const question = flow.questions.find((q) => q.id === id);
		if (!question || !isValidAnswer(question, answer)) return null;
		answers[id] = answer;
	}
	return Object.keys(prune(flow, answers)).length === Object.keys(answers).length ? answers : null;
}

/**
 * Brings a new questionnaire with the saved answers to the saved step through the machine itself,
 * as a person would get there: the step is opened with nav.goto, and the emergency screen is
 * reached by giving its triggering answer again. Null when the machine refuses.
 */
function place(flow: Flow, saved: Saved): QuestionnaireSnapshot | null {
	const answers = validAnswers(flow, saved.answers);
	if (!answers) return null;
	const actor = createActor(questionnaireMachine, { input: { flow, answers } }).start();
	if (saved.step === EMERGENCY) {
		const answer = saved.trigger === null ? undefined : answers[saved.trigger];
		if (saved.trigger === null || answer === undefined) return null;
		actor.send({ type: 'nav.goto', step: saved.trigger });
		actor.send({ type: 'answer.submit', question: saved.trigger, value: answer });
	} else actor.send({ type: 'nav.goto', step: saved.step });
	// Taken before stopping: a snapshot of a running actor, for the session's actor to start from.
	const snapshot = actor.getSnapshot();
	actor.stop();
	if (stepOf(placeOf(snapshot)) !== saved.step) return null;
	if (saved.step === EMERGENCY && snapshot.context.at !== saved.trigger) return null;
	if (!saved.editing) return snapshot;
	// Editing from review only ever shows a question or the emergency screen.
	if (saved.step === REVIEW || saved.step === RESULT) return null;
	return questionnaireMachine.resolveState({
		value: snapshot.value,
		context: { ...snapshot.context, editing: true }
	});
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
		typeof data.version !== 'number' ||
		readsAnswersOf(flow, data.version) !== 'yes' ||
		typeof data.step !== 'string' ||
		!isRecord(data.answers) ||
		typeof data.editing !== 'boolean' ||
		(data.trigger !== null && typeof data.trigger !== 'string')
	)
		return { ok: false, reason: 'corrupt' };
	const { step, answers, editing } = data;
	const snapshot = place(flow, { step, answers, editing, trigger: data.trigger as string | null });
	return snapshot ? { ok: true, snapshot } : { ok: false, reason: 'corrupt' };
}
