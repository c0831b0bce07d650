/**
 * FHIR R4 export, so a clinic can file the answers: the flow as a `Questionnaire` and a person's
 * answers as a `QuestionnaireResponse` that points to it. Framework-free (this module ships to the
 * browser): the types below are hand-written for the subset of R4 used here. An exclusive option
 * ("None of these") carries the R4 core extension questionnaire-optionExclusive.
 * The response carries no identifying data: no subject, author or source.
 */
import { chosen, isValidAnswer } from '../flow/answers';
import { prune, visibleQuestions } from '../flow/navigation';
import type { Answers, Condition, Flow, Question, Text } from '../flow/schema';

/** A coded answer: the option id in a system made of the questionnaire URL and the question id. */
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

export interface FhirQuestionnaire {
	resourceType: 'Questionnaire';
	id: string;
	url: string;
	version: string;
	name: string;
	title: string;
	status: 'active';
	language: string;
	item: FhirQuestionnaireItem[];
}

export interface FhirQuestionnaireResponseItem {
	linkId: string;
	text: string;
	answer: { valueCoding: Required<FhirCoding> }[];
}

export interface FhirQuestionnaireResponse {
	resourceType: 'QuestionnaireResponse';
	questionnaire: string;
	status: 'completed';
	authored: string;
	language: string;
	item: FhirQuestionnaireResponseItem[];
}

/** The canonical URI of a flow's Questionnaire. */
export function questionnaireUrl(flow: Flow): string {
	return `urn:support-group-guide:questionnaire:${flow.id}`;
}

/** The code system of a question's options. */
function systemOf(flow: Flow, questionId: string): string {
	return `${questionnaireUrl(flow)}/${questionId}`;
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

function clauseOf(flow: Flow, condition: Condition, negated: boolean): Clause | null {
	if ('not' in condition) return clauseOf(flow, condition.not, !negated);
	if ('all' in condition || 'any' in condition) {
		const parts = 'all' in condition ? condition.all : condition.any;
		// not(all) = any(not), not(any) = all(not).
		const behavior = 'all' in condition !== negated ? 'all' : 'any';
		const tests: FhirEnableWhen[] = [];
		for (const part of parts) {
			const clause = clauseOf(flow, part, negated);
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
	const system = systemOf(flow, condition.question);
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

function enableWhenOf(flow: Flow, question: Question) {
	if (question.showIf === undefined) return {};
	const clause = clauseOf(flow, question.showIf, false);
	if (clause === null)
		throw new Error(
			`the condition of question "${question.id}" cannot be expressed as FHIR R4 enableWhen ` +
				'(it needs nesting, or asks whether an optional multi question was answered)'
		);
	return clause.tests.length > 1
		? { enableWhen: clause.tests, enableBehavior: clause.behavior }
		: { enableWhen: clause.tests };
}

/** The flow as a FHIR R4 Questionnaire, in one locale. Throws for a condition R4 cannot express. */
export function toQuestionnaire(flow: Flow, locale: string): FhirQuestionnaire {
	if (!flow.locales.includes(locale))
		throw new Error(`"${locale}" is not one of the flow's locales (${flow.locales.join(', ')})`);
	const url = questionnaireUrl(flow);
	return {
		resourceType: 'Questionnaire',
		id: flow.id,
		url,
		version: String(flow.version),
		name: pascalCase(flow.id),
		title: textIn(flow.title, locale, 'the flow title'),
		status: 'active',
		language: locale,
		item: flow.questions.map((q) => ({
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
					system: systemOf(flow, q.id),
					code: o.id,
					display: textIn(o.label, locale, `option "${o.id}" of question "${q.id}"`)
				}
			})),
			...enableWhenOf(flow, q)
		}))
	};
}

/**
 * The answers as a FHIR R4 QuestionnaireResponse: one item per question asked and answered, in
 * flow order. Answers to questions no longer asked are dropped; an empty optional multi has no
 * item (R4 needs an answer in every item). Throws for an answer that is not one of the options.
 */
export function toQuestionnaireResponse(
	flow: Flow,
	answers: Answers,
	locale: string,
	authored: Date
): FhirQuestionnaireResponse {
	if (!flow.locales.includes(locale))
		throw new Error(`"${locale}" is not one of the flow's locales (${flow.locales.join(', ')})`);
	const given = prune(flow, answers);
	const item: FhirQuestionnaireResponseItem[] = [];
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
						system: systemOf(flow, q.id),
						code,
						display: textIn(option?.label ?? {}, locale, `option "${code}" of question "${q.id}"`)
					}
				};
			})
		});
	}
	return {
		resourceType: 'QuestionnaireResponse',
		questionnaire: `${questionnaireUrl(flow)}|${flow.version}`,
		status: 'completed',
		authored: authored.toISOString(),
		language: locale,
		item
	};
}
