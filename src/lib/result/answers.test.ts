import { describe, expect, it } from 'vitest';
import { minimalFlow, opioidFlow } from '../../../tests/flows';
import { PERSONAS } from '../../../tests/personas';
import { en } from '../i18n/en';
import type { Text } from '../flow/schema';
import { answerText, dangersAsked, splitFlags } from './answers';

const opioid = opioidFlow();
const minimal = minimalFlow();
const t = (text: Text) => text.en ?? '';
const persona = (name: string) => {
	const p = PERSONAS.find((x) => x.name === name);
	if (!p) throw new Error(name);
	return p.answers;
};

describe('dangersAsked', () => {
	it('is true only when every question a danger rule reads was asked', () => {
		expect(dangersAsked(minimal, { status: 'sick', danger: 'no', spiritual: 'none' })).toBe(true);
		expect(dangersAsked(minimal, { status: 'ok', spiritual: 'none' })).toBe(false);
		expect(dangersAsked(opioid, persona('stopped alone, secular'))).toBe(true);
	});
});

describe('answerText and splitFlags', () => {
	it("names the chosen options in the flow's order, or says none was chosen", () => {
		const extras = minimal.questions.find((q) => q.id === 'extras');
		if (!extras) throw new Error('no extras');
		const answers = { status: 'ok', spiritual: 'none', extras: ['women', 'online'] };
		const labels = extras.options.map((o) => t(o.label));
		expect(answerText(extras, answers, t, en.noneChosen)).toBe(labels.join(', '));
		expect(answerText(extras, { ...answers, extras: [] }, t, en.noneChosen)).toBe(en.noneChosen);
	});

	it('puts the safety flags first and leaves out questions not asked', () => {
		const answers = persona('stopped alone, secular');
		const { flags, others } = splitFlags(opioid, answers);
		expect(flags.every((q) => q.flag)).toBe(true);
		expect(others.some((q) => q.flag)).toBe(false);
		expect([...flags, ...others].every((q) => answers[q.id] !== undefined)).toBe(true);
	});
});
