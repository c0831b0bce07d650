import { describe, expect, it } from 'vitest';
import { minimalFlow, opioidFlow } from '../../../tests/flows';
import { PERSONAS } from '../../../tests/personas';
import { recommend } from '../flow/recommend';
import type { Answers, Text } from '../flow/schema';
import type { Plan } from '../flow/meetings';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { summaryLabels } from './labels';
import { PLAN_LABELS, planLabels, timeText } from './plan-labels';
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

describe('summaryText with a meeting plan', () => {
	const answers = persona('buprenorphine, secular, tools, online');
	const rec = recommend(opioid, answers);
	const plan: Plan = [
		{
			program: 'smart-recovery',
			mode: 'in-person',
			date: '2026-03-10',
			time: '19:00',
			note: 'with Mom',
			status: 'went'
		},
		{
			program: 'lifering',
			mode: 'online',
			date: '2026-03-12',
			time: '',
			note: '',
			status: 'planned'
		}
	];

	it('lists each meeting after the groups, with how, when, how it went and the note', () => {
		const out = summaryText(opioid, answers, rec, t, labels, 'https://x.test/shared#2.a', {
			meetings: plan,
			labels: PLAN_LABELS.en
		});
		expect(out).toContain(
			[
				'Meeting plan:',
				'1. SMART Recovery (In person), Tuesday, March 10, 2026, 7:00 PM: Went',
				'   Note: with Mom',
				'2. LifeRing Secular Recovery (Online), Thursday, March 12, 2026, time not set: Not yet'
			].join('\n')
		);
		expect(out.indexOf('Meeting plan:')).toBeGreaterThan(out.indexOf(`${en.groupsHeading}:`));
		expect(out.indexOf('Meeting plan:')).toBeLessThan(out.indexOf(en.notAdvice));
	});

	it('writes the plan in Spanish for a Spanish summary', () => {
		const tEs = (text: Text) => text.es ?? '';
		const out = summaryText(
			opioid,
			answers,
			rec,
			tEs,
			summaryLabels(es, new Date('2026-12-01T12:00:00Z'), 'es'),
			undefined,
			{ meetings: plan, labels: planLabels('es') }
		);
		expect(out).toContain('Plan de reuniones:');
		expect(out).toContain(
			'1. SMART Recovery (En persona), martes, 10 de marzo de 2026, 19:00: Fui'
		);
		expect(out).toContain('   Nota: with Mom');
		expect(out).toContain(
			'2. LifeRing Secular Recovery (En línea), jueves, 12 de marzo de 2026, sin hora: Todavía no'
		);
	});

	it('takes a bare plan in the words of the summary labels', () => {
		const withWords = { ...labels, plan: planLabels('es') };
		const out = summaryText(opioid, answers, rec, t, withWords, undefined, plan);
		expect(out).toContain('Plan de reuniones:');
		expect(summaryText(opioid, answers, rec, t, labels, undefined, plan)).toContain(
			'Meeting plan:'
		);
	});

	it('leaves the summary as it was without a plan', () => {
		const plain = summaryText(opioid, answers, rec, t, labels);
		expect(
			summaryText(opioid, answers, rec, t, labels, undefined, {
				meetings: [],
				labels: PLAN_LABELS.en
			})
		).toBe(plain);
		expect(plain).not.toContain('Meeting plan');
	});

	it('has every plan word in every language, and writes times with plain spaces', () => {
		for (const l of Object.values(PLAN_LABELS)) {
			for (const value of [
				l.heading,
				l.noTime,
				...Object.values(l.modes),
				...Object.values(l.statuses)
			])
				expect(value.trim()).not.toBe('');
			expect(timeText('07:05', l)).not.toMatch(/[\u202f\u00a0]/);
		}
		expect(Object.keys(PLAN_LABELS.es.modes)).toEqual(Object.keys(PLAN_LABELS.en.modes));
		expect(Object.keys(PLAN_LABELS.es.statuses)).toEqual(Object.keys(PLAN_LABELS.en.statuses));
		expect(planLabels('fr')).toBe(PLAN_LABELS.en);
	});
});
