import { describe, expect, it } from 'vitest';
import type { Advice, Condition } from '$lib/flow/schema';
import { LOST_TOLERANCE, safetyOrder, tailored } from './safety-order';

const block = (id: string, showIf?: Condition, opening?: boolean): Advice => ({
	id,
	...(opening ? { opening } : {}),
	...(showIf ? { showIf } : {}),
	title: { en: id },
	body: [{ en: id }]
});

const status = (value: string): Condition => ({ question: 'detox-status', equals: value });

describe('the order of the safety advice on the result page', () => {
	it('puts the opening, then the lost-tolerance warning, before the groups; the rest after, in order', () => {
		const order = safetyOrder([
			block('opening-default', status('finished-detox'), true),
			block('status-finished-detox', status('finished-detox')),
			block('fentanyl', { not: { question: 'substance', equals: 'painkillers' } }),
			block(LOST_TOLERANCE, { not: status('on-moud') }),
			block('naloxone')
		]);
		expect(order.first.map((b) => b.id)).toEqual(['opening-default', LOST_TOLERANCE]);
		expect(order.later.map((b) => b.id)).toEqual(['status-finished-detox', 'fentanyl', 'naloxone']);
	});

	it('keeps the opening first even when a flow lists the warning before it', () => {
		const order = safetyOrder([
			block(LOST_TOLERANCE),
			block('opening-medication', status('on-moud'), true)
		]);
		expect(order.first.map((b) => b.id)).toEqual(['opening-medication', LOST_TOLERANCE]);
	});

	it('shows whole the later advice written for these answers, and folds the general advice', () => {
		const order = safetyOrder([
			block('opening-default', undefined, true),
			block('status-using', status('using')),
			block('depressants', { question: 'other-depressants', in: ['alcohol', 'benzos'] }),
			block('fentanyl', { not: { question: 'substance', equals: 'painkillers' } }),
			block('naloxone')
		]);
		expect([...order.whole].sort()).toEqual(['depressants', 'status-using']);
	});
});

describe('advice written for the person (tailored)', () => {
	it('is advice shown because of something they said, not advice for nearly everyone', () => {
		expect(tailored(undefined)).toBe(false);
		expect(tailored(status('using'))).toBe(true);
		expect(tailored({ not: status('on-moud') })).toBe(false);
		expect(tailored({ all: [{ not: status('on-moud') }, status('using')] })).toBe(true);
		expect(tailored({ any: [{ not: status('on-moud') }] })).toBe(false);
	});
});
