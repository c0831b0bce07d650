import { createActor, type SnapshotFrom } from 'xstate';
import {
	adjacencyMapToArray,
	getAdjacencyMap,
	getShortestPaths,
	getSimplePaths
} from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { minimalFlow, opioidFlow } from '../../../tests/flows';
import type { QuestionnaireEvent } from './context';
import { referencedQuestions } from './conditions';
import { possibleAnswers } from './enumerate';
import { placeOf, questionnaireMachine } from './machine';
import { EMERGENCY, RESULT, REVIEW } from './navigation';
import type { Answers, Flow } from './schema';
import { dangersOf, resumeOf, stepOf } from './step';

// minimal: status (ok | sick) → danger (only if sick; yes sets off "severe") → spiritual → extras
const minimal = minimalFlow();
const opioid = opioidFlow();

type Snapshot = SnapshotFrom<typeof questionnaireMachine>;

function start(flow: Flow, answers?: Answers) {
	return createActor(questionnaireMachine, { input: { flow, answers } }).start();
}

/** An answer to whatever question is on screen when it is sent. */
interface Answer {
	answer: string | string[];
}
type Step = QuestionnaireEvent | Answer;

const submit = (value: string | string[]): Answer => ({ answer: value });
const back: QuestionnaireEvent = { type: 'nav.back' };
const goto = (step: string): QuestionnaireEvent => ({ type: 'nav.goto', step });
const edit = (question: string): QuestionnaireEvent => ({ type: 'review.edit', question });
const confirm: QuestionnaireEvent = { type: 'review.confirm' };
const resume: QuestionnaireEvent = { type: 'emergency.continue' };

function send(actor: ReturnType<typeof start>, ...steps: Step[]) {
	for (const step of steps) {
		const at = actor.getSnapshot().context.at;
		actor.send(
			'answer' in step ? { type: 'answer.submit', question: at, value: step.answer } : step
		);
	}
	return actor.getSnapshot();
}

const step = (snapshot: Snapshot) => stepOf(placeOf(snapshot));

const okDone: Answers = { status: 'ok', spiritual: 'none', extras: [] };
const okEvents = [submit('ok'), submit('none'), submit([])];

describe('machine: states', () => {
	it('has four states for any flow: a question, emergency, review and result', () => {
		expect(Object.keys(questionnaireMachine.root.states).sort()).toEqual(
			['question', EMERGENCY, REVIEW, RESULT].sort()
		);
	});

	it('decides each next step itself: a few transitions, the same for every flow', () => {
		let transitions = 0;
		const count = (node: typeof questionnaireMachine.root) => {
			for (const list of node.transitions.values()) transitions += list.length;
			for (const child of Object.values(node.states)) count(child);
		};
		count(questionnaireMachine.root);
		// 438 guarded transitions for the 18 questions of flow v2 when each flow compiled its own.
		expect(transitions).toBeLessThanOrEqual(20);
	});

	it('starts at the first question with empty answers, or the answers given as input', () => {
		const fresh = start(minimal).getSnapshot();
		expect(step(fresh)).toBe('status');
		expect(fresh.context).toEqual({ flow: minimal, answers: {}, at: 'status', editing: false });
		const given = start(minimal, { status: 'ok' }).getSnapshot();
		expect(step(given)).toBe('status');
		expect(given.context.answers).toEqual({ status: 'ok' });
	});
});

describe('machine: answering', () => {
	it('walks forward through the questions asked, skipping hidden ones, to review', () => {
		const actor = start(minimal);
		expect(step(send(actor, submit('ok')))).toBe('spiritual');
		expect(step(send(actor, submit('none')))).toBe('extras');
		const review = send(actor, submit(['online']));
		expect(step(review)).toBe(REVIEW);
		expect(review.context.answers).toEqual({ status: 'ok', spiritual: 'none', extras: ['online'] });
	});

	it('asks a conditional question when its condition holds', () => {
		const actor = start(minimal);
		expect(step(send(actor, submit('sick')))).toBe('danger');
		expect(step(send(actor, submit('no')))).toBe('spiritual');
	});

	it.each<[string, unknown]>([
		['an unknown option', 'fine'],
		['a list for a single question', ['ok']],
		['a number', 3],
		['null', null]
	])('ignores %s', (_, value) => {
		const actor = start(minimal);
		const after = send(actor, {
			type: 'answer.submit',
			question: 'status',
			value
		} as QuestionnaireEvent);
		expect(step(after)).toBe('status');
		expect(after.context.answers).toEqual({});
	});

	it('ignores an invalid multi answer and accepts an empty one when optional', () => {
		const actor = start(minimal, { status: 'ok', spiritual: 'none' });
		send(actor, goto('extras'));
		for (const value of [['women', 'women'], ['men'], 'women']) {
			const after = send(actor, submit(value));
			expect(step(after)).toBe('extras');
			expect(after.context.answers.extras).toBeUndefined();
		}
		expect(step(send(actor, submit([])))).toBe(REVIEW);
	});

	it('ignores an answer meant for another question (a stale screen)', () => {
		const actor = start(minimal);
		send(actor, submit('ok'));
		const after = send(actor, { type: 'answer.submit', question: 'status', value: 'sick' });
		expect(step(after)).toBe('spiritual');
		expect(after.context.answers).toEqual({ status: 'ok' });
	});

	it('ignores events that the current step does not take', () => {
		const actor = start(minimal);
		const after = send(actor, resume, confirm, edit('status'), back);
		expect(step(after)).toBe('status');
		expect(after.context).toEqual({ flow: minimal, answers: {}, at: 'status', editing: false });
	});
});

describe('machine: back', () => {
	it('goes to the question asked before, keeping the answers', () => {
		const actor = start(minimal);
		send(actor, submit('sick'), submit('no'));
		expect(step(send(actor, back))).toBe('danger');
		expect(step(send(actor, back))).toBe('status');
		expect(actor.getSnapshot().context.answers).toEqual({ status: 'sick', danger: 'no' });
		send(actor, submit('ok'));
		expect(step(send(actor, back))).toBe('status');
	});

	it('goes from review to the last question and from result to review', () => {
		const actor = start(minimal);
		send(actor, ...okEvents);
		expect(step(send(actor, back))).toBe('extras');
		send(actor, submit([]), confirm);
		expect(step(actor.getSnapshot())).toBe(RESULT);
		expect(step(send(actor, back))).toBe(REVIEW);
	});
});

describe('machine: emergency', () => {
	it('jumps to emergency on a danger answer, with the rules that set it off', () => {
		const actor = start(minimal);
		const snapshot = send(actor, submit('sick'), submit('yes'));
		expect(step(snapshot)).toBe(EMERGENCY);
		expect(dangersOf(minimal, placeOf(snapshot)).map((d) => d.id)).toEqual(['severe']);
		expect(snapshot.context.at).toBe('danger');
		expect(resumeOf(minimal, placeOf(snapshot))).toBe('spiritual');
		expect(snapshot.context.answers).toEqual({ status: 'sick', danger: 'yes' });
	});

	it('continues at the step after the triggering question', () => {
		const actor = start(minimal);
		expect(step(send(actor, submit('sick'), submit('yes'), resume))).toBe('spiritual');
	});

	it('goes back from emergency to the triggering question', () => {
		const actor = start(minimal);
		expect(step(send(actor, submit('sick'), submit('yes'), back))).toBe('danger');
		// Changing the answer there goes on without the emergency.
		expect(step(send(actor, submit('no')))).toBe('spiritual');
	});

	it('returns to review when the danger answer was given while editing from review', () => {
		const actor = start(minimal);
		send(actor, ...okEvents, edit('status'), submit('sick'));
		const snapshot = send(actor, submit('yes'));
		expect(step(snapshot)).toBe(EMERGENCY);
		expect(resumeOf(minimal, placeOf(snapshot))).toBe(REVIEW);
		const review = send(actor, resume);
		expect(step(review)).toBe(REVIEW);
		expect(review.context.editing).toBe(false);
	});

	it('on the real flow, a depressant jumps to emergency and resumes at detox status', () => {
		const actor = start(opioid);
		const snapshot = send(actor, submit('myself'), submit('heroin'), submit('alcohol'));
		expect(step(snapshot)).toBe(EMERGENCY);
		expect(dangersOf(opioid, placeOf(snapshot)).map((d) => d.id)).toEqual(['depressants']);
		expect(step(send(actor, resume))).toBe('detox-status');
	});
});

describe('machine: review', () => {
	it('edits a question and returns to review, skipping questions already answered', () => {
		const actor = start(minimal);
		send(actor, ...okEvents);
		const editing = send(actor, edit('status'));
		expect(step(editing)).toBe('status');
		expect(editing.context.editing).toBe(true);
		// sick reveals danger, which has no answer yet: it is asked, then review again.
		expect(step(send(actor, submit('sick')))).toBe('danger');
		const review = send(actor, submit('no'));
		expect(step(review)).toBe(REVIEW);
		expect(review.context.editing).toBe(false);
		expect(review.context.answers).toEqual({ ...okDone, status: 'sick', danger: 'no' });
	});

	it('prunes the answer of a question that a changed answer hides', () => {
		const actor = start(minimal);
		send(actor, submit('sick'), submit('no'), submit('none'), submit([]));
		send(actor, edit('status'));
		const review = send(actor, submit('ok'));
		expect(step(review)).toBe(REVIEW);
		expect(review.context.answers).toEqual(okDone);
	});

	it('does not open a hidden or unknown question for editing', () => {
		const actor = start(minimal);
		send(actor, ...okEvents);
		for (const question of ['danger', 'mood', RESULT])
			expect(step(send(actor, edit(question)))).toBe(REVIEW);
	});

	it('confirms into the result once every question asked is answered', () => {
		const actor = start(minimal);
		send(actor, submit('sick'), submit('no'), submit('welcome'), submit(['women']));
		const result = send(actor, confirm);
		expect(step(result)).toBe(RESULT);
		expect(result.context.answers).toEqual({
			status: 'sick',
			danger: 'no',
			spiritual: 'welcome',
			extras: ['women']
		});
	});
});

describe('machine: nav.goto and restart', () => {
	it('opens only steps that can be opened', () => {
		const actor = start(minimal);
		for (const target of ['spiritual', 'extras', 'danger', REVIEW, RESULT, EMERGENCY, 'mood'])
			expect(step(send(actor, goto(target)))).toBe('status');
		send(actor, submit('ok'));
		expect(step(send(actor, goto('extras')))).toBe('spiritual');
		expect(step(send(actor, goto('status')))).toBe('status');
		expect(step(send(actor, goto('spiritual')))).toBe('spiritual');
	});

	it('opens review and result once every question asked is answered', () => {
		const actor = start(minimal, okDone);
		expect(step(send(actor, goto(REVIEW)))).toBe(REVIEW);
		const result = send(actor, goto(RESULT));
		expect(step(result)).toBe(RESULT);
		expect(result.context.answers).toEqual(okDone);
	});

	it('stops editing when the person jumps elsewhere', () => {
		const actor = start(minimal);
		send(actor, ...okEvents, edit('spiritual'));
		expect(actor.getSnapshot().context.editing).toBe(true);
		const snapshot = send(actor, goto('status'));
		expect(step(snapshot)).toBe('status');
		expect(snapshot.context.editing).toBe(false);
		// Not editing: the next answer walks forward through the answered questions.
		expect(step(send(actor, submit('ok')))).toBe('spiritual');
	});

	it('restart clears everything and goes to the first question', () => {
		const actor = start(minimal);
		send(actor, submit('sick'), submit('yes'));
		const fromEmergency = send(actor, { type: 'restart' });
		expect(step(fromEmergency)).toBe('status');
		expect(fromEmergency.context).toEqual({
			flow: minimal,
			answers: {},
			at: 'status',
			editing: false
		});
		send(actor, ...okEvents, confirm);
		const fromResult = send(actor, { type: 'restart' });
		expect(step(fromResult)).toBe('status');
		expect(fromResult.context).toEqual({
			flow: minimal,
			answers: {},
			at: 'status',
			editing: false
		});
	});
});

/** Every event a person can send at a snapshot: each answer to the question at hand, and these. */
function eventsOf(flow: Flow, others: QuestionnaireEvent[]) {
	const answers = new Map(flow.questions.map((q) => [q.id, possibleAnswers(q)]));
	return (s: Snapshot): QuestionnaireEvent[] => [
		...(s.value === 'question' ? (answers.get(s.context.at) ?? []) : []).map(
			(value): QuestionnaireEvent => ({ type: 'answer.submit', question: s.context.at, value })
		),
		...others
	];
}

/**
 * A state key that keeps everything the guards read: the step, the answers that some condition
 * reads, whether each other question is answered, and whether editing. Snapshots with equal keys
 * behave alike, so the graph stays small without losing any path.
 */
function navigationKey(flow: Flow) {
	const read = new Set([
		...flow.questions.flatMap((q) => (q.showIf ? referencedQuestions(q.showIf) : [])),
		...flow.dangers.flatMap((d) => referencedQuestions(d.when))
	]);
	return (snapshot: Snapshot) => {
		const { answers, editing, at } = snapshot.context;
		const given = flow.questions.map((q) =>
			read.has(q.id) ? (answers[q.id] ?? null) : answers[q.id] !== undefined
		);
		return JSON.stringify([snapshot.value, at, given, editing]);
	};
}

function replay(flow: Flow, events: QuestionnaireEvent[]) {
	const actor = start(flow);
	for (const event of events) actor.send(event);
	return actor.getSnapshot();
}

// Graph searches take about a second each, more on a busy machine.
describe('machine: paths through the minimal flow (xstate/graph)', () => {
	const everyEvent = eventsOf(minimal, [resume, confirm, back]);
	const steps = [...minimal.questions.map((q) => q.id), EMERGENCY, REVIEW, RESULT];
	const toResult = (from: Snapshot) =>
		getShortestPaths(questionnaireMachine, {
			events: everyEvent,
			fromState: from,
			serializeState: navigationKey(minimal),
			toState: (s) => s.value === RESULT
		});

	it('reaches every step on a simple path, and every simple path can go on to result', () => {
		// Keyed by step alone: enough to find a path to each step, and each path is replayed below.
		const paths = getSimplePaths(questionnaireMachine, {
			events: everyEvent,
			input: { flow: minimal },
			serializeState: step
		});
		expect(new Set(paths.map((p) => step(p.state)))).toEqual(new Set(steps));
		for (const path of paths) {
			const end = replay(
				minimal,
				path.steps.map((s) => s.event)
			);
			expect(step(end)).toBe(step(path.state));
			const onward = toResult(end);
			expect(onward.length, `no way on to result from ${step(end)}`).toBeGreaterThan(0);
			expect(onward[0]?.state.value).toBe(RESULT);
		}
	}, 30_000);

	it('can go on to result from every reachable snapshot (full context)', () => {
		// Keyed by the whole context but the flow, which never changes: every reachable context is a vertex.
		const serializeState = (s: Snapshot) =>
			JSON.stringify([s.value, s.context.at, s.context.answers, s.context.editing]);
		const edges = adjacencyMapToArray(
			getAdjacencyMap(questionnaireMachine, {
				events: everyEvent,
				input: { flow: minimal },
				serializeState
			})
		);
		const into = new Map<string, string[]>();
		const vertices = new Map<string, Snapshot>();
		for (const { state, nextState } of edges) {
			const from = serializeState(state);
			const to = serializeState(nextState);
			vertices.set(from, state).set(to, nextState);
			into.set(to, [...(into.get(to) ?? []), from]);
		}
		const reaches = new Set([...vertices].filter(([, s]) => s.value === RESULT).map(([k]) => k));
		const queue = [...reaches];
		for (const key of queue)
			for (const from of into.get(key) ?? [])
				if (!reaches.has(from)) {
					reaches.add(from);
					queue.push(from);
				}
		expect(vertices.size).toBeGreaterThan(100);
		expect(new Set([...vertices.values()].map(step))).toEqual(new Set(steps));
		const stuck = [...vertices].filter(([k]) => !reaches.has(k)).map(([k]) => k);
		expect(stuck.slice(0, 3)).toEqual([]);
	}, 30_000);
});

describe('machine: paths through the real flow (xstate/graph)', () => {
	it('reaches every question, emergency, review and result', () => {
		// nav.back multiplies the states (over a minute); going forward already reaches every step.
		const paths = getShortestPaths(questionnaireMachine, {
			events: eventsOf(opioid, [resume, confirm]),
			input: { flow: opioid },
			serializeState: navigationKey(opioid)
		});
		const steps = [...opioid.questions.map((q) => q.id), EMERGENCY, REVIEW, RESULT];
		const shortest = new Map<string, QuestionnaireEvent[]>();
		for (const path of paths) {
			const events = path.steps.map((s) => s.event);
			const at = step(path.state);
			if ((shortest.get(at)?.length ?? Infinity) > events.length) shortest.set(at, events);
		}
		expect(new Set(shortest.keys())).toEqual(new Set(steps));
		for (const [at, events] of shortest) expect(step(replay(opioid, events))).toBe(at);
	}, 30_000);
});
