import { describe, expect, it } from 'vitest';
import { compileCondition, evaluate, referencedOptions, referencedQuestions } from './conditions';
import type { Answers, Condition } from './schema';

const single: Answers = { status: 'sick' };
const multi: Answers = { extras: ['women', 'online'] };

describe('evaluate: equals', () => {
	it.each<[string, Answers, boolean]>([
		['the chosen single option', single, true],
		['another single option', { status: 'ok' }, false],
		['a multi answer that includes the option', { status: ['ok', 'sick'] }, true],
		['a multi answer without the option', { status: ['ok'] }, false],
		['an empty multi answer', { status: [] }, false],
		['an unanswered question', {}, false],
		['an answer to another question only', { other: 'sick' }, false]
	])('is %s → %s', (_, answers, want) => {
		expect(evaluate({ question: 'status', equals: 'sick' }, answers)).toBe(want);
	});
});

describe('evaluate: in', () => {
	const condition: Condition = { question: 'extras', in: ['women', 'young'] };

	it.each<[string, Answers, boolean]>([
		['a single answer in the list', { extras: 'young' }, true],
		['a single answer not in the list', { extras: 'online' }, false],
		['a multi answer sharing one option', multi, true],
		['a multi answer sharing none', { extras: ['online', 'spanish'] }, false],
		['an empty multi answer', { extras: [] }, false],
		['an unanswered question', {}, false]
	])('with %s → %s', (_, answers, want) => {
		expect(evaluate(condition, answers)).toBe(want);
	});
});

describe('evaluate: answered', () => {
	it('is true for any answer, including an empty multi answer, and false when unanswered', () => {
		const condition: Condition = { answered: 'extras' };
		expect(evaluate(condition, multi)).toBe(true);
		expect(evaluate(condition, { extras: [] })).toBe(true);
		expect(evaluate(condition, { extras: 'online' })).toBe(true);
		expect(evaluate(condition, {})).toBe(false);
		expect(evaluate(condition, { status: 'ok' })).toBe(false);
	});
});

describe('evaluate: all, any, not', () => {
	const sick: Condition = { question: 'status', equals: 'sick' };
	const women: Condition = { question: 'extras', equals: 'women' };

	it('all needs every part', () => {
		const condition: Condition = { all: [sick, women] };
		expect(evaluate(condition, { ...single, ...multi })).toBe(true);
		expect(evaluate(condition, single)).toBe(false);
		expect(evaluate(condition, multi)).toBe(false);
	});

	it('any needs one part', () => {
		const condition: Condition = { any: [sick, women] };
		expect(evaluate(condition, single)).toBe(true);
		expect(evaluate(condition, multi)).toBe(true);
		expect(evaluate(condition, { status: 'ok', extras: ['online'] })).toBe(false);
		expect(evaluate(condition, {})).toBe(false);
	});

	it('not inverts, so a negated condition on an unanswered question is true', () => {
		expect(evaluate({ not: sick }, { status: 'ok' })).toBe(true);
		expect(evaluate({ not: sick }, single)).toBe(false);
		expect(evaluate({ not: sick }, {})).toBe(true);
		expect(evaluate({ not: { not: sick } }, single)).toBe(true);
	});

	it('nests: all of (any, not) and any of (all, answered)', () => {
		const condition: Condition = {
			all: [
				{ any: [sick, { question: 'status', equals: 'worse' }] },
				{ not: { question: 'extras', in: ['online'] } }
			]
		};
		expect(evaluate(condition, { status: 'worse', extras: ['women'] })).toBe(true);
		expect(evaluate(condition, { status: 'sick' })).toBe(true);
		expect(evaluate(condition, { status: 'sick', extras: ['women', 'online'] })).toBe(false);
		expect(evaluate(condition, { status: 'ok', extras: ['women'] })).toBe(false);

		const other: Condition = { any: [{ all: [sick, women] }, { answered: 'spiritual' }] };
		expect(evaluate(other, { ...single, ...multi })).toBe(true);
		expect(evaluate(other, { spiritual: 'none' })).toBe(true);
		expect(evaluate(other, single)).toBe(false);
	});
});

describe('compileCondition', () => {
	it('builds one function per condition object and agrees with evaluate', () => {
		const condition: Condition = { question: 'status', in: ['ok', 'sick'] };
		const test = compileCondition(condition);
		expect(compileCondition(condition)).toBe(test);
		expect(compileCondition({ question: 'status', in: ['ok', 'sick'] })).not.toBe(test);
		expect(test({ status: 'ok' })).toBe(evaluate(condition, { status: 'ok' }));
		expect(test({})).toBe(false);
	});
});

describe('referencedQuestions', () => {
	it('lists every question read, in order, through nesting', () => {
		const condition: Condition = {
			all: [
				{ question: 'a', equals: 'x' },
				{ any: [{ answered: 'b' }, { not: { question: 'c', in: ['y', 'z'] } }] },
				{ question: 'a', equals: 'w' }
			]
		};
		expect(referencedQuestions(condition)).toEqual(['a', 'b', 'c', 'a']);
		expect(referencedQuestions({ answered: 'q' })).toEqual(['q']);
	});
});

describe('referencedOptions', () => {
	it('names the option of equals with its path', () => {
		expect(referencedOptions({ question: 'a', equals: 'x' }, ['questions', 1, 'showIf'])).toEqual([
			{ question: 'a', option: 'x', path: ['questions', 1, 'showIf', 'equals'] }
		]);
	});

	it('names each option of in with its index', () => {
		expect(referencedOptions({ question: 'a', in: ['x', 'y'] })).toEqual([
			{ question: 'a', option: 'x', path: ['in', 0] },
			{ question: 'a', option: 'y', path: ['in', 1] }
		]);
	});

	it('names no option for answered', () => {
		expect(referencedOptions({ answered: 'a' }, ['dangers', 0, 'when'])).toEqual([]);
	});

	it('follows all, any and not into the path', () => {
		const condition: Condition = {
			all: [
				{ answered: 'z' },
				{ any: [{ question: 'a', equals: 'x' }, { not: { question: 'b', in: ['p', 'q'] } }] }
			]
		};
		expect(referencedOptions(condition, ['safety', 2, 'showIf'])).toEqual([
			{ question: 'a', option: 'x', path: ['safety', 2, 'showIf', 'all', 1, 'any', 0, 'equals'] },
			{
				question: 'b',
				option: 'p',
				path: ['safety', 2, 'showIf', 'all', 1, 'any', 1, 'not', 'in', 0]
			},
			{
				question: 'b',
				option: 'q',
				path: ['safety', 2, 'showIf', 'all', 1, 'any', 1, 'not', 'in', 1]
			}
		]);
	});
});
