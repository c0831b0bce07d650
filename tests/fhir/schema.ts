/**
 * Zod schemas for the subset of FHIR R4 that src/lib/share/fhir.ts writes: Questionnaire and
 * QuestionnaireResponse with choice items. Datatype regexes and invariants (que-2, que-7, que-12,
 * qrs-2) follow the R4 specification. Objects are strict: a key R4 does not define here (such as
 * `subject`) fails validation.
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
		answerOption: z
			.array(z.strictObject({ valueCoding: CodingSchema }))
			.min(1)
			.optional(),
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
		url: FhirUri,
		version: FhirString,
		name: z.string().regex(FHIR_NAME).optional(),
		title: FhirString.optional(),
		status: z.enum(['draft', 'active', 'retired', 'unknown']),
		language: FhirLanguage.optional(),
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
