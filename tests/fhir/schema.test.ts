/** The narrative check of the FHIR test schema catches what R4 forbids (txt-1, txt-2). */
import { describe, expect, it } from 'vitest';
import {
	NarrativeSchema,
	QuestionnaireResponseSchema,
	QuestionnaireSchema,
	xhtmlIssues
} from './schema';

const div = (inner: string) => `<div xmlns="http://www.w3.org/1999/xhtml">${inner}</div>`;

describe('xhtmlIssues', () => {
	it('accepts a well-formed div of allowed elements with escaped text', () => {
		expect(
			xhtmlIssues(div('<h2>A &amp; B</h2><ol><li><p>&lt;x&gt; &#39;y&#39;</p></li></ol>'))
		).toEqual([]);
		expect(NarrativeSchema.safeParse({ status: 'generated', div: div('<p>ok</p>') }).success).toBe(
			true
		);
	});

	it.each([
		['no namespace', '<div><p>x</p></div>', /namespace/],
		['another root', '<p xmlns="http://www.w3.org/1999/xhtml">x</p>', /root is <p>/],
		['two roots', `${div('x')}${div('y')}`, /second root/],
		['a script', div('<script>alert(1)</script>'), /<script> is not allowed/],
		['an event attribute', div('<p onclick="x()">x</p>'), /onclick is not allowed/],
		['a bare ampersand', div('A & B'), /unescaped &/],
		['a bare <', div('1 < 2'), /unescaped </],
		['a tag left open', '<div xmlns="http://www.w3.org/1999/xhtml"><p>x</div>', /closes no open/],
		['no text (txt-2)', div('<p> </p>'), /txt-2/]
	])('refuses %s', (_, html, message) => {
		const issues = xhtmlIssues(html);
		expect(
			issues.some((i) => message.test(i)),
			issues.join('; ')
		).toBe(true);
		expect(NarrativeSchema.safeParse({ status: 'generated', div: html }).success).toBe(false);
	});
});

describe('Questionnaire items: groups and plain fields', () => {
	const base = {
		resourceType: 'Questionnaire',
		id: 'x',
		url: 'https://guide.example.test/fhir/Questionnaire/x',
		version: '1',
		status: 'active'
	};
	const field = (linkId: string, type: string, more = {}) => ({
		linkId,
		text: linkId,
		type,
		...more
	});
	const parse = (item: unknown[]) => QuestionnaireSchema.safeParse({ ...base, item });

	it('accepts a repeating group of date, time, string and choice fields', () => {
		const result = parse([
			field('g', 'group', {
				repeats: true,
				item: [
					field('g.d', 'date', { required: true }),
					field('g.t', 'time'),
					field('g.s', 'string', { maxLength: 80 })
				]
			})
		]);
		expect(result.error).toBeUndefined();
	});

	it.each([
		['que-1: a group without items', [field('g', 'group')], /que-1/],
		[
			'que-1: a display item with items',
			[field('d', 'display', { item: [field('x', 'string')] })],
			/que-1/
		],
		['que-6: a required display item', [field('d', 'display', { required: true })], /que-6/],
		['que-10: a maxLength on a date', [field('d', 'date', { maxLength: 10 })], /que-10/],
		[
			'que-2: a linkId used twice at different levels',
			[field('g', 'group', { item: [field('g', 'string')] })],
			/que-2/
		]
	])('refuses %s', (_, item, message) => {
		const result = parse(item);
		expect(result.success).toBe(false);
		expect(result.error?.message).toMatch(message);
	});
});

describe('QuestionnaireResponse answers: dates, times and strings', () => {
	const response = (answer: unknown) => ({
		resourceType: 'QuestionnaireResponse',
		questionnaire: 'https://guide.example.test/fhir/Questionnaire/x|1',
		status: 'completed',
		authored: '2026-03-01T10:00:00Z',
		item: [{ linkId: 'g', item: [{ linkId: 'g.a', answer: [answer] }] }]
	});
	const valid = (answer: unknown) =>
		QuestionnaireResponseSchema.safeParse(response(answer)).success;

	it('takes R4 dates that are real dates, and R4 times with seconds', () => {
		expect(valid({ valueDate: '2024-02-29' })).toBe(true);
		expect(valid({ valueDate: '2023-02-29' })).toBe(false);
		expect(valid({ valueDate: '2026-3-1' })).toBe(false);
		expect(valid({ valueTime: '19:00:00' })).toBe(true);
		expect(valid({ valueTime: '19:00' })).toBe(false);
		expect(valid({ valueTime: '24:00:00' })).toBe(false);
		expect(valid({ valueString: 'with Mom' })).toBe(true);
		expect(valid({ valueString: '' })).toBe(false);
		expect(valid({ valueString: 'a', valueDate: '2026-03-01' })).toBe(false);
	});

	it('lets a group repeat but not a question (qrs-2, as SDC reads it), and never items and answers together (qrs-1)', () => {
		const base = response({ valueString: 'x' });
		const group = base.item[0] as { linkId: string; item: unknown[] };
		expect(QuestionnaireResponseSchema.safeParse({ ...base, item: [group, group] }).success).toBe(
			true
		);
		const question = { linkId: 'q', answer: [{ valueString: 'x' }] };
		expect(
			QuestionnaireResponseSchema.safeParse({ ...base, item: [question, question] }).success
		).toBe(false);
		expect(
			QuestionnaireResponseSchema.safeParse({
				...base,
				item: [{ ...group, item: [question, question] }]
			}).success
		).toBe(false);
		expect(
			QuestionnaireResponseSchema.safeParse({ ...base, item: [{ ...group, ...question }] }).success
		).toBe(false);
	});
});
