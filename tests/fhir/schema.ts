/**
 * Zod schemas for the subset of FHIR R4 that src/lib/share/fhir.ts writes: Questionnaire (with its
 * narrative) and QuestionnaireResponse with choice items and the meeting plan's repeating group
 * (date, time and string fields), and the one extension it uses (questionnaire-optionExclusive on
 * an answerOption). Datatype regexes and invariants (que-1, que-2, que-5, que-6, que-7, que-10,
 * que-12, qrs-1, qrs-2, ext-1, txt-1, txt-2) follow the R4 specification. Objects are strict: a key
 * R4 does not define here (such as `subject`) fails validation. A response is checked against its
 * Questionnaire by `responseIssues`.
 *
 * These check more than R4's JSON schema can (invariants, real dates, the response against its
 * Questionnaire); tests/fhir/official.ts checks the same resources against HL7's own
 * fhir.schema.json for R4.
 */
import { z } from 'zod';

/** R4 `id`. */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** R4 `dateTime`. */
export const FHIR_DATE_TIME =
	/^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;
/** R4 `date`: a year, a year and month, or a whole date, with no time zone. */
export const FHIR_DATE =
	/^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$/;
/** R4 `time`: a time of day with seconds, and no time zone. */
export const FHIR_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?$/;
/** R4 `code`: no leading, trailing or double whitespace. */
const FHIR_CODE = /^[^\s]+( [^\s]+)*$/;
/** R4 `uri` and `canonical`: no whitespace. */
const FHIR_URI = /^\S+$/;
/** R4 computable name (que-0). */
const FHIR_NAME = /^[A-Z]([A-Za-z0-9_]){0,254}$/;

const FhirString = z.string().regex(/^[\r\n\t\S ]+$/u, 'must have content');
const FhirUri = z.string().regex(FHIR_URI, 'must be a uri');
const FhirCode = z.string().regex(FHIR_CODE, 'must be a code');
/** A language tag such as "en" or "es-MX". */
const FhirLanguage = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/);

export const CodingSchema = z.strictObject({
	system: FhirUri,
	code: FhirCode,
	display: FhirString.optional()
});

const answerKeys = [
	'answerBoolean',
	'answerDecimal',
	'answerInteger',
	'answerDate',
	'answerDateTime',
	'answerTime',
	'answerString',
	'answerCoding',
	'answerQuantity',
	'answerReference'
] as const;

/**
 * R4 core extension (https://hl7.org/fhir/R4/extension-questionnaire-optionexclusive.html):
 * on Questionnaire.item.answerOption, 0..1, a boolean. True: chosen, this option is the only answer,
 * even on a repeating item.
 */
export const OPTION_EXCLUSIVE =
	'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive';

/**
 * The only extension written: a value and no nested extension (ext-1). Any other URL fails, as an
 * unknown key would.
 */
export const OptionExclusiveSchema = z.strictObject({
	url: z.literal(OPTION_EXCLUSIVE),
	valueBoolean: z.boolean()
});

export const AnswerOptionSchema = z
	.strictObject({
		extension: z.array(OptionExclusiveSchema).min(1).optional(),
		valueCoding: CodingSchema
	})
	.refine((o) => (o.extension?.length ?? 0) <= 1, {
		message: 'optionExclusive is 0..1 on an answerOption'
	});

export const EnableWhenSchema = z
	.strictObject({
		question: FhirString,
		operator: z.enum(['exists', '=', '!=', '>', '<', '>=', '<=']),
		answerBoolean: z.boolean().optional(),
		answerDecimal: z.number().optional(),
		answerInteger: z.number().int().optional(),
		answerDate: z.string().optional(),
		answerDateTime: z.string().regex(FHIR_DATE_TIME).optional(),
		answerTime: z.string().optional(),
		answerString: FhirString.optional(),
		answerCoding: CodingSchema.optional(),
		answerQuantity: z.record(z.string(), z.unknown()).optional(),
		answerReference: z.record(z.string(), z.unknown()).optional()
	})
	.refine((w) => answerKeys.filter((k) => w[k] !== undefined).length === 1, {
		message: 'enableWhen needs exactly one answer[x]'
	})
	.refine((w) => w.operator !== 'exists' || w.answerBoolean !== undefined, {
		message: 'que-7: the exists operator needs answerBoolean'
	});

/** The XHTML namespace, required on a narrative's outer div. */
export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * What txt-1 allows in a narrative (https://hl7.org/fhir/R4/narrative.html#xhtml): the basic HTML
 * formatting elements, links and images; no script, form, frame, object, head or body, and no
 * event attribute.
 */
const NARRATIVE_ELEMENTS = new Set(
	(
		'a abbr acronym b big blockquote br caption cite code col colgroup dd dfn div dl dt em ' +
		'h1 h2 h3 h4 h5 h6 hr i img li ol p pre q samp small span strong sub sup table tbody td ' +
		'tfoot th thead tr tt ul var'
	).split(' ')
);
const NARRATIVE_ATTRIBUTES = new Set(
	(
		'lang xml:lang dir class style id title href name src alt colspan rowspan span scope ' +
		'headers abbr width height border align valign start type value'
	).split(' ')
);
/** XML text: `&` only as a predefined entity or a character reference. */
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;

/**
 * The problems of an R4 narrative div, for the XHTML written here (no comments, CDATA or
 * processing instructions): well-formed XML with one `<div>` root in the XHTML namespace, only the
 * elements and attributes txt-1 allows, escaped text, and some text that is not whitespace (txt-2).
 */
export function xhtmlIssues(div: string): string[] {
	const issues: string[] = [];
	const open: string[] = [];
	let text = '';
	let roots = 0;
	const token =
		/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)|</gy;
	for (const [, closing, name, attributes, selfClosing, chars] of div.matchAll(token)) {
		if (chars !== undefined) {
			if (open.length === 0) issues.push(`text outside the div: ${chars}`);
			if (BARE_AMPERSAND.test(chars)) issues.push(`an unescaped & in: ${chars}`);
			text += chars;
			continue;
		}
		if (name === undefined) {
			issues.push('an unescaped < or a tag that is not well-formed');
			continue;
		}
		if (closing) {
			if (open.pop() !== name) issues.push(`</${name}> closes no open <${name}>`);
			continue;
		}
		if (open.length === 0 && roots++ > 0) issues.push(`a second root element <${name}>`);
		if (!NARRATIVE_ELEMENTS.has(name)) issues.push(`<${name}> is not allowed in a narrative`);
		const attrs = [...(attributes ?? '').matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)];
		for (const [, attr, value] of attrs) {
			if (attr === 'xmlns') {
				if (open.length > 0 || value !== XHTML_NAMESPACE)
					issues.push(`xmlns="${value}" where only the root may declare ${XHTML_NAMESPACE}`);
			} else if (!NARRATIVE_ATTRIBUTES.has(attr as string))
				issues.push(`${attr} is not allowed on <${name}>`);
			if (BARE_AMPERSAND.test(value as string)) issues.push(`an unescaped & in ${attr}`);
		}
		if (open.length === 0) {
			if (name !== 'div') issues.push(`the root is <${name}>, not <div>`);
			if (!attrs.some(([, attr, value]) => attr === 'xmlns' && value === XHTML_NAMESPACE))
				issues.push(`the root div is not in the namespace ${XHTML_NAMESPACE}`);
		}
		if (!selfClosing) open.push(name);
	}
	if (roots === 0) issues.push('no root div');
	for (const name of open.reverse()) issues.push(`<${name}> is never closed`);
	if (text.trim() === '') issues.push('txt-2: the narrative has no text');
	return issues;
}

/** R4 Narrative. */
export const NarrativeSchema = z.strictObject({
	status: z.enum(['generated', 'extensions', 'additional', 'empty']),
	div: z.string().superRefine((div, ctx) => {
		for (const message of xhtmlIssues(div)) ctx.addIssue({ code: 'custom', message });
	})
});

const ITEM_TYPES = [
	'group',
	'display',
	'boolean',
	'decimal',
	'integer',
	'date',
	'dateTime',
	'time',
	'string',
	'text',
	'url',
	'choice',
	'open-choice',
	'attachment',
	'reference',
	'quantity'
] as const;

/** que-10: the item types that may declare a maxLength. */
const MAX_LENGTH_TYPES = ['boolean', 'decimal', 'integer', 'string', 'text', 'url', 'open-choice'];

/** An item of a Questionnaire, questions and groups alike (a group nests more items). */
export interface ValidQuestionnaireItem {
	linkId: string;
	text?: string | undefined;
	type: (typeof ITEM_TYPES)[number];
	required?: boolean | undefined;
	repeats?: boolean | undefined;
	maxLength?: number | undefined;
	answerOption?: z.infer<typeof AnswerOptionSchema>[] | undefined;
	enableWhen?: z.infer<typeof EnableWhenSchema>[] | undefined;
	enableBehavior?: 'all' | 'any' | undefined;
	item?: ValidQuestionnaireItem[] | undefined;
}

export const QuestionnaireItemSchema: z.ZodType<ValidQuestionnaireItem> = z
	.strictObject({
		linkId: FhirString,
		text: FhirString.optional(),
		type: z.enum(ITEM_TYPES),
		required: z.boolean().optional(),
		repeats: z.boolean().optional(),
		maxLength: z.number().int().optional(),
		answerOption: z.array(AnswerOptionSchema).min(1).optional(),
		enableWhen: z.array(EnableWhenSchema).min(1).optional(),
		enableBehavior: z.enum(['all', 'any']).optional(),
		get item() {
			return z.array(QuestionnaireItemSchema).min(1).optional();
		}
	})
	.refine((i) => (i.enableWhen?.length ?? 0) <= 1 || i.enableBehavior !== undefined, {
		message: 'que-12: more than one enableWhen needs enableBehavior'
	})
	.refine((i) => i.answerOption === undefined || ['choice', 'open-choice'].includes(i.type), {
		message: 'que-5: only choice items have answerOption'
	})
	.refine((i) => i.type !== 'group' || i.item !== undefined, {
		message: 'que-1: a group needs nested items'
	})
	.refine((i) => i.type !== 'display' || i.item === undefined, {
		message: 'que-1: a display item has no nested items'
	})
	.refine((i) => i.type !== 'display' || (i.required === undefined && i.repeats === undefined), {
		message: 'que-6: a display item is neither required nor repeating'
	})
	.refine((i) => i.maxLength === undefined || MAX_LENGTH_TYPES.includes(i.type), {
		message: 'que-10: only simple question types declare a maxLength'
	});

/** Every item of a tree of items, depth first. */
function descendants<T extends { item?: T[] }>(items: T[]): T[] {
	return items.flatMap((i) => [i, ...descendants(i.item ?? [])]);
}

export const QuestionnaireSchema = z
	.strictObject({
		resourceType: z.literal('Questionnaire'),
		id: z.string().regex(FHIR_ID),
		language: FhirLanguage.optional(),
		text: NarrativeSchema.optional(),
		url: FhirUri,
		version: FhirString,
		name: z.string().regex(FHIR_NAME).optional(),
		title: FhirString.optional(),
		status: z.enum(['draft', 'active', 'retired', 'unknown']),
		item: z.array(QuestionnaireItemSchema).min(1)
	})
	.refine(
		(q) => {
			const all = descendants(q.item);
			return new Set(all.map((i) => i.linkId)).size === all.length;
		},
		{ message: 'que-2: linkIds must be unique, at every level' }
	);
export type ValidQuestionnaire = z.infer<typeof QuestionnaireSchema>;

/** A real calendar date, for an R4 `date` of year, month and day ("Dates SHALL be valid dates"). */
const isRealDate = (date: string) => {
	if (date.length !== 10) return true;
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const at = new Date(Date.UTC(y, m - 1, d));
	return at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
};

/** The answer types the export writes: a coding, a date, a time or a string. */
export const ResponseAnswerSchema = z.union([
	z.strictObject({ valueCoding: CodingSchema }),
	z.strictObject({
		valueDate: z
			.string()
			.regex(FHIR_DATE, 'must be an R4 date')
			.refine(isRealDate, 'must be a real date')
	}),
	z.strictObject({ valueTime: z.string().regex(FHIR_TIME, 'must be an R4 time') }),
	z.strictObject({ valueString: FhirString })
]);
export type ResponseAnswer = z.infer<typeof ResponseAnswerSchema>;

/** A question's answers. */
const AnsweredItemSchema = z.strictObject({
	linkId: FhirString,
	text: FhirString.optional(),
	answer: z.array(ResponseAnswerSchema).min(1)
});

/**
 * qrs-2 as SDC reads it (sdcqr-2): a question has one item, its answers together, while each
 * repetition of a repeating group is an item of its own with the group's linkId.
 */
const distinctQuestions = (items: ValidResponseItem[]) => {
	const questions = items.filter((i) => 'answer' in i).map((i) => i.linkId);
	return new Set(questions).size === questions.length;
};

/** A repetition of a group: its nested items, and no answer (qrs-1: items or answers, never both). */
export interface ValidGroupItem {
	linkId: string;
	text?: string | undefined;
	item: ValidResponseItem[];
}

export const GroupItemSchema: z.ZodType<ValidGroupItem> = z
	.strictObject({
		linkId: FhirString,
		text: FhirString.optional(),
		get item() {
			return z.array(ResponseItemSchema).min(1);
		}
	})
	.refine((g) => distinctQuestions(g.item), {
		message: 'qrs-2: repeated answers belong in one item'
	});

export const ResponseItemSchema = z.union([AnsweredItemSchema, GroupItemSchema]);
export type ValidResponseItem =
	z.infer<typeof AnsweredItemSchema> | z.infer<typeof GroupItemSchema>;

export const QuestionnaireResponseSchema = z
	.strictObject({
		resourceType: z.literal('QuestionnaireResponse'),
		questionnaire: FhirUri,
		status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
		authored: z.string().regex(FHIR_DATE_TIME, 'must be an R4 dateTime'),
		language: FhirLanguage.optional(),
		item: z.array(ResponseItemSchema)
	})
	.refine((r) => distinctQuestions(r.item), {
		message: 'qrs-2: repeated answers belong in one item'
	});
export type ValidQuestionnaireResponse = z.infer<typeof QuestionnaireResponseSchema>;

const sameCoding = (a: z.infer<typeof CodingSchema>, b: z.infer<typeof CodingSchema>) =>
	a.system === b.system && a.code === b.code;

/** The answer[x] an item type takes, for the types the export writes. */
const ANSWER_KEY: Partial<Record<ValidQuestionnaireItem['type'], string>> = {
	choice: 'valueCoding',
	date: 'valueDate',
	time: 'valueTime',
	string: 'valueString'
};

/** The problems of a question's answers against its Questionnaire item. */
function answerIssues(
	question: ValidQuestionnaireItem,
	item: z.infer<typeof AnsweredItemSchema>,
	issues: string[]
) {
	const key = ANSWER_KEY[question.type];
	if (question.repeats !== true && item.answer.length > 1)
		issues.push(`${item.linkId}: ${item.answer.length} answers to an item that does not repeat`);
	for (const answer of item.answer) {
		const [given] = Object.keys(answer);
		if (given !== key) issues.push(`${item.linkId}: a ${given} answer to a ${question.type} item`);
		if (
			'valueString' in answer &&
			question.maxLength !== undefined &&
			answer.valueString.length > question.maxLength
		)
			issues.push(`${item.linkId}: longer than its maxLength of ${question.maxLength}`);
	}
	if (question.type !== 'choice') return;
	const codings = item.answer.flatMap((a) => ('valueCoding' in a ? [a.valueCoding] : []));
	const options = question.answerOption ?? [];
	const chosen = codings.map((valueCoding) => {
		const option = options.find((o) => sameCoding(o.valueCoding, valueCoding));
		if (option === undefined)
			issues.push(`${item.linkId}: ${valueCoding.code} is not one of its options`);
		else if (
			valueCoding.display !== undefined &&
			valueCoding.display !== option.valueCoding.display
		)
			issues.push(`${item.linkId}: ${valueCoding.code} has another display`);
		return option;
	});
	if (new Set(codings.map((c) => `${c.system}|${c.code}`)).size < codings.length)
		issues.push(`${item.linkId}: an option is given twice`);
	for (const option of chosen)
		if (
			codings.length > 1 &&
			option?.extension?.some((e) => e.url === OPTION_EXCLUSIVE && e.valueBoolean)
		)
			issues.push(`${item.linkId}: ${option.valueCoding.code} is exclusive but has other answers`);
}

/** The problems of a list of response items against the Questionnaire items at the same level. */
function itemIssues(
	questions: ValidQuestionnaireItem[],
	items: ValidResponseItem[],
	issues: string[]
) {
	const counts = new Map<string, number>();
	for (const item of items) {
		const question = questions.find((i) => i.linkId === item.linkId);
		if (question === undefined) {
			issues.push(`${item.linkId}: no such item in the Questionnaire`);
			continue;
		}
		counts.set(item.linkId, (counts.get(item.linkId) ?? 0) + 1);
		if (item.text !== undefined && item.text !== question.text)
			issues.push(`${item.linkId}: text differs from the Questionnaire`);
		if ('item' in item) {
			if (question.type !== 'group') {
				issues.push(`${item.linkId}: nested items under a ${question.type} item`);
				continue;
			}
			const children = question.item ?? [];
			itemIssues(children, item.item, issues);
			for (const child of children)
				if (child.required === true && !item.item.some((i) => i.linkId === child.linkId))
					issues.push(`${item.linkId}: the required ${child.linkId} has no answer`);
		} else if (question.type === 'group') issues.push(`${item.linkId}: answers to a group`);
		else answerIssues(question, item, issues);
	}
	for (const [linkId, count] of counts) {
		const question = questions.find((i) => i.linkId === linkId);
		if (count > 1 && question?.type === 'group' && question.repeats !== true)
			issues.push(`${linkId}: ${count} repetitions of a group that does not repeat`);
	}
}

/**
 * What the Zod schemas cannot see alone: whether a response's answers are answers to its
 * Questionnaire. Checks the canonical reference, that every item is one of the Questionnaire's
 * (at its own level), that every answer has the item's type, that a choice is one of the item's
 * options (with its display), that a non-repeating item has one answer, that no option is given
 * twice, that an option marked optionExclusive is the only answer of its item, that a string keeps
 * to its maxLength, that only a repeating group repeats, and that every repetition of a group
 * answers its required items. Returns the problems found; none for a conformant response.
 */
export function responseIssues(
	questionnaire: ValidQuestionnaire,
	response: ValidQuestionnaireResponse
): string[] {
	const issues: string[] = [];
	if (response.questionnaire !== `${questionnaire.url}|${questionnaire.version}`)
		issues.push(
			`refers to ${response.questionnaire}, not ${questionnaire.url}|${questionnaire.version}`
		);
	itemIssues(questionnaire.item, response.item, issues);
	return issues;
}
