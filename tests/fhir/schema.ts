/**
 * Zod schemas for the subset of FHIR R4 that src/lib/share/fhir.ts writes: Questionnaire (with its
 * narrative) and QuestionnaireResponse with choice items, and the one extension it uses
 * (questionnaire-optionExclusive on an answerOption). Datatype regexes and invariants (que-2, que-7,
 * que-12, qrs-2, ext-1, txt-1, txt-2) follow the R4 specification. Objects are strict: a key R4 does
 * not define here (such as `subject`) fails validation. A response is checked against its
 * Questionnaire by `responseIssues`.
 */
import { z } from 'zod';

/** R4 `id`. */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** R4 `dateTime`. */
export const FHIR_DATE_TIME =
	/^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;
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

export const QuestionnaireItemSchema = z
	.strictObject({
		linkId: FhirString,
		text: FhirString.optional(),
		type: z.enum([
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
		]),
		required: z.boolean().optional(),
		repeats: z.boolean().optional(),
		answerOption: z.array(AnswerOptionSchema).min(1).optional(),
		enableWhen: z.array(EnableWhenSchema).min(1).optional(),
		enableBehavior: z.enum(['all', 'any']).optional()
	})
	.refine((i) => (i.enableWhen?.length ?? 0) <= 1 || i.enableBehavior !== undefined, {
		message: 'que-12: more than one enableWhen needs enableBehavior'
	})
	.refine((i) => i.answerOption === undefined || ['choice', 'open-choice'].includes(i.type), {
		message: 'que-5: only choice items have answerOption'
	});

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
	.refine((q) => new Set(q.item.map((i) => i.linkId)).size === q.item.length, {
		message: 'que-2: linkIds must be unique'
	});
export type ValidQuestionnaire = z.infer<typeof QuestionnaireSchema>;

export const QuestionnaireResponseSchema = z
	.strictObject({
		resourceType: z.literal('QuestionnaireResponse'),
		questionnaire: FhirUri,
		status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
		authored: z.string().regex(FHIR_DATE_TIME, 'must be an R4 dateTime'),
		language: FhirLanguage.optional(),
		item: z.array(
			z.strictObject({
				linkId: FhirString,
				text: FhirString.optional(),
				answer: z.array(z.strictObject({ valueCoding: CodingSchema })).min(1)
			})
		)
	})
	.refine((r) => new Set(r.item.map((i) => i.linkId)).size === r.item.length, {
		message: 'qrs-2: repeated answers belong in one item'
	});
export type ValidQuestionnaireResponse = z.infer<typeof QuestionnaireResponseSchema>;

const sameCoding = (a: z.infer<typeof CodingSchema>, b: z.infer<typeof CodingSchema>) =>
	a.system === b.system && a.code === b.code;

/**
 * What the Zod schemas cannot see alone: whether a response's answers are answers to its
 * Questionnaire. Checks the canonical reference, that every item is one of the Questionnaire's,
 * once, that every answer is one of the item's options (with its display), that a non-repeating
 * item has one answer, that no option is given twice, and that an option marked optionExclusive
 * is the only answer of its item. Returns the problems found; none for a conformant response.
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
	for (const item of response.item) {
		const question = questionnaire.item.find((i) => i.linkId === item.linkId);
		if (question === undefined) {
			issues.push(`${item.linkId}: no such item in the Questionnaire`);
			continue;
		}
		if (item.text !== undefined && item.text !== question.text)
			issues.push(`${item.linkId}: text differs from the Questionnaire`);
		if (question.repeats !== true && item.answer.length > 1)
			issues.push(`${item.linkId}: ${item.answer.length} answers to an item that does not repeat`);
		const options = question.answerOption ?? [];
		const chosen = item.answer.map(({ valueCoding }) => {
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
		if (
			new Set(item.answer.map((a) => `${a.valueCoding.system}|${a.valueCoding.code}`)).size <
			item.answer.length
		)
			issues.push(`${item.linkId}: an option is given twice`);
		for (const option of chosen)
			if (
				item.answer.length > 1 &&
				option?.extension?.some((e) => e.url === OPTION_EXCLUSIVE && e.valueBoolean)
			)
				issues.push(
					`${item.linkId}: ${option.valueCoding.code} is exclusive but has other answers`
				);
	}
	return issues;
}
