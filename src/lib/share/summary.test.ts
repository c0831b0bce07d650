import { describe, expect, it } from 'vitest';
import { minimalFlow, opioidFlow } from '../../../tests/flows';
import { PERSONAS } from '../../../tests/personas';
import { recommend } from '../flow/recommend';
import type { Answers, Text } from '../flow/schema';
import { en } from '../i18n/en';
import { summaryLabels } from './labels';
import { summaryText } from './summary';

const opioid = opioidFlow();
const minimal = minimalFlow();
const t = (text: Text) => text.en ?? '';
const labels = summaryLabels(en, new Date('2026-12-01T12:00:00Z'), 'en');
const persona = (name: string) => {
	const p = PERSONAS.find((x) => x.name === name);
	if (!p) throw new Error(name);
	return p.answers;
};
const text = (flow = opioid, answers: Answers) =>
	summaryText(flow, answers, recommend(flow, answers), t, labels);

describe('summaryText, for a counselor', () => {
	it('tells "none reported" from "not asked"', () => {
		const none = text(minimal, { status: 'sick', danger: 'no', spiritual: 'none', extras: [] });
		expect(none).toContain(`- ${en.noFlags}`);
		const notAsked = text(minimal, { status: 'ok', spiritual: 'none', extras: [] });
		expect(notAsked).toContain(`- ${en.flagsNotAsked}`);
		expect(notAsked).not.toContain(en.noFlags);
	});

	it('lists every danger first, most urgent first', () => {
		const out = text(opioid, persona('dehydration and self-harm'));
		const flags = out.split('\n\n')[1] ?? '';
		expect(flags.indexOf('988')).toBeGreaterThan(-1);
		expect(flags.indexOf('988')).toBeLessThan(flags.indexOf('medical care today'));
	});

	it('leads a card with the medication caution and states each stance', () => {
		const out = text(opioid, persona('methadone, spiritual, sponsor, in person'));
		expect(out).toMatch(
			/1\. Medication-friendly groups \(Best fit\)\n {3}Welcomes people on medication\./
		);
		expect(out).toMatch(/2\. 12-step groups \(Also worth a look\)\n {3}! Ask first\./);
		expect(out).toContain('May limit people on medication.');
	});

	it('marks equal best fits as equals, with notes among the things to know', () => {
		const out = text(opioid, persona('young, online'));
		expect(out).toContain('(Best fit)');
		const equal = text(opioid, persona('pregnant, using fentanyl'));
		expect(equal.match(/\(One of the best fits\)/g)).toHaveLength(2);
		expect(out).toContain("Some groups hold young people's meetings");
	});

	it('names the styles that tie beyond the cards, instead of picking some by file order', () => {
		const out = text(opioid, persona('mother, wants support for herself, spiritual'));
		expect(out).toContain(
			`${en.moreStyles} Meditation-based groups, Secular, skills-based groups, Online recovery communities, Medication-friendly groups, Faith-based groups.`
		);
	});

	it('ends with the questions to take along', () => {
		const out = text(opioid, persona('mother, ideas to help her son'));
		expect(out).toContain(`${en.checklistsHeading}:`);
		expect(out).toContain('- Do you offer CRAFT, or know a counselor who does?');
	});
});
