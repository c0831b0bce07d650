import { readFileSync } from 'node:fs';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compile } from '../flow/compile';
import type { QuestionnaireEvent } from '../flow/context';
import { parseFlowText } from '../flow/integrity';
import { EMERGENCY, RESULT, REVIEW } from '../flow/navigation';
import { recommend } from '../flow/recommend';
import type { Flow } from '../flow/schema';
import { decodeSession, encodeSession } from './persist';

function load(relative: string): Flow {
	const parsed = parseFlowText(readFileSync(new URL(relative, import.meta.url), 'utf8'));
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.flow;
}

// minimal (id "minimal", version 2): status (ok | sick) → danger (if sick) → spiritual → extras
const minimal = load('../../../tests/fixtures/valid/minimal.json');

const submit = (value: string | string[]): QuestionnaireEvent => ({ type: 'answer.submit', value });

/** The snapshot after sending `events` to a fresh questionnaire. */
function after(...events: QuestionnaireEvent[]) {
	const actor = createActor(compile(minimal), { input: {} }).start();
	for (const event of events) actor.send(event);
	return actor.getSnapshot();
}

describe('encodeSession / decodeSession round trip', () => {
	it.each<[string, QuestionnaireEvent[]]>([
		['the first question', []],
		['a later question', [submit('sick'), submit('no')]],
		[
			'a question while editing',
			[submit('ok'), submit('none'), submit([]), { type: 'review.edit', question: 'spiritual' }]
		],
		['emergency', [submit('sick'), submit('yes')]],
		['review', [submit('ok'), submit('none'), submit(['women'])]],
		[
			'result',
			[submit('sick'), submit('no'), submit('welcome'), submit([]), { type: 'review.confirm' }]
		]
	])('restores %s with the same step and context', (_, events) => {
		const snapshot = after(...events);
		const step = String(snapshot.value);
		const restored = decodeSession(minimal, encodeSession(minimal, step, snapshot.context));
		expect(restored).toEqual({ ok: true, step, context: snapshot.context });
	});

	it('covers every kind of step', () => {
		const steps = [
			after(submit('ok')),
			after(submit('sick'), submit('yes')),
			after(submit('ok'), submit('none'), submit([])),
			after(submit('ok'), submit('none'), submit([]), { type: 'review.confirm' })
		].map((s) => String(s.value));
		expect(steps).toEqual(['spiritual', EMERGENCY, REVIEW, RESULT]);
	});

	it('restores emergency so that continuing resumes where it would have', () => {
		const snapshot = after(submit('sick'), submit('yes'));
		const restored = decodeSession(minimal, encodeSession(minimal, EMERGENCY, snapshot.context));
		if (!restored.ok) throw new Error('not restored');
		expect(restored.context.dangers).toEqual(['severe']);
		const machine = compile(minimal);
		const actor = createActor(machine, {
			input: {},
			snapshot: machine.resolveState({ value: restored.step, context: restored.context })
		}).start();
		actor.send({ type: 'emergency.continue' });
		expect(actor.getSnapshot().value).toBe('spiritual');
	});

	it('recomputes the result rather than trusting a saved one', () => {
		const snapshot = after(submit('ok'), submit('none'), submit([]), { type: 'review.confirm' });
		const saved = JSON.parse(encodeSession(minimal, RESULT, snapshot.context)) as object;
		expect(saved).not.toHaveProperty('result');
		const restored = decodeSession(minimal, JSON.stringify({ ...saved, result: { styles: [] } }));
		expect(restored.ok && restored.context.result).toEqual(
			recommend(minimal, snapshot.context.answers)
		);
	});
});

/** A valid saved entry at the third question, changed by `change`. */
function saved(change: Record<string, unknown> = {}) {
	return JSON.stringify({
		v: 1,
		flow: 'minimal',
		version: 2,
		step: 'spiritual',
		answers: { status: 'sick', danger: 'no' },
		editing: false,
		trigger: null,
		resume: null,
		...change
	});
}

const emergency = {
	step: EMERGENCY,
	answers: { status: 'sick', danger: 'yes' },
	trigger: 'danger',
	resume: 'spiritual'
};
const complete = { status: 'ok', spiritual: 'none', extras: [] };

describe('decodeSession rejects a broken saved state', () => {
	it('accepts the valid entries the table starts from', () => {
		expect(decodeSession(minimal, saved()).ok).toBe(true);
		expect(decodeSession(minimal, saved(emergency)).ok).toBe(true);
		expect(decodeSession(minimal, saved({ step: REVIEW, answers: complete })).ok).toBe(true);
	});

	it.each<[string, string]>([
		['text that is not JSON', '{"v":1,'],
		['another format version', saved({ v: 2 })],
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
		['emergency without a resume step', saved({ ...emergency, resume: null })],
		[
			'emergency that no answer set off',
			saved({ ...emergency, answers: { status: 'sick', danger: 'no' } })
		],
		['emergency triggered by a question no rule reads', saved({ ...emergency, trigger: 'status' })],
		['an unknown trigger', saved({ trigger: 'mood' })],
		['an unknown resume step', saved({ resume: 'result' })],
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
		['constructor as the trigger', saved({ trigger: 'constructor' })]
	])('%s → corrupt', (_, raw) => {
		expect(decodeSession(minimal, raw)).toEqual({ ok: false, reason: 'corrupt' });
	});

	// Regression: `resume` was only checked to be a known id, so "emergency.continue" could land on
	// review with questions unanswered (review.confirm then did nothing).
	it.each<[string, string]>([
		['review', saved({ ...emergency, resume: REVIEW })],
		['a question that skips an unanswered one', saved({ ...emergency, resume: 'extras' })]
	])('emergency resuming at %s → corrupt', (_, raw) => {
		expect(decodeSession(minimal, raw)).toEqual({ ok: false, reason: 'corrupt' });
	});

	it('leaves Object.prototype alone when given prototype-pollution keys', () => {
		const hostile = `{"__proto__": {"polluted": true}, "v": 1, "answers": {"__proto__": {"polluted": true}}}`;
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
