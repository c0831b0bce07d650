/**
 * The flow format: one Zod schema per concept, types derived beside it.
 * Zod runs at build time, in the CLI and in tests only; the browser receives a flow that was
 * already validated, so the full Zod build never reaches a client bundle.
 */
import { z } from 'zod';

/** A kebab-case identifier used for questions, options, styles, programs and blocks. */
export const IdSchema = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single dashes)')
	.describe('A kebab-case identifier, unique within its kind.');

export const LocaleSchema = z
	.string()
	.regex(/^[a-z]{2}$/, 'must be a two-letter language code such as "en"')
	.describe('A two-letter language code.');
export type Locale = z.infer<typeof LocaleSchema>;

/** A user-visible string in every locale of the flow; integrity checks that none is missing. */
export const TextSchema = z
	.record(LocaleSchema, z.string().trim().min(1, 'must not be empty'))
	.describe('A user-visible string, keyed by locale: { "en": "…", "es": "…" }.');
export type Text = z.infer<typeof TextSchema>;

const EqualsSchema = z
	.strictObject({
		question: IdSchema.describe('The question whose answer is tested.'),
		equals: IdSchema.describe('True when this option was chosen (single or multi choice).')
	})
	.describe('True when the question was answered with this option.');

const InSchema = z
	.strictObject({
		question: IdSchema.describe('The question whose answer is tested.'),
		in: z.array(IdSchema).min(1).describe('True when any of these options was chosen.')
	})
	.describe('True when the question was answered with any of these options.');

const AnsweredSchema = z
	.strictObject({
		answered: IdSchema.describe('True when this question has an answer.')
	})
	.describe('True when the question has been answered.');

const AllSchema = z
	.strictObject({
		get all(): z.ZodArray<typeof ConditionSchema> {
			return z.array(ConditionSchema).min(1).describe('True when every condition is true.');
		}
	})
	.describe('True when every condition is true.');

const AnySchema = z
	.strictObject({
		get any(): z.ZodArray<typeof ConditionSchema> {
			return z.array(ConditionSchema).min(1).describe('True when at least one condition is true.');
		}
	})
	.describe('True when at least one condition is true.');

const NotSchema = z
	.strictObject({
		get not(): typeof ConditionSchema {
			return ConditionSchema;
		}
	})
	.describe('True when the condition is false.');

/** Conditions are structured data with exactly one evaluator (conditions.ts). */
export const ConditionSchema = z
	.union([EqualsSchema, InSchema, AnsweredSchema, AllSchema, AnySchema, NotSchema])
	.describe('A condition over the answers given so far.');
export type Condition = z.infer<typeof ConditionSchema>;

export const OptionSchema = z
	.strictObject({
		id: IdSchema,
		label: TextSchema.describe('The option text, as the person reads it.'),
		exclusive: z
			.boolean()
			.optional()
			.describe(
				'multi only: this option is chosen alone ("None of these"); ticking it clears the others.'
			)
	})
	.describe('One answer to a question.');
export type Option = z.infer<typeof OptionSchema>;

export const QuestionSchema = z
	.strictObject({
		id: IdSchema,
		kind: z
			.enum(['single', 'multi'])
			.describe('single: radio buttons, one answer. multi: checkboxes, any number of answers.'),
		prompt: TextSchema.describe('The question, shown as the legend of its fieldset.'),
		help: TextSchema.describe('A short "why we ask" text, shown in a disclosure.'),
		options: z
			.array(OptionSchema)
			.min(2, 'a question needs at least two options')
			.describe('The answers to choose from (at least two).'),
		optional: z
			.boolean()
			.optional()
			.describe('multi only: the person may continue without ticking anything.'),
		showIf: ConditionSchema.optional().describe(
			'Ask this question only when the condition holds for the earlier answers.'
		),
		flag: z
			.boolean()
			.optional()
			.describe(
				"Safety-relevant: the answer is shown first, among the flags, on the counselor's summary."
			)
	})
	.describe('One question, asked on a screen of its own.');
export type Question = z.infer<typeof QuestionSchema>;

export const HelplineSchema = z
	.strictObject({
		id: IdSchema,
		name: TextSchema.describe('The name of the service.'),
		display: z.string().min(1).describe('The number as people write it, e.g. "1-800-662-4357".'),
		tel: z
			.string()
			.regex(/^\+?[0-9]{3,15}$/, 'must be digits only, for a tel: link')
			.describe('The digits dialled by a tel: link.'),
		sms: z
			.string()
			.regex(/^[0-9]{3,15}$/, 'must be digits only, for an sms: link')
			.optional()
			.describe('Digits for an sms: link where the service takes texts.'),
		description: TextSchema.describe('What the line is for, in one or two sentences.')
	})
	.describe('A help line shown on every screen and in emergency guidance.');
export type Helpline = z.infer<typeof HelplineSchema>;

export const DangerRuleSchema = z
	.strictObject({
		id: IdSchema,
		when: ConditionSchema.describe('The answers that signal danger.'),
		level: z
			.enum(['emergency', 'urgent'])
			.describe('emergency: call 911 now. urgent: get medical help today, do not wait.'),
		title: TextSchema.describe('What to do, in a few words.'),
		steps: z.array(TextSchema).min(1).describe('What to do now, one step per item.'),
		helplines: z.array(IdSchema).min(1).describe('Help lines shown first, by id.')
	})
	.describe('Answers that interrupt the questionnaire with emergency guidance at once.');
export type DangerRule = z.infer<typeof DangerRuleSchema>;

export const AdviceSchema = z
	.strictObject({
		id: IdSchema,
		opening: z
			.boolean()
			.optional()
			.describe(
				'safety only: a version of the medical-help advice that opens the result. Openings come first; exactly one shows for every set of answers.'
			),
		showIf: ConditionSchema.optional().describe('Show this advice only when the condition holds.'),
		title: TextSchema,
		body: z.array(TextSchema).min(1).describe('Paragraphs of advice.')
	})
	.describe('A block of safety advice or complementary help shown with the result.');
export type Advice = z.infer<typeof AdviceSchema>;

export const FinderSchema = z
	.strictObject({
		kind: z
			.enum(['in-person', 'online', 'phone', 'website'])
			.describe(
				'What the link finds: in-person meetings, online meetings, a phone line, or a home page.'
			),
		url: z
			.url({ protocol: /^https$/, hostname: z.regexes.domain })
			.describe('An official https address, checked against the facts file.'),
		label: TextSchema.describe('The link text.'),
		hint: TextSchema.optional().describe(
			'A short line beside the link: what to look for there (a label, proof of attendance), only as far as the facts support.'
		)
	})
	.describe('A link to an official meeting finder or home page.');
export type Finder = z.infer<typeof FinderSchema>;

export const ProgramSchema = z
	.strictObject({
		id: IdSchema,
		name: z.string().min(1).describe('The program name (a proper name, not translated).'),
		description: TextSchema,
		finders: z.array(FinderSchema).describe('Official links; may be empty where none is verified.')
	})
	.describe('A named program or fellowship that follows a style.');
export type Program = z.infer<typeof ProgramSchema>;

/** A group's stance on medication for opioid use disorder, as far as the facts support it. */
export const StanceSchema = z
	.enum(['welcomes', 'ask', 'may-limit'])
	.describe(
		'welcomes: says so in its own words. ask: no stance found, ask the group. may-limit: abstinence-based; some groups limit sharing or service.'
	);
export type Stance = z.infer<typeof StanceSchema>;

export const StyleSchema = z
	.strictObject({
		id: IdSchema,
		audience: z
			.enum(['person', 'loved-one'])
			.describe(
				'person: groups for the person who uses opioids. loved-one: groups for family and friends.'
			),
		showIf: ConditionSchema.optional().describe('Offer this style only when the condition holds.'),
		name: TextSchema,
		summary: TextSchema.describe('What the style is, in one or two sentences.'),
		firstMeeting: TextSchema.describe(
			"What this style's meetings are like: the paragraph that opens the card's first-meeting panel."
		),
		medication: TextSchema.describe(
			'The stance on medication for opioid use disorder, only as far as the facts support; otherwise "ask the group".'
		),
		stance: StanceSchema.optional().describe(
			'The stance as data, for ranking and the card: needed on every person style when the flow has `medication`.'
		),
		programs: z.array(ProgramSchema).min(1)
	})
	.describe('A support-group style that can be recommended.');
export type Style = z.infer<typeof StyleSchema>;

export const WeightSchema = z
	.strictObject({
		question: IdSchema,
		option: IdSchema,
		style: IdSchema,
		points: z
			.number()
			.int()
			.min(-10)
			.max(10)
			.refine((n) => n !== 0, 'must not be 0')
			.describe('Added to the style score when the option was chosen.'),
		reason: TextSchema.describe(
			'Why, in words tied to the answer ("You said you prefer no spiritual language").'
		)
	})
	.describe('A scoring weight: one answer moves one style up or down, with the reason.');
export type Weight = z.infer<typeof WeightSchema>;

export const NoteSchema = z
	.strictObject({
		question: IdSchema,
		option: IdSchema,
		style: IdSchema.optional().describe(
			"Only on this style's card. A note without a style is the fallback for every other card."
		),
		text: TextSchema.describe(
			'A sentence for the card when the option was chosen: what to look for or ask.'
		)
	})
	.describe(
		'An answer that changes no score but needs a word on each recommended card (a Spanish-speaking group, say).'
	);
export type Note = z.infer<typeof NoteSchema>;

export const MedicationSchema = z
	.strictObject({
		when: ConditionSchema.describe('The answers of someone on medication, or open to it.'),
		caution: TextSchema.describe(
			'Leads the card of every group that does not say it welcomes medication, for those people.'
		)
	})
	.describe(
		'Medication-aware ranking: for these people, groups that welcome medication win ties, and the others lead with the caution.'
	);
export type Medication = z.infer<typeof MedicationSchema>;

export const FirstMeetingPointSchema = z
	.strictObject({
		id: IdSchema,
		styles: z
			.array(IdSchema)
			.min(1)
			.optional()
			.describe("Only on these styles' cards; without it, on every card."),
		showIf: ConditionSchema.optional().describe('Only when the condition holds for the answers.'),
		medication: z
			.boolean()
			.optional()
			.describe(
				"Only for someone on medication or open to it: when the flow's `medication.when` holds."
			),
		text: TextSchema.describe('One short point, in a sentence or two.')
	})
	.describe(
		'A point of the "Your first meeting" panel, listed under the style\'s own paragraph on each card it applies to.'
	);
export type FirstMeetingPoint = z.infer<typeof FirstMeetingPointSchema>;

export const FlowSchema = z
	.strictObject({
		$schema: z.string().optional().describe('Path of flow.schema.json, for editors.'),
		id: IdSchema,
		version: z
			.number()
			.int()
			.min(1)
			.describe('Raised whenever the flow changes: questions, options, content or scoring.'),
		answersSince: z
			.number()
			.int()
			.min(1)
			.optional()
			.describe(
				'The oldest version whose saved answers and share links this version still reads: the same questions and options, so the same answers. Raise it to `version` when a question or option changes. Without it, only this version is read.'
			),
		locales: z.array(LocaleSchema).min(1).describe('Every text must exist in each of these.'),
		title: TextSchema,
		questions: z.array(QuestionSchema).min(1),
		dangers: z.array(DangerRuleSchema),
		helplines: z.array(HelplineSchema).min(1),
		safety: z
			.array(AdviceSchema)
			.describe(
				'Safety advice that opens every result, in order: first the opening blocks (one shows for every set of answers), then the rest.'
			),
		styles: z.array(StyleSchema).min(1),
		weights: z.array(WeightSchema),
		notes: z
			.array(NoteSchema)
			.default([])
			.describe('Sentences tied to answers, shown on the cards.'),
		medication: MedicationSchema.optional(),
		firstMeeting: z
			.array(FirstMeetingPointSchema)
			.default([])
			.describe(
				'What to know before a first meeting (speaking, cameras, open or closed, proof of attendance), in the order shown on the cards.'
			),
		complements: z
			.array(AdviceSchema)
			.describe('Help that works alongside groups: therapy, medication, naloxone, family help.'),
		checklists: z
			.array(AdviceSchema)
			.default([])
			.describe(
				'Questions to take along (to a group, to a counselor): each paragraph is one question.'
			)
	})
	.describe('A questionnaire flow with its safety rules, group styles and scoring.');
export type Flow = z.infer<typeof FlowSchema>;

/** What the person answered: one option id for single questions, a list for multi questions. */
export type Answers = Record<string, string | string[]>;
