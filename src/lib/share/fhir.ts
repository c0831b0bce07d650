/**
 * FHIR R4 export, so a clinic can file the answers: the flow as one `Questionnaire` per language
 * and a person's answers as a `QuestionnaireResponse` that points to the one they answered.
 * Framework-free (this module ships to the browser, and the flows CLI runs it outside Vite): the
 * types below are hand-written for the subset of R4 used here. An exclusive option ("None of
 * these") carries the R4 core extension questionnaire-optionExclusive.
 * The response carries no identifying data: no subject, author or source.
 *
 * A meeting plan travels in the same response: the Questionnaire ends with a repeating group
 * `meeting-plan` (program, how, day, time, note, how it went), and the response has one such group
 * per planned meeting (repeated groups are repeated items with one linkId, as in SDC). The day is an
 * R4 `date` and the time an R4 `time`: the person typed a local wall-clock time, and an R4
 * `dateTime` with a time must carry a time zone, which the app does not know. The plan is
 * QuestionnaireResponse items rather than a CarePlan because counselors already import this
 * response, and an R4 CarePlan needs a subject (a Patient), which this export never names.
 *
 * Canonical URLs live under the site's own https address (`siteUrl`), at the RESTful path of a FHIR
 * server whose base is `<site>/fhir`: `<site>/fhir/Questionnaire/<flow id>-<locale>`. The site can
 * then serve each Questionnaire where its canonical points (`toQuestionnaires`).
 */
import { chosen, isValidAnswer } from '../flow/answers';
import {
	flowPrograms,
	isValidPlan,
	MEETING_MODES,
	MEETING_STATUSES,
	NOTE_MAX,
	type Plan,
	type PlannedMeeting
} from '../flow/meetings';
import { prune, visibleQuestions } from '../flow/navigation';
import { recommend } from '../flow/recommend';
import type { Answers, Condition, Flow, Question, Text } from '../flow/schema';
import { planLabels, type PlanLabels } from './plan-labels';

/** A coded answer: the option id, in the code system of its question (`systemOf`). */
export interface FhirCoding {
	system: string;
	code: string;
	display?: string;
}

/** One enableWhen test: `=` and `!=` compare with an option, `exists` tests for an answer. */
export type FhirEnableWhen =
	| { question: string; operator: '=' | '!='; answerCoding: FhirCoding }
	| { question: string; operator: 'exists'; answerBoolean: boolean };

/** The R4 core extension on an answerOption: chosen, it is the only answer ("None of these"). */
export const OPTION_EXCLUSIVE_URL =
	'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive';

export interface FhirOptionExclusive {
	url: typeof OPTION_EXCLUSIVE_URL;
	valueBoolean: true;
}

/** One option of an item; `extension` only on an exclusive option. */
export interface FhirAnswerOption {
	extension?: FhirOptionExclusive[];
	valueCoding: Required<FhirCoding>;
}

/** A question of the flow. */
export interface FhirQuestionnaireItem {
	linkId: string;
	text: string;
	type: 'choice';
	required: boolean;
	repeats: boolean;
	answerOption: FhirAnswerOption[];
	enableWhen?: FhirEnableWhen[];
	enableBehavior?: 'all' | 'any';
}

/** One field of a planned meeting. */
export interface FhirPlanFieldItem {
	linkId: string;
	text: string;
	type: 'choice' | 'date' | 'time' | 'string';
	required: boolean;
	repeats: false;
	maxLength?: number;
	answerOption?: FhirAnswerOption[];
}

/** The meeting plan: a group that repeats, once per planned meeting. */
export interface FhirPlanGroupItem {
	linkId: typeof PLAN_LINK_ID;
	text: string;
	type: 'group';
	required: false;
	repeats: true;
	item: FhirPlanFieldItem[];
}

/** R4 Narrative: XHTML in a `div` of the XHTML namespace, made from the resource's own data. */
export interface FhirNarrative {
	status: 'generated';
	div: string;
}

export interface FhirQuestionnaire {
	resourceType: 'Questionnaire';
	id: string;
	language: string;
	text: FhirNarrative;
	url: string;
	version: string;
	name: string;
	title: string;
	status: 'active';
	item: (FhirQuestionnaireItem | FhirPlanGroupItem)[];
}

export interface FhirQuestionnaireResponseItem {
	linkId: string;
	text: string;
	answer: { valueCoding: Required<FhirCoding> }[];
}

/** The answer to one field of a planned meeting. */
export type FhirPlanAnswer =
	| { valueCoding: Required<FhirCoding> }
	| { valueDate: string }
	| { valueTime: string }
	| { valueString: string };

/** One planned meeting: the group's fields that have an answer, in the Questionnaire's order. */
export interface FhirPlanResponseItem {
	linkId: typeof PLAN_LINK_ID;
	text: string;
	item: { linkId: string; text: string; answer: [FhirPlanAnswer] }[];
}

export interface FhirQuestionnaireResponse {
	resourceType: 'QuestionnaireResponse';
	questionnaire: string;
	status: 'completed';
	authored: string;
	language: string;
	item: (FhirQuestionnaireResponseItem | FhirPlanResponseItem)[];
}

/** The linkId of the meeting plan's group; its fields are `meeting-plan.<field>`. */
export const PLAN_LINK_ID = 'meeting-plan';
/** The fields of a planned meeting, in order, with their linkIds. */
export const PLAN_FIELDS = ['program', 'mode', 'date', 'time', 'note', 'status'] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];
export const planFieldId = (field: PlanField) => `${PLAN_LINK_ID}.${field}`;

/**
 * The site's address when none is configured (PUBLIC_SITE_URL, read by src/lib/config.ts).
 * `.invalid` is reserved (RFC 2606) and never resolves: an unconfigured build names nobody's site,
 * and its canonicals are plainly placeholders.
 */
export const DEFAULT_SITE_URL = 'https://support-group-guide.invalid';

/**
 * The site's public address, checked: https, no credentials, query or fragment; a path only when
 * the site is served under one. Returns it without a trailing slash; empty or missing gives
 * `DEFAULT_SITE_URL`. Throws naming `source` otherwise: a canonical must stay put once shared.
 */
export function siteUrl(value: string | undefined, source = 'the site URL'): string {
	if (value === undefined || value === '') return DEFAULT_SITE_URL;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error(`${source} "${value}" is not a URL`);
	}
	if (url.protocol !== 'https:') throw new Error(`${source} "${value}" must start with https://`);
	if (url.username || url.password || url.search || url.hash)
		throw new Error(`${source} "${value}" must have no user, query or fragment`);
	return url.origin + url.pathname.replace(/\/+$/, '');
}

/** The id of a flow's Questionnaire in one language: "opioid-support-es". */
export function questionnaireId(flow: Flow, locale: string): string {
	return `${flow.id}-${locale}`;
}

/** The canonical URL of a flow's Questionnaire in one language, under the site's address. */
export function questionnaireUrl(flow: Flow, locale: string, base: string | undefined): string {
	return `${siteUrl(base)}/fhir/Questionnaire/${questionnaireId(flow, locale)}`;
}

/**
 * The code system of a question's options. The same in every language, so an answer has one
 * coding whichever Questionnaire it was given in.
 */
function systemOf(base: string, flow: Flow, questionId: string): string {
	return `${base}/fhir/CodeSystem/${flow.id}-${questionId}`;
}

/**
 * The code system of a coded plan field (program, mode, status): `<flow id>.<field>`. The dot
 * keeps it apart from every question's system, whose ids are kebab-case.
 */
function planSystemOf(base: string, flow: Flow, field: 'program' | 'mode' | 'status'): string {
	return `${base}/fhir/CodeSystem/${flow.id}.${field}`;
}

/** The coding of a plan field's value, with its display in the labels' language. */
function planCoding(
	base: string,
	flow: Flow,
	labels: PlanLabels,
	field: 'program' | 'mode' | 'status',
	code: string
): Required<FhirCoding> {
	const display =
		field === 'program'
			? flowPrograms(flow).find((p) => p.id === code)?.name
			: field === 'mode'
				? labels.modes[code as PlannedMeeting['mode']]
				: labels.statuses[code as PlannedMeeting['status']];
	if (display === undefined) throw new Error(`"${code}" is not a ${field} of the plan`);
	return { system: planSystemOf(base, flow, field), code, display };
}

/** The meeting plan's group: every program of the flow may be named, whichever the result. */
function planGroup(base: string, flow: Flow, labels: PlanLabels): FhirPlanGroupItem {
	const options = (field: 'program' | 'mode' | 'status', codes: readonly string[]) =>
		codes.map((code) => ({ valueCoding: planCoding(base, flow, labels, field, code) }));
	const field = (
		name: PlanField,
		type: FhirPlanFieldItem['type'],
		required: boolean
	): FhirPlanFieldItem => ({
		linkId: planFieldId(name),
		text: labels[name],
		type,
		required,
		repeats: false
	});
	return {
		linkId: PLAN_LINK_ID,
		text: labels.heading,
		type: 'group',
		required: false,
		repeats: true,
		item: [
			{
				...field('program', 'choice', true),
				answerOption: options(
					'program',
					flowPrograms(flow).map((p) => p.id)
				)
			},
			{ ...field('mode', 'choice', true), answerOption: options('mode', MEETING_MODES) },
			field('date', 'date', true),
			field('time', 'time', false),
			{ ...field('note', 'string', false), maxLength: NOTE_MAX },
			{ ...field('status', 'choice', true), answerOption: options('status', MEETING_STATUSES) }
		]
	};
}

/** One planned meeting as a repetition of the plan's group: its fields that have a value. */
function planResponseItem(
	group: FhirPlanGroupItem,
	base: string,
	flow: Flow,
	labels: PlanLabels,
	m: PlannedMeeting
): FhirPlanResponseItem {
	const answers: Record<PlanField, FhirPlanAnswer | null> = {
		program: { valueCoding: planCoding(base, flow, labels, 'program', m.program) },
		mode: { valueCoding: planCoding(base, flow, labels, 'mode', m.mode) },
		date: { valueDate: m.date },
		time: m.time === '' ? null : { valueTime: `${m.time}:00` },
		note: m.note === '' ? null : { valueString: m.note },
		status: { valueCoding: planCoding(base, flow, labels, 'status', m.status) }
	};
	const item: FhirPlanResponseItem['item'] = [];
	PLAN_FIELDS.forEach((name, i) => {
		const answer = answers[name];
		const field = group.item[i] as FhirPlanFieldItem;
		if (answer !== null) item.push({ linkId: field.linkId, text: field.text, answer: [answer] });
	});
	return { linkId: PLAN_LINK_ID, text: group.text, item };
}

function textIn(text: Text, locale: string, what: string): string {
	const value = text[locale];
	if (value === undefined) throw new Error(`${what} has no "${locale}" text`);
	return value;
}

/** A computer-friendly name (FHIR: starts with a capital letter): "opioid-support" → "OpioidSupport". */
function pascalCase(id: string): string {
	const name = id
		.split('-')
		.map((part) => part.charAt(0).toUpperCase() + part.slice(1))
		.join('');
	return /^[A-Z]/.test(name) ? name : `Flow${name}`;
}

/**
 * A condition as flat enableWhen tests joined by one behavior. A single test is `all` (it fits
 * either behavior). `negated` pushes a `not` inwards (De Morgan), so `not` of `all`/`any` works.
 * Returns null when the condition needs nesting, which R4 enableWhen cannot express.
 */
type Clause = { behavior: 'all' | 'any'; tests: FhirEnableWhen[] };

function clauseOf(base: string, flow: Flow, condition: Condition, negated: boolean): Clause | null {
	if ('not' in condition) return clauseOf(base, flow, condition.not, !negated);
	if ('all' in condition || 'any' in condition) {
		const parts = 'all' in condition ? condition.all : condition.any;
		// not(all) = any(not), not(any) = all(not).
		const behavior = 'all' in condition !== negated ? 'all' : 'any';
		const tests: FhirEnableWhen[] = [];
		for (const part of parts) {
			const clause = clauseOf(base, flow, part, negated);
			if (clause === null) return null;
			if (clause.tests.length > 1 && clause.behavior !== behavior) return null;
			tests.push(...clause.tests);
		}
		return { behavior: tests.length > 1 ? behavior : 'all', tests };
	}
	if ('answered' in condition) {
		const question = flow.questions.find((q) => q.id === condition.answered);
		// An empty optional multi counts as answered here, but has no item in a response: a FHIR
		// reader would see no answer, so `exists` would disagree with the app.
		if (question?.kind === 'multi' && question.optional) return null;
		return {
			behavior: 'all',
			tests: [{ question: condition.answered, operator: 'exists', answerBoolean: !negated }]
		};
	}
	const codes = 'equals' in condition ? [condition.equals] : condition.in;
	const system = systemOf(base, flow, condition.question);
	return {
		// `in` is any of its options; not(in) is none of them.
		behavior: codes.length > 1 && !negated ? 'any' : 'all',
		tests: codes.map((code) => ({
			question: condition.question,
			operator: negated ? '!=' : '=',
			answerCoding: { system, code }
		}))
	};
}

function enableWhenOf(base: string, flow: Flow, question: Question) {
	if (question.showIf === undefined) return {};
	const clause = clauseOf(base, flow, question.showIf, false);
	if (clause === null)
		throw new Error(
			`the condition of question "${question.id}" cannot be expressed as FHIR R4 enableWhen ` +
				'(it needs nesting, or asks whether an optional multi question was answered)'
		);
	return clause.tests.length > 1
		? { enableWhen: clause.tests, enableBehavior: clause.behavior }
		: { enableWhen: clause.tests };
}

const XML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);

/**
 * The Questionnaire for a person to read: its title, then each question with its options, then the
 * meeting plan's fields (with the options of those that have some).
 */
function narrativeOf(
	title: string,
	questions: FhirQuestionnaireItem[],
	plan: FhirPlanGroupItem
): FhirNarrative {
	const items = questions.map((item) => {
		const options = item.answerOption.map((o) => `<li>${xml(o.valueCoding.display)}</li>`);
		return `<li><p>${xml(item.text)}</p><ul>${options.join('')}</ul></li>`;
	});
	const fields = plan.item.map((field) => {
		const options = (field.answerOption ?? []).map((o) => xml(o.valueCoding.display));
		return `<li>${xml(field.text)}${options.length > 0 ? `: ${options.join(', ')}` : ''}</li>`;
	});
	items.push(`<li><p>${xml(plan.text)}</p><ul>${fields.join('')}</ul></li>`);
	return {
		status: 'generated',
		div:
			`<div xmlns="http://www.w3.org/1999/xhtml"><h2>${xml(title)}</h2>` +
			`<ol>${items.join('')}</ol></div>`
	};
}

/**
 * The flow as a FHIR R4 Questionnaire, in one locale, under the site's address `base` (checked by
 * `siteUrl`; undefined gives the default). Throws for a condition R4 cannot express.
 */
export function toQuestionnaire(
	flow: Flow,
	locale: string,
	base: string | undefined
): FhirQuestionnaire {
	if (!flow.locales.includes(locale))
		throw new Error(`"${locale}" is not one of the flow's locales (${flow.locales.join(', ')})`);
	const root = siteUrl(base);
	const title = textIn(flow.title, locale, 'the flow title');
	if (flow.questions.some((q) => q.id === PLAN_LINK_ID))
		throw new Error(`the question id "${PLAN_LINK_ID}" is the meeting plan's linkId in FHIR`);
	const item: FhirQuestionnaireItem[] = flow.questions.map((q) => ({
		linkId: q.id,
		text: textIn(q.prompt, locale, `question "${q.id}"`),
		type: 'choice',
		required: q.kind === 'single' || q.optional !== true,
		repeats: q.kind === 'multi',
		answerOption: q.options.map((o) => ({
			...(o.exclusive === true
				? { extension: [{ url: OPTION_EXCLUSIVE_URL, valueBoolean: true } as const] }
				: {}),
			valueCoding: {
				system: systemOf(root, flow, q.id),
				code: o.id,
				display: textIn(o.label, locale, `option "${o.id}" of question "${q.id}"`)
			}
		})),
		...enableWhenOf(root, flow, q)
	}));
	const plan = planGroup(root, flow, planLabels(locale));
	return {
		resourceType: 'Questionnaire',
		id: questionnaireId(flow, locale),
		language: locale,
		text: narrativeOf(title, item, plan),
		url: questionnaireUrl(flow, locale, root),
		version: String(flow.version),
		name: pascalCase(flow.id),
		title,
		status: 'active',
		item: [...item, plan]
	};
}

/**
 * Every Questionnaire of a flow, one per locale: what the site serves at each one's canonical URL
 * (a prerendered `fhir/Questionnaire/[id]` endpoint), so the reference in a response resolves.
 */
export function toQuestionnaires(flow: Flow, base: string | undefined): FhirQuestionnaire[] {
	return flow.locales.map((locale) => toQuestionnaire(flow, locale, base));
}

/**
 * The answers as a FHIR R4 QuestionnaireResponse to the Questionnaire of the language they were
 * given in (`url|version`, under the site's address `base`): one item per question asked and
 * answered, in flow order, then one `meeting-plan` group per planned meeting, in plan order.
 * Answers to questions no longer asked are dropped; an empty optional multi has no item (R4 needs
 * an answer in every item), nor has a meeting's empty time or note. Throws for an answer that is
 * not one of the options, and for a plan that `isValidPlan` refuses for these answers.
 */
export function toQuestionnaireResponse(
	flow: Flow,
	answers: Answers,
	locale: string,
	authored: Date,
	base?: string,
	plan: Plan = []
): FhirQuestionnaireResponse {
	if (!flow.locales.includes(locale))
		throw new Error(`"${locale}" is not one of the flow's locales (${flow.locales.join(', ')})`);
	const root = siteUrl(base);
	const given = prune(flow, answers);
	const item: FhirQuestionnaireResponse['item'] = [];
	for (const q of visibleQuestions(flow, given)) {
		const answer = given[q.id];
		if (answer === undefined) continue;
		if (!isValidAnswer(q, answer)) throw new Error(`the answer to question "${q.id}" is not valid`);
		const codes = chosen(answer);
		if (codes.length === 0) continue;
		item.push({
			linkId: q.id,
			text: textIn(q.prompt, locale, `question "${q.id}"`),
			answer: codes.map((code) => {
				const option = q.options.find((o) => o.id === code);
				return {
					valueCoding: {
						system: systemOf(root, flow, q.id),
						code,
						display: textIn(option?.label ?? {}, locale, `option "${code}" of question "${q.id}"`)
					}
				};
			})
		});
	}
	if (plan.length > 0) {
		if (!isValidPlan(flow, recommend(flow, given), plan))
			throw new Error('the meeting plan is not valid for these answers');
		const labels = planLabels(locale);
		const group = planGroup(root, flow, labels);
		for (const m of plan) item.push(planResponseItem(group, root, flow, labels, m));
	}
	return {
		resourceType: 'QuestionnaireResponse',
		questionnaire: `${questionnaireUrl(flow, locale, root)}|${flow.version}`,
		status: 'completed',
		authored: authored.toISOString(),
		language: locale,
		item
	};
}
