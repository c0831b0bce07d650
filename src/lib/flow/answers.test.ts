import { describe, expect, it } from 'vitest';
import { minimalFlow, opioidFlow } from '../../../tests/flows';
import { chose, choseAny, chosen, isValidAnswer } from './answers';
import type { Flow, Question } from './schema';

// minimal: status (ok | sick) → danger (only if sick) → spiritual → extras (multi, optional)
const minimal = minimalFlow();
const opioid = opioidFlow();

const question = (flow: Flow, id: string): Question => {
	const q = flow.questions.find((x) => x.id === id);
	if (!q) throw new Error(`no question ${id}`);
	return q;
};

describe('chosen, chose, choseAny', () => {
	const answers = { status: 'sick', extras: ['online', 'women'], spiritual: 'none' };

	it('reads a single answer as one option and a multi answer as its list', () => {
		expect(chosen('sick')).toEqual(['sick']);
		expect(chosen(['online', 'women'])).toEqual(['online', 'women']);
		expect(chosen([])).toEqual([]);
		expect(chosen(undefined)).toEqual([]);
	});

	it('tells whether an answer chose an option, or any of several', () => {
		expect(chose(answers, 'status', 'sick')).toBe(true);
		expect(chose(answers, 'status', 'ok')).toBe(false);
		expect(chose(answers, 'extras', 'women')).toBe(true);
		expect(chose(answers, 'danger', 'yes')).toBe(false);
		expect(choseAny(answers, 'status', ['ok', 'sick'])).toBe(true);
		expect(choseAny(answers, 'extras', ['men', 'online'])).toBe(true);
		expect(choseAny(answers, 'extras', ['men'])).toBe(false);
		expect(choseAny(answers, 'danger', ['yes'])).toBe(false);
	});
});

describe('isValidAnswer', () => {
	const single = question(minimal, 'status');
	const optionalMulti = question(minimal, 'extras');
	const requiredMulti: Question = { ...optionalMulti, optional: undefined };

	it.each<[string, unknown, boolean]>([
		['a known option', 'ok', true],
		['an unknown option', 'fine', false],
		['an empty string', '', false],
		['a list', ['ok'], false],
		['a number', 1, false],
		['null', null, false],
		['undefined', undefined, false]
	])('single choice: %s → %s', (_, value, want) => {
		expect(isValidAnswer(single, value)).toBe(want);
	});

	it.each<[string, unknown, boolean]>([
		['one known option', ['women'], true],
		['every option', ['online', 'women'], true],
		['an unknown option', ['women', 'men'], false],
		['a duplicate', ['women', 'women'], false],
		['a bare string', 'women', false],
		['a non-string item', ['women', 3], false],
		['an object', { 0: 'women' }, false]
	])('multi choice: %s → %s', (_, value, want) => {
		expect(isValidAnswer(optionalMulti, value)).toBe(want);
		expect(isValidAnswer(requiredMulti, value)).toBe(want);
	});

	it('accepts an empty multi answer only when the question is optional', () => {
		expect(isValidAnswer(optionalMulti, [])).toBe(true);
		expect(isValidAnswer(requiredMulti, [])).toBe(false);
	});

	it('accepts an exclusive option ("None of these") only on its own', () => {
		const signs = question(opioid, 'danger-signs');
		expect(isValidAnswer(signs, ['none'])).toBe(true);
		expect(isValidAnswer(signs, ['overdose-signs', 'self-harm'])).toBe(true);
		expect(isValidAnswer(signs, ['overdose-signs', 'none'])).toBe(false);
		expect(isValidAnswer(signs, ['none', 'none'])).toBe(false);
	});
});
