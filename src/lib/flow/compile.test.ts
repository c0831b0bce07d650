import { createActor, type EventFrom, type SnapshotFrom } from 'xstate';
import {
	adjacencyMapToArray,
	getAdjacencyMap,
	getShortestPaths,
	getSimplePaths
} from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { minimalFlow, opioidFlow } from '../../../tests/flows';
import { compile } from './compile';
import { emptyContext, type QuestionnaireEvent } from './context';
import { referencedQuestions } from './conditions';
import { possibleAnswers } from './enumerate';
import { EMERGENCY, RESULT, REVIEW } from './navigation';
import { recommend } from './recommend';
import type { Answers, Flow } from './schema';

// minimal: status (ok | sick) → danger (only if sick; yes sets off "severe") → spiritual → extras
const minimal = minimalFlow();
const opioid = opioidFlow();

type Machine = ReturnType<typeof compile>;
type Snapshot = SnapshotFrom<Machine>;
/** What the machine takes: the questionnaire events (and XState's own, which paths may carry). */
type Event = EventFrom<Machine>;

function start(flow: Flow, answers?: Answers) {
	return createActor(compile(flow), { input: answers ? { answers } : {} }).start();
}

const submit = (value: string | string[]): QuestionnaireEvent => ({ type: 'answer.submit', value });
const back: QuestionnaireEvent = { type: 'nav.back' };
const goto = (step: string): QuestionnaireEvent => ({ type: 'nav.goto', step });
const edit = (question: string): QuestionnaireEvent => ({ type: 'review.edit', question });
const confirm: QuestionnaireEvent = { type: 'review.confirm' };
const resume: QuestionnaireEvent = { type: 'emergency.continue' };

function send(actor: ReturnType<typeof start>, ...events: Event[]) {
	for (const event of events) actor.send(event);
	return actor.getSnapshot();
}

const okDone: Answers = { status: 'ok', spiritual: 'none', extras: [] };
const okEvents = [submit('ok'), submit('none'), submit([])];

describe('compile: states', () => {
	it('has one state per question, then emergency, review and result', () => {
		const machine = compile(minimal);
		expect(Object.keys(machine.root.states).sort()).toEqual(
			[...minimal.questions.map((q) => q.id), EMERGENCY, REVIEW, RESULT].sort()
		);
		expect(Object.keys(compile(opioid).root.states)).toHaveLength(opioid.questions.length + 3);
	});

	it('starts at the first question with empty answers, or the answers given as input', () => {
		const fresh = start(minimal).getSnapshot();
		expect(fresh.value).toBe('status');
		expect(fresh.context).toEqual(emptyContext());
		const given = start(minimal, { status: 'ok' }).getSnapshot();
		expect(given.value).toBe('status');
		expect(given.context.answers).toEqual({ status: 'ok' });
	});
});

describe('compile: answering', () => {
	it('walks forward through the questions asked, skipping hidden ones, to review', () => {
		const actor = start(minimal);
		expect(send(actor, submit('ok')).value).toBe('spiritual');
		expect(send(actor, submit('none')).value).toBe('extras');
		const review = send(actor, submit(['online']));
		expect(review.value).toBe(REVIEW);
		expect(review.context.answers).toEqual({ status: 'ok', spiritual: 'none', extras: ['online'] });
	});

	it('asks a conditional question when its condition holds', () => {
		const actor = start(minimal);
		expect(send(actor, submit('sick')).value).toBe('danger');
		expect(send(actor, submit('no')).value).toBe('spiritual');
	});

	it.each<[string, unknown]>([
		['an unknown option', 'fine'],
		['a list for a single question', ['ok']],
		['a number', 3],
		['null', null]
	])('ignores %s', (_, value) => {
		const actor = start(minimal);
		const after = send(actor, { type: 'answer.submit', value } as QuestionnaireEvent);
		expect(after.value).toBe('status');
		expect(after.context.answers).toEqual({});
	});

	it('ignores an invalid multi answer and accepts an empty one when optional', () => {
		const actor = start(minimal, { status: 'ok', spiritual: 'none' });
		send(actor, goto('extras'));
		for (const value of [['women', 'women'], ['men'], 'women']) {
			const after = send(actor, submit(value));
			expect(after.value).toBe('extras');
			expect(after.context.answers.extras).toBeUndefined();
		}
		expect(send(actor, submit([])).value).toBe(REVIEW);
	});

	it('ignores events that the current step does not take', () => {
		const actor = start(minimal);
		const after = send(actor, resume, confirm, edit('status'), back);
		expect(after.value).toBe('status');
		expect(after.context).toEqual(emptyContext());
	});
});

describe('compile: back', () => {
	it('goes to the question asked before, keeping the answers', () => {
		const actor = start(minimal);
		send(actor, submit('sick'), submit('no'));
		expect(send(actor, back).value).toBe('danger');
		expect(send(actor, back).value).toBe('status');
		expect(actor.getSnapshot().context.answers).toEqual({ status: 'sick', danger: 'no' });
		send(actor, submit('ok'));
		expect(send(actor, back).value).toBe('status');
	});

	it('goes from review to the last question and from result to review', () => {
		const actor = start(minimal);
		send(actor, ...okEvents);
		expect(send(actor, back).value).toBe('extras');
		send(actor, submit([]), confirm);
		expect(actor.getSnapshot().value).toBe(RESULT);
		expect(send(actor, back).value).toBe(REVIEW);
	});
});

describe('compile: emergency', () => {
	it('jumps to emergency on a danger answer, with the rules that set it off', () => {
		const actor = start(minimal);
		const snapshot = send(actor, submit('sick'), submit('yes'));
		expect(snapshot.value).toBe(EMERGENCY);
		expect(snapshot.context.dangers).toEqual(['severe']);
		expect(snapshot.context.trigger).toBe('danger');
		expect(snapshot.context.resume).toBe('spiritual');
		expect(snapshot.context.answers).toEqual({ status: 'sick', danger: 'yes' });
	});

	it('continues at the step after the triggering question', () => {
		const actor = start(minimal);
		expect(send(actor, submit('sick'), submit('yes'), resume).value).toBe('spiritual');
	});

	it('goes back from emergency to the triggering question', () => {
		const actor = start(minimal);
		expect(send(actor, submit('sick'), submit('yes'), back).value).toBe('danger');
		// Changing the answer there goes on without the emergency.
		expect(send(actor, submit('no')).value).toBe('spiritual');
	});

	it('returns to review when the danger answer was given while editing from review', () => {
		const actor = start(minimal);
		send(actor, ...okEvents, edit('status'), submit('sick'));
		const snapshot = send(actor, submit('yes'));
		expect(snapshot.value).toBe(EMERGENCY);
		expect(snapshot.context.resume).toBe(REVIEW);
		const review = send(actor, resume);
		expect(review.value).toBe(REVIEW);
		expect(review.context.editing).toBe(false);
	});

	it('on the real flow, a depressant jumps to emergency and resumes at detox status', () => {
		const actor = start(opioid);
		const snapshot = send(actor, submit('myself'), submit('heroin'), submit('alcohol'));
		expect(snapshot.value).toBe(EMERGENCY);
		expect(snapshot.context.dangers).toEqual(['depressants']);
		expect(send(actor, resume).value).toBe('detox-status');
	});
});

describe('compile: review', () => {
	it('edits a question and returns to review, skipping questions already answered', () => {
		const actor = start(minimal);
		send(actor, ...okEvents);
		const editing = send(actor, edit('status'));
		expect(editing.value).toBe('status');
		expect(editing.context.editing).toBe(true);
		// sick reveals danger, which has no answer yet: it is asked, then review again.
		expect(send(actor, submit('sick')).value).toBe('danger');
		const review = send(actor, submit('no'));
		expect(review.value).toBe(REVIEW);
		expect(review.context.editing).toBe(false);
		expect(review.context.answers).toEqual({ ...okDone, status: 'sick', danger: 'no' });
	});

	it('prunes the answer of a question that a changed answer hides', () => {
		const actor = start(minimal);
		send(actor, submit('sick'), submit('no'), submit('none'), submit([]));
		send(actor, edit('status'));
		const review = send(actor, submit('ok'));
		expect(review.value).toBe(REVIEW);
		expect(review.context.answers).toEqual(okDone);
	});

	it('does not open a hidden or unknown question for editing', () => {
		const actor = start(minimal);
		send(actor, ...okEvents);
		for (const question of ['danger', 'mood', RESULT])
			expect(send(actor, edit(question)).value).toBe(REVIEW);
	});

	it('confirms into the result, which is the recommendation for the answers', () => {
		const actor = start(minimal);
		send(actor, submit('sick'), submit('no'), submit('welcome'), submit(['women']));
		const result = send(actor, confirm);
		expect(result.value).toBe(RESULT);
		expect(result.context.result).toEqual(recommend(minimal, result.context.answers));
		expect(result.context.result?.styles[0]?.style.id).toBe('women');
	});
});

describe('compile: nav.goto and restart', () => {
	it('opens only steps that can be opened', () => {
		const actor = start(minimal);
		for (const step of ['spiritual', 'extras', 'danger', REVIEW, RESULT, EMERGENCY, 'mood'])
			expect(send(actor, goto(step)).value).toBe('status');
		send(actor, submit('ok'));
		expect(send(actor, goto('extras')).value).toBe('spiritual');
		expect(send(actor, goto('status')).value).toBe('status');
		expect(send(actor, goto('spiritual')).value).toBe('spiritual');
	});

	it('opens review and result once every question asked is answered', () => {
		const actor = start(minimal, okDone);
		expect(send(actor, goto(REVIEW)).value).toBe(REVIEW);
		const result = send(actor, goto(RESULT));
		expect(result.value).toBe(RESULT);
		expect(result.context.result).toEqual(recommend(minimal, okDone));
	});

	it('stops editing when the person jumps elsewhere', () => {
		const actor = start(minimal);
		send(actor, ...okEvents, edit('spiritual'));
		expect(actor.getSnapshot().context.editing).toBe(true);
		const snapshot = send(actor, goto('status'));
		expect(snapshot.value).toBe('status');
		expect(snapshot.context.editing).toBe(false);
		// Not editing: the next answer walks forward through the answered questions.
		expect(send(actor, submit('ok')).value).toBe('spiritual');
	});

	it('restart clears everything and goes to the first question', () => {
		const actor = start(minimal);
		send(actor, submit('sick'), submit('yes'));
		const fromEmergency = send(actor, { type: 'restart' });
		expect(fromEmergency.value).toBe('status');
		expect(fromEmergency.context).toEqual(emptyContext());
		send(actor, ...okEvents, confirm);
		const fromResult = send(actor, { type: 'restart' });
		expect(fromResult.value).toBe('status');
		expect(fromResult.context).toEqual(emptyContext());
	});
});

/** Every event a person can send with the given answers, generated from the flow's options. */
function submitsOf(flow: Flow) {
	return new Map(flow.questions.map((q) => [q.id, possibleAnswers(q).map((v) => submit(v))]));
}

/**
 * A state key that keeps everything the guards read: the step, the answers that some condition
 * reads, whether each other question is answered, and the editing and emergency bookkeeping.
 * Snapshots with equal keys behave alike, so the graph stays small without losing any path.
 */
function navigationKey(flow: Flow) {
	const read = new Set([
		...flow.questions.flatMap((q) => (q.showIf ? referencedQuestions(q.showIf) : [])),
		...flow.dangers.flatMap((d) => referencedQuestions(d.when))
	]);
	return (snapshot: Snapshot) => {
		const { answers, editing, trigger, resume } = snapshot.context;
		const given = flow.questions.map((q) =>
			read.has(q.id) ? (answers[q.id] ?? null) : answers[q.id] !== undefined
		);
		return JSON.stringify([snapshot.value, given, editing, trigger, resume]);
	};
}

function replay(flow: Flow, events: Event[]) {
	return send(start(flow), ...events);
}

// Graph searches take about a second each, more on a busy machine.
describe('compile: paths through the minimal flow (xstate/graph)', () => {
	const machine = compile(minimal);
	const everyEvent: QuestionnaireEvent[] = [
		...[...submitsOf(minimal).values()].flat(),
		resume,
		confirm,
		back
	];
	const steps = [...minimal.questions.map((q) => q.id), EMERGENCY, REVIEW, RESULT];
	const toResult = (from: Snapshot) =>
		getShortestPaths(machine, {
			events: everyEvent,
			fromState: from,
			serializeState: navigationKey(minimal),
			toState: (s) => s.value === RESULT
		});

	it('reaches every state on a simple path, and every simple path can go on to result', () => {
		// Keyed by step alone: enough to find a path to each state, and each path is replayed below.
		const paths = getSimplePaths(machine, {
			events: everyEvent,
			input: {},
			serializeState: (s) => String(s.value)
		});
		expect(new Set(paths.map((p) => String(p.state.value)))).toEqual(new Set(steps));
		for (const path of paths) {
			const end = replay(
				minimal,
				path.steps.map((s) => s.event)
			);
			expect(end.value).toBe(path.state.value);
			const onward = toResult(end);
			expect(onward.length, `no way on to result from ${String(end.value)}`).toBeGreaterThan(0);
			expect(onward[0]?.state.value).toBe(RESULT);
		}
	}, 30_000);

	it('can go on to result from every reachable snapshot (full context)', () => {
		// Keyed by the whole context but the recommendation, which is derived from the answers (and
		// large to serialize): every reachable context is a vertex.
		const serializeState = (s: Snapshot) =>
			JSON.stringify([s.value, { ...s.context, result: s.context.result !== null }]);
		const edges = adjacencyMapToArray(
			getAdjacencyMap(machine, { events: everyEvent, input: {}, serializeState })
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
		expect(new Set([...vertices.values()].map((s) => String(s.value)))).toEqual(new Set(steps));
		const stuck = [...vertices].filter(([k]) => !reaches.has(k)).map(([k]) => k);
		expect(stuck.slice(0, 3)).toEqual([]);
	}, 30_000);
});

describe('compile: paths through the real flow (xstate/graph)', () => {
	it('reaches every question, emergency, review and result', () => {
		const submits = submitsOf(opioid);
		const forward = [resume, confirm];
		// nav.back multiplies the states (over a minute); going forward already reaches every step.
		const paths = getShortestPaths(compile(opioid), {
			events: (s) => [...(submits.get(String(s.value)) ?? []), ...forward],
			input: {},
			serializeState: navigationKey(opioid)
		});
		const steps = [...opioid.questions.map((q) => q.id), EMERGENCY, REVIEW, RESULT];
		const shortest = new Map<string, Event[]>();
		for (const path of paths) {
			const step = String(path.state.value);
			const events = path.steps.map((s) => s.event);
			if ((shortest.get(step)?.length ?? Infinity) > events.length) shortest.set(step, events);
		}
		expect(new Set(shortest.keys())).toEqual(new Set(steps));
		for (const [step, events] of shortest) expect(replay(opioid, events).value).toBe(step);
	}, 30_000);
});
