import { describe, expect, it } from 'vitest';
import { opioidFlow } from '../../../tests/flows';
import { addLocale, hasLocale, onlyLocale, textTable } from './localize';
import { flowTexts } from './texts';

const flow = opioidFlow();

describe('one language per page', () => {
	it('ships a copy of the flow in one language, leaving the original whole', () => {
		const english = onlyLocale(flow, 'en');
		expect([...flowTexts(english)].every(([, t]) => Object.keys(t).join() === 'en')).toBe(true);
		expect(hasLocale(english, 'es')).toBe(false);
		expect(hasLocale(flow, 'es')).toBe(true);
		expect(JSON.stringify(english).length).toBeLessThan(JSON.stringify(flow).length * 0.65);
	});

	it('adds a language back in place, text for text', () => {
		const english = onlyLocale(flow, 'en');
		const question = english.questions[0];
		expect(addLocale(english, textTable(flow, 'es'))).toBe(true);
		expect(english.questions[0]).toBe(question);
		expect(english.questions[0]?.prompt.es).toBe(flow.questions[0]?.prompt.es);
		expect(english).toEqual(flow);
	});

	it('refuses texts for another flow, version or shape, and changes nothing then', () => {
		const english = onlyLocale(flow, 'en');
		const table = textTable(flow, 'es');
		for (const bad of [
			null,
			'texts',
			{ ...table, id: 'other' },
			{ ...table, version: flow.version + 1 },
			{ ...table, texts: table.texts.slice(1) },
			{ ...table, texts: table.texts.map((t, i) => (i === 3 ? 42 : t)) },
			{ ...table, texts: table.texts.map((t, i) => (i === 3 ? '' : t)) }
		])
			expect(addLocale(english, bad)).toBe(false);
		expect(hasLocale(english, 'es')).toBe(false);
	});
});
