import { readFileSync } from 'node:fs';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireEvent } from '../flow/context';
import { parseFlowText } from '../flow/integrity';
import { placeOf, questionnaireMachine, type QuestionnaireSnapshot } from '../flow/machine';
import { EMERGENCY, RESULT, REVIEW } from '../flow/navigation';
import type { Flow } from '../flow/schema';
import { resumeOf, stepOf } from '../flow/step';
import { decodeSession, encodeSession } from './persist';

function load(relative: string): Flow {
	const parsed = parseFlowText(readFileSync(new URL(relative, import.meta.url), 'utf8'));
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.flow;
}

// minimal (id "minimal", version 2): status (ok | sick) → danger (if sick) → spiritual → extras
const minimal = load('../../../tests/fixtures/valid/minimal.json');

/** An answer to whatever question is on screen when it is sent. */
const submit = (value: string | string[]) => ({ answer: value });
type Step = QuestionnaireEvent | ReturnType<typeof submit>;

/** The snapshot after sending `steps` to a fresh questionnaire. */
function after(...steps: Step[]) {
	const actor = createActor(questionnaireMachine, { input: { flow: minimal } }).start();
	for (const step of steps) {
		const at = actor.getSnapshot().context.at;
		actor.send(
			'answer' in step ? { type: 'answer.submit', question: at, value: step.answer } : step
		);
	}
	return actor.getSnapshot();
}

const stepAt = (snapshot: QuestionnaireSnapshot) => stepOf(placeOf(snapshot));
const restore = (snapshot: QuestionnaireSnapshot) =>
	decodeSession(minimal, encodeSession(minimal, snapshot));

describe('encodeSession / decodeSession round trip', () => {
	it.each<[string, Step[]]>([
		['a later question', [submit('sick'), submit('no')]],
		[
			'a question while editing',
			[submit('ok'), submit('none'), submit([]), { type: 'review.edit', question: 'spiritual' }]
		],
		['emergency', [submit('sick'), submit('yes')]],
		[
			'emergency set off while editing',
			[
				submit('ok'),
				submit('none'),
				submit([]),
				{ type: 'review.edit', question: 'status' },
				submit('sick'),
				submit('yes')
			]
		],
		[
			'emergency after going back over later answers',
			[
				submit('sick'),
				submit('no'),
				submit('none'),
				{ type: 'nav.back' },
				{ type: 'nav.back' },
				submit('yes')
			]
		],
		['review', [submit('ok'), submit('none'), submit(['women'])]],
		[
			'result',
			[submit('sick'), submit('no'), submit('welcome'), submit([]), { type: 'review.confirm' }]
		],
		[
			'an earlier question, with later ones answered',
			[submit('ok'), submit('none'), { type: 'nav.back' }]
		]
	])('restores %s with the same step and context', (_, steps) => {
		const snapshot = after(...steps);
		const restored = restore(snapshot);
		if (!restored.ok) throw new Error('not restored');
		expect(stepAt(restored.snapshot)).toBe(stepAt(snapshot));
		// On review and result, no question is at hand: `at` means nothing there.
		const kept = ({ context, value }: QuestionnaireSnapshot) =>
			value === REVIEW || value === RESULT ? { ...context, at: null } : context;
		expect(kept(restored.snapshot)).toEqual(kept(snapshot));
		if (_.startsWith('emergency')) expect(stepAt(snapshot)).toBe(EMERGENCY);
	});

	it('covers every kind of step', () => {
		const steps = [
			after(submit('ok')),
			after(submit('sick'), submit('yes')),
			after(submit('ok'), submit('none'), submit([])),
			after(submit('ok'), submit('none'), submit([]), { type: 'review.confirm' })
		].map(stepAt);
		expect(steps).toEqual(['spiritual', EMERGENCY, REVIEW, RESULT]);
	});

	it('restores emergency so that continuing resumes where it would have', () => {
		const restored = restore(after(submit('sick'), submit('yes')));
		if (!restored.ok) throw new Error('not restored');
		expect(resumeOf(minimal, placeOf(restored.snapshot))).toBe('spiritual');
		const actor = createActor(questionnaireMachine, {
			input: { flow: minimal },
			snapshot: restored.snapshot
		}).start();
		actor.send({ type: 'emergency.continue' });
		expect(stepAt(actor.getSnapshot())).toBe('spiritual');
	});

	it('saves nothing derived: no result, no dangers, no resume step', () => {
		const snapshot = after(submit('ok'), submit('none'), submit([]), { type: 'review.confirm' });
		const saved = JSON.parse(encodeSession(minimal, snapshot)) as object;
		expect(Object.keys(saved).sort()).toEqual(
			['answers', 'editing', 'flow', 'step', 'trigger', 'v', 'version'].sort()
		);
	});
});

/** A valid saved entry at the third question, changed by `change`. */
function saved(change: Record<string, unknown> = {}) {
	return JSON.stringify({
		v: 2,
		flow: 'minimal',
		version: 2,
		step: 'spiritual',
		answers: { status: 'sick', danger: 'no' },
		editing: false,
		trigger: null,
		...change
	});
}

const emergency = {
	step: EMERGENCY,
	answers: { status: 'sick', danger: 'yes' },
	trigger: 'danger'
};
const complete = { status: 'ok', spiritual: 'none', extras: [] };

describe('decodeSession rejects a broken saved state', () => {
	it('restores a session of an earlier version whose questions this one still asks (answersSince)', () => {
		expect(decodeSession({ ...minimal, version: 3, answersSince: 2 }, saved()).ok).toBe(true);
		expect(decodeSession({ ...minimal, version: 3, answersSince: 3 }, saved())).toEqual({
			ok: false,
			reason: 'corrupt'
		});
	});

	it('accepts the valid entries the table starts from', () => {
		expect(decodeSession(minimal, saved()).ok).toBe(true);
		expect(decodeSession(minimal, saved(emergency)).ok).toBe(true);
		expect(decodeSession(minimal, saved({ step: REVIEW, answers: complete })).ok).toBe(true);
	});

	it.each<[string, string]>([
		['text that is not JSON', '{"v":1,'],
		['another format version', saved({ v: 1 })],
		['a missing format version', saved({ v: undefined })],
		['another flow', saved({ flow: 'opioid-support' })],
		['an older flow version', saved({ version: 1 })],
		['a newer flow version', saved({ version: 3 })],
		['an unknown question id', saved({ answers: { status: 'ok', mood: 'low' } })],
		['an invalid option', saved({ answers: { status: 'fine' } })],
		['a list for a single question', saved({ answers: { status: ['ok'] } })],
		[
			'duplicates in a multi answer',
			saved({ step: REVIEW, answers: { ...complete, extras: ['women', 'women'] } })
		],
		['answers that are a list', saved({ answers: ['ok'] })],
		['answers that are null', saved({ answers: null })],
		[
			'an answer to a question that would not be asked',
			saved({ answers: { status: 'ok', danger: 'no' } })
		],
		['a step that cannot be opened yet', saved({ step: 'extras' })],
		['a hidden question as the step', saved({ step: 'danger', answers: { status: 'ok' } })],
		['an unknown step', saved({ step: 'mood' })],
		['a step that is not a string', saved({ step: 2 })],
		['review while incomplete', saved({ step: REVIEW })],
		['result while incomplete', saved({ step: RESULT })],
		['emergency without a trigger', saved({ ...emergency, trigger: null })],
		[
			'emergency that no answer set off',
			saved({ ...emergency, answers: { status: 'sick', danger: 'no' } })
		],
		['emergency triggered by a question no rule reads', saved({ ...emergency, trigger: 'status' })],
		['an unknown trigger', saved({ ...emergency, trigger: 'mood' })],
		['a trigger that is not a string', saved({ ...emergency, trigger: 3 })],
		['editing on review', saved({ step: REVIEW, answers: complete, editing: true })],
		['editing that is not a boolean', saved({ editing: 'yes' })],
		['huge input', saved({ padding: 'x'.repeat(20_000) })],
		['an array at the top level', '[]'],
		['null at the top level', 'null'],
		['a number at the top level', '42'],
		['a string at the top level', '"spiritual"'],
		['__proto__ at the top level', `{"__proto__": ${saved()}}`],
		['constructor at the top level', `{"constructor": ${saved()}}`],
		['a __proto__ answer', saved({ answers: JSON.parse('{"__proto__": {"status": "ok"}}') })],
		[
			'a constructor answer',
			saved({ answers: { status: 'sick', danger: 'no', constructor: 'ok' } })
		],
		['__proto__ as the step', saved({ step: '__proto__' })],
		['constructor as the trigger', saved({ ...emergency, trigger: 'constructor' })]
	])('%s → corrupt', (_, raw) => {
		expect(decodeSession(minimal, raw)).toEqual({ ok: false, reason: 'corrupt' });
	});

	it('leaves Object.prototype alone when given prototype-pollution keys', () => {
		const hostile = `{"__proto__": {"polluted": true}, "v": 2, "answers": {"__proto__": {"polluted": true}}}`;
		expect(decodeSession(minimal, hostile)).toEqual({ ok: false, reason: 'corrupt' });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('treats an entry just under the size limit on its merits', () => {
		const raw = saved({ padding: 'x'.repeat(19_000) });
		expect(raw.length).toBeLessThan(20_000);
		expect(decodeSession(minimal, raw).ok).toBe(true);
	});

	it.each<[string, string | null]>([
		['null', null],
		['an empty string', '']
	])('%s → empty', (_, raw) => {
		expect(decodeSession(minimal, raw)).toEqual({ ok: false, reason: 'empty' });
	});
});
