import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialIssues } from '../../../tests/fhir/official';
import {
	QuestionnaireResponseSchema,
	QuestionnaireSchema,
	FHIR_DATE_TIME,
	responseIssues,
	xhtmlIssues
} from '../../../tests/fhir/schema';
import { PERSONAS } from '../../../tests/personas';
import { plannedMeeting } from '../../../tests/flows';
import { CONFIGURED_SITE_URL } from '../config';
import { evaluate } from '../flow/conditions';
import { forEachAnswerSet, possibleAnswers } from '../flow/enumerate';
import { parseFlowText } from '../flow/integrity';
import {
	cleanNote,
	flowPrograms,
	MEETING_MODES,
	MEETING_STATUSES,
	NOTE_MAX,
	plannablePrograms,
	type Plan,
	type PlannedMeeting
} from '../flow/meetings';
import { prune, visibleQuestions } from '../flow/navigation';
import { recommend } from '../flow/recommend';
import type { Answers, Condition, Flow, Question } from '../flow/schema';
import {
	DEFAULT_SITE_URL,
	OPTION_EXCLUSIVE_URL,
	PLAN_LINK_ID,
	questionnaireUrl,
	siteUrl,
	toQuestionnaire,
	toQuestionnaireResponse,
	toQuestionnaires,
	type FhirCoding,
	type FhirPlanGroupItem,
	type FhirPlanResponseItem,
	type FhirQuestionnaire,
	type FhirQuestionnaireItem,
	type FhirQuestionnaireResponse,
	type FhirQuestionnaireResponseItem
} from './fhir';
import { PLAN_LABELS } from './plan-labels';

const parsed = parseFlowText(readFileSync('flows/opioid-support.json', 'utf8'));
if (!parsed.ok) throw new Error(parsed.message);
const flow = parsed.flow;
/** A site address for tests: `.test` is reserved (RFC 2606) and names nobody's site. */
const site = 'https://guide.example.test';
const authored = new Date('2025-03-04T05:06:07.089Z');

/** The items of a Questionnaire that are questions of the flow (all but the meeting plan). */
const questionItems = (q: FhirQuestionnaire) =>
	q.item.filter((i): i is FhirQuestionnaireItem => i.type !== 'group');
/** The items of a response that answer questions of the flow (all but the planned meetings). */
const answered = (r: FhirQuestionnaireResponse) =>
	r.item.filter((i): i is FhirQuestionnaireResponseItem => 'answer' in i);

const itemOf = (q: FhirQuestionnaire, linkId: string) => {
	const item = questionItems(q).find((i) => i.linkId === linkId);
	if (!item) throw new Error(`no item ${linkId}`);
	return item;
};

/** R4 enableWhen, evaluated the way a FHIR reader would, against the items of a response. */
function fhirEnabled(item: FhirQuestionnaireItem, response: FhirQuestionnaireResponse): boolean {
	if (!item.enableWhen) return true;
	const results = item.enableWhen.map((w) => {
		const answers = answered(response).find((i) => i.linkId === w.question)?.answer ?? [];
		if (w.operator === 'exists') return answers.length > 0 === w.answerBoolean;
		const equal = answers.some(
			(a) =>
				a.valueCoding.system === w.answerCoding.system && a.valueCoding.code === w.answerCoding.code
		);
		return w.operator === '=' ? equal : !equal;
	});
	return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** The answers a response carries (linkId → code), read back with the Questionnaire. */
function decode(questionnaire: FhirQuestionnaire, response: FhirQuestionnaireResponse): Answers {
	const answers: Answers = {};
	for (const item of answered(response)) {
		const codes = item.answer.map((a) => a.valueCoding.code);
		answers[item.linkId] = itemOf(questionnaire, item.linkId).repeats ? codes : (codes[0] ?? '');
	}
	return answers;
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(keysOf);
	if (value !== null && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
	return [];
}

/** The flow with one more question at the end, asked when `condition` holds. */
function withProbe(condition: Condition, base: Flow = flow): Flow {
	const first = base.questions[0] as Question;
	return { ...base, questions: [...base.questions, { ...first, id: 'probe', showIf: condition }] };
}

/**
 * Every 16001st complete answer set of the flow (of about 115 million), copied, with unasked
 * questions left out. A round stride would keep seeing the same few answers of the questions that
 * change fastest (group-prefs and danger-signs have 16 each); 16001 is prime, and the first test
 * checks that the sample holds every answer of every question.
 */
function sampleAnswerSets(): Answers[] {
	const sample: Answers[] = [];
	let n = 0;
	forEachAnswerSet(flow, (answers) => {
		if (n++ % 16001 !== 0) return;
		sample.push(
			Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Answers
		);
	});
	return sample;
}

describe('toQuestionnaire', () => {
	it.each(flow.locales)('is a valid R4 Questionnaire in %s', (locale) => {
		const q = toQuestionnaire(flow, locale, site);
		expect(QuestionnaireSchema.safeParse(q).error).toBeUndefined();
		// And by HL7's own JSON schema for R4.
		expect(officialIssues(q)).toEqual([]);
		expect(q).toMatchObject({
			resourceType: 'Questionnaire',
			id: `opioid-support-${locale}`,
			url: `${site}/fhir/Questionnaire/opioid-support-${locale}`,
			version: String(flow.version),
			name: 'OpioidSupport',
			title: flow.title[locale],
			status: 'active',
			language: locale
		});
	});

	it('has one item per question, in order, with its prompt, options and shape', () => {
		const q = toQuestionnaire(flow, 'es', site);
		expect(q.item.map((i) => i.linkId)).toEqual([
			...flow.questions.map((x) => x.id),
			'meeting-plan'
		]);
		for (const question of flow.questions) {
			const item = itemOf(q, question.id);
			expect(item.text).toBe(question.prompt.es);
			expect(item.type).toBe('choice');
			expect(item.repeats).toBe(question.kind === 'multi');
			expect(item.required).toBe(!(question.kind === 'multi' && question.optional === true));
			expect(item.answerOption).toEqual(
				question.options.map((o) => ({
					...(o.exclusive
						? { extension: [{ url: OPTION_EXCLUSIVE_URL, valueBoolean: true }] }
						: {}),
					valueCoding: {
						system: `${site}/fhir/CodeSystem/opioid-support-${question.id}`,
						code: o.id,
						display: o.label.es
					}
				}))
			);
			expect(item.enableWhen === undefined).toBe(question.showIf === undefined);
		}
		expect(itemOf(q, 'group-prefs')).toMatchObject({ repeats: true, required: false });
		expect(itemOf(q, 'danger-signs')).toMatchObject({ repeats: true, required: true });
		expect(itemOf(q, 'who')).toMatchObject({ repeats: false, required: true });
		// Asked of everyone now: no enableWhen.
		expect(itemOf(q, 'danger-signs').enableWhen).toBeUndefined();
	});

	it.each(flow.locales)(
		'marks "None of these" of danger-signs, and no other option, exclusive (%s)',
		(locale) => {
			const q = toQuestionnaire(flow, locale, site);
			const marked = questionItems(q).flatMap((item) =>
				item.answerOption
					.filter((o) => o.extension !== undefined)
					.map((o) => ({ linkId: item.linkId, code: o.valueCoding.code, extension: o.extension }))
			);
			expect(marked).toEqual([
				{
					linkId: 'danger-signs',
					code: 'none',
					extension: [
						{
							url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive',
							valueBoolean: true
						}
					]
				}
			]);
			// The Questionnaire says what the flow says.
			expect(marked.map((m) => `${m.linkId}/${m.code}`)).toEqual(
				flow.questions.flatMap((x) =>
					x.options.filter((o) => o.exclusive).map((o) => `${x.id}/${o.id}`)
				)
			);
			expect(QuestionnaireSchema.safeParse(q).error).toBeUndefined();
		}
	);

	it('translates `in` to one test per option with enableBehavior any (family-spiritual, family-format)', () => {
		const q = toQuestionnaire(flow, 'en', site);
		const system = `${site}/fhir/CodeSystem/opioid-support-loved-one-help`;
		for (const id of ['family-spiritual', 'family-format']) {
			const item = itemOf(q, id);
			expect(item.enableBehavior).toBe('any');
			expect(item.enableWhen).toEqual(
				['for-me', 'both'].map((code) => ({
					question: 'loved-one-help',
					operator: '=',
					answerCoding: { system, code }
				}))
			);
		}
	});

	it('translates `all` with `not equals` to = and != with enableBehavior all (moud-openness, person-moud-openness)', () => {
		const q = toQuestionnaire(flow, 'en', site);
		for (const [id, who] of [
			['moud-openness', 'myself'],
			['person-moud-openness', 'loved-one']
		] as const)
			expect(itemOf(q, id)).toMatchObject({
				enableWhen: [
					{
						question: 'who',
						operator: '=',
						answerCoding: { system: `${site}/fhir/CodeSystem/opioid-support-who`, code: who }
					},
					{
						question: 'detox-status',
						operator: '!=',
						answerCoding: {
							system: `${site}/fhir/CodeSystem/opioid-support-detox-status`,
							code: 'on-moud'
						}
					}
				],
				enableBehavior: 'all'
			});
	});

	it('translates `equals` to one = test without enableBehavior (meditation, moud-medication)', () => {
		const q = toQuestionnaire(flow, 'en', site);
		expect(itemOf(q, 'meditation').enableWhen).toEqual([
			{
				question: 'who',
				operator: '=',
				answerCoding: { system: `${site}/fhir/CodeSystem/opioid-support-who`, code: 'myself' }
			}
		]);
		expect(itemOf(q, 'meditation').enableBehavior).toBeUndefined();
		expect(itemOf(q, 'moud-medication')).toMatchObject({
			enableWhen: [
				{
					question: 'detox-status',
					operator: '=',
					answerCoding: {
						system: `${site}/fhir/CodeSystem/opioid-support-detox-status`,
						code: 'on-moud'
					}
				}
			]
		});
		expect(itemOf(q, 'moud-medication').enableBehavior).toBeUndefined();
	});

	it('translates equals, answered, all, any and not of those', () => {
		const coding = (question: string, code: string) => ({
			system: `${site}/fhir/CodeSystem/opioid-support-${question}`,
			code
		});
		const probe = (condition: Condition) => {
			const item = itemOf(toQuestionnaire(withProbe(condition), 'en', site), 'probe');
			return { enableWhen: item.enableWhen, enableBehavior: item.enableBehavior };
		};
		expect(probe({ question: 'who', equals: 'myself' })).toEqual({
			enableWhen: [{ question: 'who', operator: '=', answerCoding: coding('who', 'myself') }],
			enableBehavior: undefined
		});
		expect(probe({ answered: 'who' })).toEqual({
			enableWhen: [{ question: 'who', operator: 'exists', answerBoolean: true }],
			enableBehavior: undefined
		});
		expect(probe({ not: { answered: 'loved-one-help' } }).enableWhen).toEqual([
			{ question: 'loved-one-help', operator: 'exists', answerBoolean: false }
		]);
		expect(probe({ not: { question: 'detox-status', equals: 'on-moud' } })).toEqual({
			enableWhen: [
				{
					question: 'detox-status',
					operator: '!=',
					answerCoding: coding('detox-status', 'on-moud')
				}
			],
			enableBehavior: undefined
		});
		// An exclusive option is tested like any other.
		expect(probe({ question: 'danger-signs', equals: 'none' }).enableWhen).toEqual([
			{ question: 'danger-signs', operator: '=', answerCoding: coding('danger-signs', 'none') }
		]);
		expect(
			probe({
				all: [
					{ question: 'who', equals: 'myself' },
					{ not: { question: 'substance', in: ['heroin', 'opium'] } }
				]
			})
		).toEqual({
			enableWhen: [
				{ question: 'who', operator: '=', answerCoding: coding('who', 'myself') },
				{ question: 'substance', operator: '!=', answerCoding: coding('substance', 'heroin') },
				{ question: 'substance', operator: '!=', answerCoding: coding('substance', 'opium') }
			],
			enableBehavior: 'all'
		});
		expect(
			probe({
				any: [{ question: 'group-prefs', in: ['lgbtq', 'young'] }, { answered: 'loved-one-help' }]
			})
		).toMatchObject({ enableBehavior: 'any', enableWhen: { length: 3 } });
		// not(any) is all(not): De Morgan keeps it flat.
		expect(
			probe({
				not: { any: [{ answered: 'loved-one-help' }, { question: 'who', equals: 'myself' }] }
			})
		).toEqual({
			enableWhen: [
				{ question: 'loved-one-help', operator: 'exists', answerBoolean: false },
				{ question: 'who', operator: '!=', answerCoding: coding('who', 'myself') }
			],
			enableBehavior: 'all'
		});
		expect(
			QuestionnaireSchema.safeParse(
				toQuestionnaire(withProbe({ question: 'who', in: ['myself'] }), 'en', site)
			).success
		).toBe(true);
	});

	it.each<[string, Condition]>([
		[
			'any inside all',
			{
				all: [
					{ any: [{ answered: 'who' }, { question: 'substance', equals: 'opium' }] },
					{ question: 'who', equals: 'myself' }
				]
			}
		],
		[
			'`in` of several options inside all',
			{
				all: [
					{ question: 'who', equals: 'myself' },
					{ question: 'substance', in: ['opium', 'heroin'] }
				]
			}
		],
		[
			'not `in` inside any',
			{ any: [{ not: { question: 'substance', in: ['opium', 'heroin'] } }, { answered: 'who' }] }
		],
		[
			'not of all of `in`',
			{ not: { all: [{ question: 'substance', in: ['opium', 'heroin'] }, { answered: 'who' }] } }
		],
		['answered of an optional multi question', { answered: 'group-prefs' }]
	])('throws naming the question for a condition R4 cannot express: %s', (_, condition) => {
		expect(() => toQuestionnaire(withProbe(condition), 'en', site)).toThrow(/question "probe"/);
	});

	it('throws for a locale the flow does not have', () => {
		expect(() => toQuestionnaire(flow, 'fr', site)).toThrow(/"fr".*en, es/);
	});
});

describe('one Questionnaire per language, under the site address', () => {
	const [en, es] = toQuestionnaires(flow, site) as [FhirQuestionnaire, FhirQuestionnaire];
	const answers: Answers = {
		who: 'loved-one',
		substance: 'fentanyl',
		'other-depressants': 'none',
		'detox-status': 'using',
		'danger-signs': ['overdose-signs', 'self-harm'],
		'person-pregnant': 'unknown',
		'person-moud-openness': 'maybe',
		'loved-one-help': 'both',
		'family-spiritual': 'open',
		'family-format': 'online'
	};

	it('gives each language its own id and canonical, with the flow version (issue #10)', () => {
		expect(toQuestionnaires(flow, site).map((q) => q.language)).toEqual(flow.locales);
		expect([en.id, en.url]).toEqual([
			'opioid-support-en',
			'https://guide.example.test/fhir/Questionnaire/opioid-support-en'
		]);
		expect([es.id, es.url]).toEqual([
			'opioid-support-es',
			'https://guide.example.test/fhir/Questionnaire/opioid-support-es'
		]);
		expect(en.url).not.toBe(es.url);
		expect(en.version).toBe(String(flow.version));
		expect(es.version).toBe(en.version);
		expect(questionnaireUrl(flow, 'es', site)).toBe(es.url);
	});

	it.each(flow.locales)(
		"a response in %s points to that language's canonical|version, and to no other",
		(locale) => {
			const response = toQuestionnaireResponse(flow, answers, locale, authored, site);
			const own = QuestionnaireSchema.parse(toQuestionnaire(flow, locale, site));
			expect(response.questionnaire).toBe(`${own.url}|${own.version}`);
			expect(responseIssues(own, QuestionnaireResponseSchema.parse(response))).toEqual([]);
			const other = QuestionnaireSchema.parse(locale === 'en' ? es : en);
			expect(responseIssues(other, QuestionnaireResponseSchema.parse(response))).toContain(
				`refers to ${response.questionnaire}, not ${other.url}|${other.version}`
			);
		}
	);

	it('codes an answer the same way in every language: only the words differ', () => {
		const [inEn, inEs] = ['en', 'es'].map((l) =>
			answered(toQuestionnaireResponse(flow, answers, l, authored, site)).flatMap((i) =>
				i.answer.map((a) => a.valueCoding)
			)
		) as [Required<FhirCoding>[], Required<FhirCoding>[]];
		expect(inEn.map(({ system, code }) => ({ system, code }))).toEqual(
			inEs.map(({ system, code }) => ({ system, code }))
		);
		expect(inEn[0]?.system).toBe('https://guide.example.test/fhir/CodeSystem/opioid-support-who');
		expect(inEn.map((c) => c.display)).not.toEqual(inEs.map((c) => c.display));
	});

	it.each(flow.locales)(
		'has a generated narrative in %s: the title, then every question with its options',
		(locale) => {
			const q = toQuestionnaire(flow, locale, site);
			expect(q.text.status).toBe('generated');
			expect(xhtmlIssues(q.text.div)).toEqual([]);
			expect(q.text.div).toMatch(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"><h2>/);
			const escaped = (text: string | undefined) =>
				(text ?? '').replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
			let at = 0;
			for (const question of flow.questions) {
				const found = q.text.div.indexOf(`<li><p>${escaped(question.prompt[locale])}</p>`, at);
				expect(found, question.id).toBeGreaterThan(at);
				at = found;
				for (const o of question.options)
					expect(q.text.div.slice(at)).toContain(`<li>${escaped(o.label[locale])}</li>`);
			}
		}
	);

	it('escapes every text it puts in the narrative', () => {
		const hostile = '<script>alert("x")</script> & \'quoted\' <b>';
		const first = flow.questions[0] as Question;
		const probe: Flow = {
			...flow,
			title: { en: hostile, es: hostile },
			questions: [
				{
					...first,
					prompt: { en: hostile, es: hostile },
					options: first.options.map((o) => ({ ...o, label: { en: hostile, es: hostile } }))
				},
				...flow.questions.slice(1)
			]
		};
		const { div } = toQuestionnaire(probe, 'en', site).text;
		expect(div).not.toContain('<script');
		expect(div).not.toContain('<b>');
		expect(div).toContain(
			'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &lt;b&gt;'
		);
		expect(xhtmlIssues(div)).toEqual([]);
	});
});

describe('siteUrl', () => {
	it('keeps an https address, without a trailing slash, and a path the site is served under', () => {
		expect(siteUrl('https://guide.example.test')).toBe('https://guide.example.test');
		expect(siteUrl('https://Guide.Example.test:443/')).toBe('https://guide.example.test');
		expect(siteUrl('https://guide.example.test/recovery/')).toBe(
			'https://guide.example.test/recovery'
		);
		expect(questionnaireUrl(flow, 'en', 'https://guide.example.test/recovery/')).toBe(
			'https://guide.example.test/recovery/fhir/Questionnaire/opioid-support-en'
		);
	});

	it('uses the reserved default when none is set', () => {
		expect(DEFAULT_SITE_URL).toBe('https://support-group-guide.invalid');
		expect(siteUrl(undefined)).toBe(DEFAULT_SITE_URL);
		expect(siteUrl('')).toBe(DEFAULT_SITE_URL);
		expect(toQuestionnaireResponse(flow, { who: 'myself' }, 'es', authored).questionnaire).toBe(
			`https://support-group-guide.invalid/fhir/Questionnaire/opioid-support-es|${flow.version}`
		);
	});

	it.each([
		['http://guide.example.test', /must start with https/],
		['guide.example.test', /not a URL/],
		['https://guide.example.test/?a=1', /no user, query or fragment/],
		['https://guide.example.test/#top', /no user, query or fragment/],
		['https://me:pw@guide.example.test', /no user, query or fragment/]
	])('refuses %s, naming where it came from', (value, message) => {
		expect(() => siteUrl(value, 'PUBLIC_SITE_URL')).toThrow(message);
		expect(() => siteUrl(value, 'PUBLIC_SITE_URL')).toThrow(/PUBLIC_SITE_URL/);
		expect(() => toQuestionnaire(flow, 'en', value)).toThrow(message);
	});

	it('accepts the address this build is configured with (PUBLIC_SITE_URL, src/lib/config.ts)', () => {
		expect(siteUrl(CONFIGURED_SITE_URL, 'PUBLIC_SITE_URL')).toMatch(/^https:\/\/[^/]/);
	});
});

describe('toQuestionnaireResponse', () => {
	const sample = sampleAnswerSets();
	const questionnaires = Object.fromEntries(
		flow.locales.map((l) => [l, toQuestionnaire(flow, l, site)])
	);

	it('samples enough answer sets, with every answer to every question', () => {
		expect(sample.length).toBeGreaterThan(5000);
		for (const question of flow.questions) {
			const seen = new Set(
				sample.filter((a) => question.id in a).map((a) => JSON.stringify(a[question.id]))
			);
			expect(seen.size, question.id).toBe(possibleAnswers(question).length);
		}
		// The multi questions among them: danger-signs with "None of these" alone, group-prefs empty.
		const signs = new Set(sample.map((a) => JSON.stringify(a['danger-signs'])));
		expect(signs).toContain('["none"]');
		expect(signs.size).toBe(16);
		expect(new Set(sample.map((a) => JSON.stringify(a['group-prefs'])))).toContain('[]');
	});

	it('is a valid R4 QuestionnaireResponse that points to the Questionnaire', () => {
		const response = toQuestionnaireResponse(flow, sample[1] as Answers, 'en', authored, site);
		expect(QuestionnaireResponseSchema.safeParse(response).error).toBeUndefined();
		expect(response).toMatchObject({
			resourceType: 'QuestionnaireResponse',
			questionnaire: `${site}/fhir/Questionnaire/opioid-support-en|${flow.version}`,
			status: 'completed',
			authored: '2025-03-04T05:06:07.089Z',
			language: 'en'
		});
		expect(response.authored).toMatch(FHIR_DATE_TIME);
	});

	it('uses only linkIds, systems, codes and displays of the Questionnaire', () => {
		for (const locale of flow.locales) {
			const q = questionnaires[locale] as FhirQuestionnaire;
			for (const answers of sample.slice(0, 200)) {
				const response = toQuestionnaireResponse(flow, answers, locale, authored, site);
				for (const item of answered(response)) {
					const question = itemOf(q, item.linkId);
					expect(item.text).toBe(question.text);
					for (const { valueCoding } of item.answer)
						expect(question.answerOption.map((o) => o.valueCoding)).toContainEqual(valueCoding);
				}
			}
		}
	});

	it('for every sampled answer set: validates, has one item per answered question and decodes back', () => {
		const q = questionnaires.en as FhirQuestionnaire;
		const valid = QuestionnaireSchema.parse(q);
		let multi = 0;
		for (const answers of sample) {
			const response = toQuestionnaireResponse(flow, answers, 'en', authored, site);
			const check = QuestionnaireResponseSchema.safeParse(response);
			if (!check.success) expect.fail(`${JSON.stringify(answers)}: ${check.error.message}`);
			expect(responseIssues(valid, check.data)).toEqual([]);
			expect(officialIssues(response)).toEqual([]);
			const asked = visibleQuestions(flow, answers).filter((x) => {
				const a = answers[x.id];
				return a !== undefined && a.length > 0;
			});
			expect(response.item.map((i) => i.linkId)).toEqual(asked.map((x) => x.id));
			const expected = Object.fromEntries(asked.map((x) => [x.id, answers[x.id]]));
			expect(decode(q, response)).toEqual(expected);
			// A FHIR reader enables exactly the questions the app asks.
			expect(
				questionItems(q)
					.filter((i) => fhirEnabled(i, response))
					.map((i) => i.linkId)
			).toEqual(visibleQuestions(flow, answers).map((x) => x.id));
			if (answered(response).some((i) => i.answer.length > 1)) multi++;
		}
		expect(multi).toBeGreaterThan(1000);
	}, 30_000);

	it('carries nothing about the person: no subject, author or source', () => {
		for (const answers of sample.slice(0, 50)) {
			const keys = keysOf(toQuestionnaireResponse(flow, answers, 'es', authored, site));
			for (const key of ['subject', 'author', 'source', 'encounter', 'basedOn', 'partOf'])
				expect(keys).not.toContain(key);
		}
	});

	it('leaves out answers to questions no longer asked and an empty optional multi', () => {
		const answers: Answers = {
			...(sample[0] as Answers),
			who: 'myself',
			'person-pregnant': 'yes',
			'loved-one-help': 'for-me',
			'family-spiritual': 'none',
			'group-prefs': []
		};
		const response = toQuestionnaireResponse(flow, answers, 'en', authored, site);
		const ids = response.item.map((i) => i.linkId);
		for (const stale of ['person-pregnant', 'loved-one-help', 'family-spiritual', 'group-prefs'])
			expect(ids).not.toContain(stale);
		// The stale loved-one-help answer does not bring in the questions asked of a family member.
		expect(ids).not.toContain('family-format');
		expect(ids).toEqual(expect.arrayContaining(['pregnant', 'meditation', 'format']));
	});

	it('exports an exclusive "None of these" as the one answer of its item', () => {
		const answers: Answers = { ...(sample[0] as Answers), 'danger-signs': ['none'] };
		const response = toQuestionnaireResponse(flow, answers, 'en', authored, site);
		const signs = answered(response).find((i) => i.linkId === 'danger-signs');
		const none = flow.questions
			.find((x) => x.id === 'danger-signs')
			?.options.find((o) => o.id === 'none');
		expect(none?.exclusive).toBe(true);
		expect(signs?.answer).toEqual([
			{
				valueCoding: {
					system: `${site}/fhir/CodeSystem/opioid-support-danger-signs`,
					code: 'none',
					display: none?.label.en
				}
			}
		]);
		const valid = QuestionnaireResponseSchema.parse(response);
		const questionnaire = QuestionnaireSchema.parse(questionnaires.en);
		expect(responseIssues(questionnaire, valid)).toEqual([]);
		expect(decode(questionnaires.en as FhirQuestionnaire, response)['danger-signs']).toEqual([
			'none'
		]);
	});

	it('refuses "None of these" with another answer, in the export and against the Questionnaire', () => {
		const answers: Answers = {
			...(sample[0] as Answers),
			'danger-signs': ['none', 'overdose-signs']
		};
		expect(() => toQuestionnaireResponse(flow, answers, 'en', authored, site)).toThrow(
			/"danger-signs"/
		);
		// A response made elsewhere: the R4 shape is fine, the answers are not.
		const questionnaire = QuestionnaireSchema.parse(questionnaires.en);
		const made = toQuestionnaireResponse(
			flow,
			{ ...(sample[0] as Answers), 'danger-signs': ['overdose-signs'] },
			'en',
			authored,
			site
		);
		const signs = answered(made).find((i) => i.linkId === 'danger-signs');
		const none = itemOf(questionnaires.en as FhirQuestionnaire, 'danger-signs').answerOption.find(
			(o) => o.valueCoding.code === 'none'
		);
		if (!signs || !none) expect.fail('no danger-signs item or option');
		signs.answer.push({ valueCoding: none.valueCoding });
		const forged = QuestionnaireResponseSchema.parse(made);
		expect(responseIssues(questionnaire, forged)).toEqual([
			'danger-signs: none is exclusive but has other answers'
		]);
		// And the other answers a Questionnaire does not allow.
		const who = answered(made).find((i) => i.linkId === 'who');
		const myself = who?.answer[0];
		if (!who || !myself) expect.fail('no who item');
		who.answer.push(myself, { valueCoding: { ...myself.valueCoding, code: 'x' } });
		expect(responseIssues(questionnaire, QuestionnaireResponseSchema.parse(made))).toEqual([
			'who: 3 answers to an item that does not repeat',
			'who: x is not one of its options',
			'who: an option is given twice',
			'danger-signs: none is exclusive but has other answers'
		]);
	});

	it('throws for an answer that is not one of the options', () => {
		const answers: Answers = { ...(sample[0] as Answers), who: 'stranger' };
		expect(() => toQuestionnaireResponse(flow, answers, 'en', authored, site)).toThrow(/"who"/);
	});
});

describe('enableWhen agrees with the app for every condition of the shipped flow', () => {
	const questionnaire = toQuestionnaire(flow, 'en', site);
	const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
	/** Any valid answer, or none, to each question: reachable or not, whole or partial. */
	const anyAnswers = fc.record(
		Object.fromEntries(
			flow.questions.map((q) => [q.id, maybe(fc.constantFrom(...possibleAnswers(q)))])
		)
	);

	it('expresses every showIf of the flow', () => {
		const conditional = flow.questions.filter((q) => q.showIf !== undefined);
		expect(conditional.length).toBeGreaterThan(10);
		for (const q of conditional) expect(itemOf(questionnaire, q.id).enableWhen).toBeDefined();
	});

	it('a FHIR reader enables exactly the questions the app asks, for any answers', () => {
		fc.assert(
			fc.property(anyAnswers, (set) => {
				const given = Object.fromEntries(
					Object.entries(set).filter(([, v]) => v !== undefined)
				) as Answers;
				const response = toQuestionnaireResponse(flow, given, 'en', authored, site);
				expect(
					questionItems(questionnaire)
						.filter((i) => fhirEnabled(i, response))
						.map((i) => i.linkId)
				).toEqual(visibleQuestions(flow, prune(flow, given)).map((x) => x.id));
			}),
			{ numRuns: 3000 }
		);
	});
});

describe('enableWhen agrees with the app for any expressible condition', () => {
	const option = (id: string) => ({
		id,
		label: { en: id, es: id },
		// "None of these", as on danger-signs.
		...(id === 'none' ? { exclusive: true } : {})
	});
	const question = (id: string, kind: 'single' | 'multi', ids: string[], optional?: boolean) => ({
		...(flow.questions[0] as Question),
		id,
		kind,
		options: ids.map(option),
		...(optional === undefined ? {} : { optional })
	});
	const base: Flow = {
		...flow,
		questions: [
			question('one', 'single', ['a', 'b', 'c']),
			question('some', 'multi', ['x', 'y', 'z'], true),
			question('many', 'multi', ['m', 'n', 'none'])
		]
	};
	const opts: Record<string, string[]> = {
		one: ['a', 'b', 'c'],
		some: ['x', 'y', 'z'],
		many: ['m', 'n', 'none']
	};
	const leaf = fc.oneof(
		fc.constantFrom('one', 'some', 'many').chain((q) =>
			fc.oneof(
				fc.constantFrom(...(opts[q] as string[])).map((equals) => ({ question: q, equals })),
				fc
					.uniqueArray(fc.constantFrom(...(opts[q] as string[])), { minLength: 1 })
					.map((ids) => ({ question: q, in: ids }))
			)
		),
		fc.constantFrom('one', 'many').map((answered) => ({ answered }))
	);
	const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
		condition: fc.oneof(
			{ depthSize: 'small', withCrossShrink: true },
			leaf,
			fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
			fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
			tie('condition').map((not) => ({ not }))
		)
	}));
	const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
	const answers = fc.record({
		one: maybe(fc.constantFrom('a', 'b', 'c')),
		some: maybe(fc.subarray(['x', 'y', 'z'])),
		many: maybe(fc.oneof(fc.subarray(['m', 'n'], { minLength: 1 }), fc.constant(['none'])))
	});

	it('a FHIR reader enables the item exactly when the condition holds', () => {
		let expressed = 0;
		fc.assert(
			fc.property(condition, fc.array(answers, { minLength: 10, maxLength: 10 }), (c, sets) => {
				let q: FhirQuestionnaire;
				try {
					q = toQuestionnaire(withProbe(c, base), 'en', site);
				} catch (error) {
					expect((error as Error).message).toContain('question "probe"');
					return;
				}
				expressed++;
				const item = itemOf(q, 'probe');
				for (const set of sets) {
					const given = Object.fromEntries(
						Object.entries(set).filter(([, v]) => v !== undefined)
					) as Answers;
					const response = toQuestionnaireResponse(base, given, 'en', authored, site);
					expect(fhirEnabled(item, response)).toBe(evaluate(c, given));
				}
			}),
			{ numRuns: 500 }
		);
		expect(expressed).toBeGreaterThan(100);
	});
});

describe('the meeting plan in FHIR', () => {
	const secular = PERSONAS.find((p) => p.name === 'buprenorphine, secular, tools, online');
	const mother = PERSONAS.find((p) => p.name === 'mother, wants support for herself, spiritual');
	if (!secular || !mother) throw new Error('persona');
	const answers = secular.answers;
	const ids = plannablePrograms(flow, recommend(flow, answers)).map((p) => p.program.id);
	const meeting = (over: Partial<PlannedMeeting> = {}): PlannedMeeting =>
		plannedMeeting(ids[0] as string, { note: 'with Mom', ...over });
	const plan: Plan = [
		meeting({ status: 'went' }),
		meeting({ program: ids[1], mode: 'online', date: '2026-03-12', time: '', note: '' })
	];
	const planGroupOf = (q: FhirQuestionnaire) =>
		q.item.find((i): i is FhirPlanGroupItem => i.type === 'group') as FhirPlanGroupItem;
	const meetingsOf = (r: FhirQuestionnaireResponse) =>
		r.item.filter((i): i is FhirPlanResponseItem => 'item' in i);

	/** The plan a response carries, read back the way a counselor's system would. */
	function readPlan(response: FhirQuestionnaireResponse): Plan {
		return meetingsOf(response).map((group) => {
			const answer = (field: string) =>
				group.item.find((i) => i.linkId === `${PLAN_LINK_ID}.${field}`)?.answer[0];
			const code = (field: string) => {
				const a = answer(field);
				return a && 'valueCoding' in a ? a.valueCoding.code : '';
			};
			const time = answer('time');
			const note = answer('note');
			const date = answer('date');
			return {
				program: code('program'),
				mode: code('mode') as PlannedMeeting['mode'],
				date: date && 'valueDate' in date ? date.valueDate : '',
				time: time && 'valueTime' in time ? time.valueTime.slice(0, 5) : '',
				note: note && 'valueString' in note ? note.valueString : '',
				status: code('status') as PlannedMeeting['status']
			};
		});
	}

	function expectValid(response: FhirQuestionnaireResponse, locale: string) {
		const check = QuestionnaireResponseSchema.safeParse(response);
		if (!check.success) expect.fail(check.error.message);
		const questionnaire = QuestionnaireSchema.parse(toQuestionnaire(flow, locale, site));
		expect(responseIssues(questionnaire, check.data)).toEqual([]);
		expect(officialIssues(response)).toEqual([]);
	}

	it.each(flow.locales)(
		'ends the %s Questionnaire with a repeating group for the plan, every program a choice',
		(locale) => {
			const q = toQuestionnaire(flow, locale, site);
			const labels = locale === 'es' ? PLAN_LABELS.es : PLAN_LABELS.en;
			const group = planGroupOf(q);
			expect(q.item.at(-1)).toBe(group);
			expect(group).toMatchObject({
				linkId: 'meeting-plan',
				text: labels.heading,
				type: 'group',
				required: false,
				repeats: true
			});
			expect(group.item.map((i) => [i.linkId, i.type, i.required])).toEqual([
				['meeting-plan.program', 'choice', true],
				['meeting-plan.mode', 'choice', true],
				['meeting-plan.date', 'date', true],
				['meeting-plan.time', 'time', false],
				['meeting-plan.note', 'string', false],
				['meeting-plan.status', 'choice', true]
			]);
			const [program, mode, , , note, status] = group.item;
			expect(program?.answerOption?.map((o) => o.valueCoding)).toEqual(
				flowPrograms(flow).map((p) => ({
					system: `${site}/fhir/CodeSystem/opioid-support.program`,
					code: p.id,
					display: p.name
				}))
			);
			expect(mode?.answerOption?.map((o) => o.valueCoding)).toEqual(
				MEETING_MODES.map((code) => ({
					system: `${site}/fhir/CodeSystem/opioid-support.mode`,
					code,
					display: labels.modes[code]
				}))
			);
			expect(status?.answerOption?.map((o) => o.valueCoding.code)).toEqual([...MEETING_STATUSES]);
			expect(note?.maxLength).toBe(NOTE_MAX);
			expect(q.text.div).toContain(`<li><p>${labels.heading}</p><ul><li>${labels.program}: `);
			expect(xhtmlIssues(q.text.div)).toEqual([]);
			expect(QuestionnaireSchema.safeParse(q).error).toBeUndefined();
			expect(officialIssues(q)).toEqual([]);
		}
	);

	it('adds one group per planned meeting after the answers, and leaves out an empty time or note', () => {
		const response = toQuestionnaireResponse(flow, answers, 'en', authored, site, plan);
		const without = toQuestionnaireResponse(flow, answers, 'en', authored, site);
		expect(response.item.slice(0, without.item.length)).toEqual(without.item);
		const meetings = meetingsOf(response);
		expect(response.item.slice(without.item.length)).toEqual(meetings);
		expect(meetings).toHaveLength(2);
		expect(meetings[0]).toEqual({
			linkId: 'meeting-plan',
			text: 'Meeting plan',
			item: [
				{
					linkId: 'meeting-plan.program',
					text: 'Group',
					answer: [
						{
							valueCoding: {
								system: `${site}/fhir/CodeSystem/opioid-support.program`,
								code: 'smart-recovery',
								display: 'SMART Recovery'
							}
						}
					]
				},
				{
					linkId: 'meeting-plan.mode',
					text: 'How',
					answer: [
						{
							valueCoding: {
								system: `${site}/fhir/CodeSystem/opioid-support.mode`,
								code: 'in-person',
								display: 'In person'
							}
						}
					]
				},
				{ linkId: 'meeting-plan.date', text: 'Day', answer: [{ valueDate: '2026-03-10' }] },
				{ linkId: 'meeting-plan.time', text: 'Time', answer: [{ valueTime: '19:00:00' }] },
				{ linkId: 'meeting-plan.note', text: 'Note', answer: [{ valueString: 'with Mom' }] },
				{
					linkId: 'meeting-plan.status',
					text: 'How it went',
					answer: [
						{
							valueCoding: {
								system: `${site}/fhir/CodeSystem/opioid-support.status`,
								code: 'went',
								display: 'Went'
							}
						}
					]
				}
			]
		});
		expect(meetings[1]?.item.map((i) => i.linkId)).toEqual([
			'meeting-plan.program',
			'meeting-plan.mode',
			'meeting-plan.date',
			'meeting-plan.status'
		]);
		expectValid(response, 'en');
		expect(readPlan(response)).toEqual(plan);
	});

	it('writes the plan in the language of the response, with the same codes', () => {
		const es = toQuestionnaireResponse(flow, answers, 'es', authored, site, plan);
		expectValid(es, 'es');
		expect(meetingsOf(es)[0]?.text).toBe('Plan de reuniones');
		expect(JSON.stringify(es)).toContain('"display":"Fui"');
		expect(readPlan(es)).toEqual(plan);
	});

	it("validates any valid plan, a loved one's too, and reads it back", () => {
		const sets = [answers, mother.answers];
		const arbitrary = fc.constantFrom(...sets).chain((set) => {
			const programs = plannablePrograms(flow, recommend(flow, set)).map((p) => p.program.id);
			const one = fc.record({
				program: fc.constantFrom(...programs),
				mode: fc.constantFrom(...MEETING_MODES),
				date: fc
					.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
					.map((d) => d.toISOString().slice(0, 10)),
				time: fc.oneof(
					fc.constant(''),
					fc
						.integer({ min: 0, max: 1439 })
						.map(
							(m) =>
								`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
						)
				),
				note: fc
					.string({ unit: 'grapheme', maxLength: NOTE_MAX })
					.map(cleanNote)
					.filter((n) => n.length <= NOTE_MAX),
				status: fc.constantFrom(...MEETING_STATUSES)
			});
			return fc.tuple(fc.constant(set), fc.array(one, { minLength: 1, maxLength: 3 }));
		});
		fc.assert(
			fc.property(arbitrary, fc.constantFrom(...flow.locales), ([set, p], locale) => {
				const response = toQuestionnaireResponse(flow, set, locale, authored, site, p);
				expectValid(response, locale);
				expect(readPlan(response)).toEqual(p);
			}),
			{ numRuns: 300 }
		);
	});

	it('throws for a plan that is not valid for the answers', () => {
		expect(() =>
			toQuestionnaireResponse(flow, answers, 'en', authored, site, [
				meeting({ program: 'narcotics-anonymous' })
			])
		).toThrow(/plan is not valid/);
		expect(() =>
			toQuestionnaireResponse(flow, answers, 'en', authored, site, [
				meeting({ date: '2026-02-30' })
			])
		).toThrow(/plan is not valid/);
	});

	it("refuses a flow whose question id is the plan's linkId", () => {
		const first = flow.questions[0] as Question;
		const clash: Flow = {
			...flow,
			questions: [...flow.questions, { ...first, id: 'meeting-plan' }]
		};
		expect(() => toQuestionnaire(clash, 'en', site)).toThrow(/meeting-plan/);
	});

	it('has checks that catch a plan a Questionnaire does not allow', () => {
		const questionnaire = QuestionnaireSchema.parse(toQuestionnaire(flow, 'en', site));
		const issues = (edit: (r: FhirQuestionnaireResponse) => void) => {
			const response = toQuestionnaireResponse(flow, answers, 'en', authored, site, plan);
			edit(response);
			const parsed = QuestionnaireResponseSchema.safeParse(response);
			return parsed.success ? responseIssues(questionnaire, parsed.data) : [parsed.error.message];
		};
		const first = (r: FhirQuestionnaireResponse) => meetingsOf(r)[0] as FhirPlanResponseItem;
		expect(issues((r) => first(r).item.splice(0, 1))).toEqual([
			'meeting-plan: the required meeting-plan.program has no answer'
		]);
		expect(
			issues((r) => {
				const date = first(r).item[2] as FhirPlanResponseItem['item'][number];
				date.answer = [{ valueString: '2026-03-10' }];
			})
		).toEqual(['meeting-plan.date: a valueString answer to a date item']);
		expect(
			issues((r) => {
				const note = first(r).item[4] as FhirPlanResponseItem['item'][number];
				note.answer = [{ valueString: 'x'.repeat(NOTE_MAX + 1) }];
			})
		).toEqual([`meeting-plan.note: longer than its maxLength of ${NOTE_MAX}`]);
		expect(
			issues((r) => {
				const date = first(r).item[2] as FhirPlanResponseItem['item'][number];
				date.answer = [{ valueDate: '2026-02-30' }];
			})
		).toEqual([expect.stringContaining('must be a real date')]);
		// The same meeting twice in one group is two answers to one question.
		expect(
			issues((r) => {
				const program = first(r).item[0] as FhirPlanResponseItem['item'][number];
				first(r).item.splice(1, 0, program);
			})
		).toEqual([expect.stringContaining('qrs-2')]);
		const once = QuestionnaireSchema.parse({
			...toQuestionnaire(flow, 'en', site),
			item: toQuestionnaire(flow, 'en', site).item.map((i) =>
				i.type === 'group' ? { ...i, repeats: false } : i
			)
		});
		const response = QuestionnaireResponseSchema.parse(
			toQuestionnaireResponse(flow, answers, 'en', authored, site, plan)
		);
		expect(responseIssues(once, response)).toEqual([
			'meeting-plan: 2 repetitions of a group that does not repeat'
		]);
	});
});
