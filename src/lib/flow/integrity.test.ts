import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCondition, toMermaid } from './graph';
import { parseFlowText, ValidFlowSchema } from './integrity';
import { flowJsonSchema } from './json-schema';
import type { Advice, Condition, FirstMeetingPoint, Flow, Note } from './schema';
import { flowTexts, type TextPath } from './texts';

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), 'utf8');
const minimalText = read('../../../tests/fixtures/valid/minimal.json');
const opioidText = read('../../../flows/opioid-support.json');

function parsed(text: string): Flow {
	const result = parseFlowText(text);
	if (!result.ok) throw new Error(result.message);
	return result.flow;
}

const minimal = parsed(minimalText);
const opioid = parsed(opioidText);

/** The minimal fixture as plain JSON, changed by `change`: one defect per test. */
function broken(change: (flow: Flow) => void) {
	const json = JSON.parse(minimalText) as Flow;
	change(json);
	return json;
}

const text = (en: string, es: string) => ({ en, es });

/** A second opening block, for people who said they are sick. */
const urgentOpening: Advice = {
	id: 'urgent-detox',
	opening: true,
	showIf: { question: 'status', equals: 'sick' },
	title: text('Detox with help today', 'Desintoxicación con ayuda hoy'),
	body: [text('Get medical help today.', 'Busca ayuda médica hoy.')]
};

const checklist: Advice = {
	id: 'ask-the-group',
	title: text('Questions for the group', 'Preguntas para el grupo'),
	body: [text('Can I just listen?', '¿Puedo solo escuchar?')]
};

const onlineNote: Note = {
	question: 'extras',
	option: 'online',
	text: text('Ask whether the group meets online.', 'Pregunta si el grupo se reúne en línea.')
};

const listenPoint: FirstMeetingPoint = {
	id: 'listen',
	text: text('You can just listen.', 'Puedes solo escuchar.')
};

/** Medication-aware ranking, with a stance on every style of the minimal fixture. */
function withMedication(f: Flow, when: Condition = { question: 'status', equals: 'sick' }) {
	f.medication = { when, caution: text('Ask about medication.', 'Pregunta por la medicación.') };
	f.styles.forEach((s, i) => (s.stance = (['may-limit', 'welcomes', 'ask'] as const)[i]));
}

function issues(json: unknown) {
	const result = ValidFlowSchema.safeParse(json);
	return result.success
		? []
		: result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe('parseFlowText', () => {
	it('accepts the minimal fixture and the real flow', () => {
		expect(parseFlowText(minimalText)).toEqual({ ok: true, flow: expect.any(Object) });
		expect(parseFlowText(opioidText).ok).toBe(true);
		expect(minimal.questions.map((q) => q.id)).toEqual(['status', 'danger', 'spiritual', 'extras']);
		expect(opioid.id).toBe('opioid-support');
	});

	it('accepts the real flow with every feature the checks cover', () => {
		const dangerSigns = opioid.questions.find((q) => q.id === 'danger-signs');
		expect(dangerSigns?.kind).toBe('multi');
		expect(dangerSigns?.options.filter((o) => o.exclusive).map((o) => o.id)).toEqual(['none']);
		const openings = opioid.safety.findIndex((a) => !a.opening);
		expect(openings).toBeGreaterThan(1);
		expect(opioid.safety.slice(openings).some((a) => a.opening)).toBe(false);
		expect(opioid.medication).toBeDefined();
		for (const s of opioid.styles)
			if (s.audience === 'person') expect(s.stance, s.id).toBeDefined();
		expect(opioid.notes?.length).toBeGreaterThan(0);
		expect(opioid.checklists?.length).toBeGreaterThan(0);
		const points = opioid.firstMeeting;
		expect(points.some((p) => p.styles && p.showIf)).toBe(true);
		expect(points.some((p) => p.medication)).toBe(true);
		const finders = opioid.styles.flatMap((s) => s.programs.flatMap((p) => p.finders));
		expect(finders.some((f) => f.hint)).toBe(true);
	});

	it('names the problem and its JSON path in the message', () => {
		const json = broken((f) => {
			f.weights[1]!.style = 'smart';
		});
		const result = parseFlowText(JSON.stringify(json));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.message).toContain(
			'✖ unknown style "smart"\n  → at weights[1].style'
		);
	});

	it('reports text that is not JSON at the root', () => {
		const result = parseFlowText('{ "id": ');
		expect(result.ok).toBe(false);
		expect(!result.ok && result.message).toMatch(/^✖ not valid JSON: .*\n {2}→ at \(root\)$/);
	});
});

describe('integrity problems carry the JSON path', () => {
	it.each<[string, (f: Flow) => void, (string | number)[], string]>([
		[
			'an unknown question in a showIf',
			(f) => (f.questions[1]!.showIf = { question: 'mood', equals: 'low' }),
			['questions', 1, 'showIf'],
			'unknown question "mood"'
		],
		[
			'an unknown option deep in a danger rule',
			(f) => (f.dangers[0]!.when = { any: [{ question: 'danger', in: ['yes', 'maybe'] }] }),
			['dangers', 0, 'when', 'any', 0, 'in', 1],
			'unknown option "maybe" of question "danger"'
		],
		[
			'an unknown helpline',
			(f) => (f.dangers[0]!.helplines = ['emergency-911', 'poison-control']),
			['dangers', 0, 'helplines', 1],
			'unknown helpline "poison-control"'
		],
		[
			'an unknown style in a weight',
			(f) => (f.weights[2]!.style = 'smart'),
			['weights', 2, 'style'],
			'unknown style "smart"'
		],
		[
			'a showIf that reads a later question (a cycle)',
			(f) => (f.questions[1]!.showIf = { question: 'spiritual', equals: 'none' }),
			['questions', 1, 'showIf'],
			'refers to question "spiritual", which is not asked before it (a cycle)'
		],
		[
			'a question no answers can reach',
			(f) =>
				(f.questions[1]!.showIf = {
					all: [
						{ question: 'status', equals: 'ok' },
						{ question: 'status', equals: 'sick' }
					]
				}),
			['questions', 1, 'showIf'],
			'question "danger" can never be asked: no answers satisfy its showIf'
		],
		[
			'a missing translation',
			(f) => delete f.questions[2]!.help.es,
			['questions', 2, 'help'],
			'missing "es" translation'
		],
		[
			'a style without a meeting finder',
			(f) => (f.styles[1]!.programs[0]!.finders = []),
			['styles', 1, 'programs'],
			'style "skills" has no meeting-finder link'
		],
		[
			'an exclusive option in a single question',
			(f) => (f.questions[2]!.options[1]!.exclusive = true),
			['questions', 2, 'options', 1, 'exclusive'],
			'only options of multi questions can be exclusive'
		],
		[
			'a multi question with only one option that can be ticked with others',
			(f) => (f.questions[3]!.options[1]!.exclusive = true),
			['questions', 3, 'options'],
			'a multi question needs at least two options that can be ticked together'
		],
		[
			'a flow without an opening safety block',
			(f) => delete f.safety[0]!.opening,
			['safety'],
			'a flow needs an opening safety block (opening: true): the medical-help advice that opens every result'
		],
		[
			'an opening block after another safety block',
			(f) => f.safety.reverse(),
			['safety', 1, 'opening'],
			'opening blocks come first in safety, before every other block'
		],
		[
			'a conditional opening that leaves some answers without one',
			(f) => (f.safety[0]!.showIf = { question: 'status', equals: 'sick' }),
			['safety'],
			'no opening block shows when status=ok'
		],
		[
			'two opening blocks that both show for some answers',
			(f) => f.safety.splice(1, 0, urgentOpening),
			['safety', 1, 'showIf'],
			'opening blocks "supervised-detox" and "urgent-detox" both show when status=sick'
		],
		[
			'overlapping openings, named once with the first answers that show both',
			(f) =>
				f.safety.splice(1, 0, {
					...urgentOpening,
					showIf: { question: 'spiritual', equals: 'none' }
				}),
			['safety', 1, 'showIf'],
			'opening blocks "supervised-detox" and "urgent-detox" both show when status=ok, spiritual=none'
		],
		[
			'an opening among the complements',
			(f) => (f.complements[0]!.opening = true),
			['complements', 0, 'opening'],
			'only safety blocks can open the result'
		],
		[
			'an opening among the checklists',
			(f) => (f.checklists = [{ ...checklist, opening: true }]),
			['checklists', 0, 'opening'],
			'only safety blocks can open the result'
		],
		[
			'an empty condition list in the opening, named once',
			(f) => (f.safety[0]!.showIf = { any: [] }),
			['safety', 0, 'showIf', 'any'],
			'Too small: expected array to have >=1 items'
		],
		[
			'a style for the person without a stance when the flow has medication',
			(f) => {
				withMedication(f);
				delete f.styles[1]!.stance;
			},
			['styles', 1, 'stance'],
			'a style for the person needs a stance on medication (welcomes, ask or may-limit)'
		],
		[
			'an unknown question in medication.when',
			(f) => withMedication(f, { question: 'medicine', equals: 'yes' }),
			['medication', 'when'],
			'unknown question "medicine"'
		],
		[
			'an unknown option deep in medication.when',
			(f) => withMedication(f, { not: { question: 'status', in: ['ok', 'ill'] } }),
			['medication', 'when', 'not', 'in', 1],
			'unknown option "ill" of question "status"'
		],
		[
			'a note on an unknown question',
			(f) => (f.notes = [{ ...onlineNote, question: 'format' }]),
			['notes', 0, 'question'],
			'unknown question "format"'
		],
		[
			'a note on an unknown option',
			(f) => (f.notes = [{ ...onlineNote, option: 'video' }]),
			['notes', 0, 'option'],
			'unknown option "video" of question "extras"'
		],
		[
			'a note for an unknown style',
			(f) => (f.notes = [{ ...onlineNote, style: 'smart' }]),
			['notes', 0, 'style'],
			'unknown style "smart"'
		],
		[
			'a second note for the same option on every card',
			(f) => (f.notes = [onlineNote, { ...onlineNote, style: 'skills' }, onlineNote]),
			['notes', 2],
			'a second note for option "online" of "extras" on every card'
		],
		[
			'a second note for the same option on one style',
			(f) =>
				(f.notes = [
					{ ...onlineNote, style: 'skills' },
					{ ...onlineNote, style: 'skills' }
				]),
			['notes', 1],
			'a second note for option "online" of "extras" on style "skills"'
		],
		[
			'an unknown question in a checklist',
			(f) => (f.checklists = [{ ...checklist, showIf: { question: 'health', equals: 'sick' } }]),
			['checklists', 0, 'showIf'],
			'unknown question "health"'
		],
		[
			'a duplicate checklist id',
			(f) => (f.checklists = [checklist, checklist]),
			['checklists', 1, 'id'],
			'duplicate advice id "ask-the-group"'
		],
		[
			'a duplicate first-meeting point id',
			(f) => (f.firstMeeting = [listenPoint, { ...listenPoint, styles: ['skills'] }]),
			['firstMeeting', 1, 'id'],
			'duplicate first-meeting point id "listen"'
		],
		[
			'a first-meeting point for an unknown style',
			(f) => (f.firstMeeting = [{ ...listenPoint, styles: ['skills', 'smart'] }]),
			['firstMeeting', 0, 'styles', 1],
			'unknown style "smart"'
		],
		[
			'an unknown question in a first-meeting point',
			(f) => (f.firstMeeting = [{ ...listenPoint, showIf: { question: 'format', equals: 'x' } }]),
			['firstMeeting', 0, 'showIf'],
			'unknown question "format"'
		],
		[
			'an unknown option deep in a first-meeting point',
			(f) =>
				(f.firstMeeting = [
					{ ...listenPoint, showIf: { not: { question: 'extras', in: ['online', 'video'] } } }
				]),
			['firstMeeting', 0, 'showIf', 'not', 'in', 1],
			'unknown option "video" of question "extras"'
		],
		[
			'a point for people on medication in a flow that does not say who they are',
			(f) => (f.firstMeeting = [{ ...listenPoint, medication: true }]),
			['firstMeeting', 0, 'medication'],
			"a point for people on medication needs the flow's `medication`, which says who they are"
		],
		[
			'a first-meeting point without its Spanish',
			(f) => (f.firstMeeting = [{ ...listenPoint, text: { en: 'You can just listen.' } }]),
			['firstMeeting', 0, 'text'],
			'missing "es" translation'
		],
		[
			'a finder hint without its Spanish',
			(f) => (f.styles[1]!.programs[0]!.finders[0]!.hint = { en: 'Look for "Online".' }),
			['styles', 1, 'programs', 0, 'finders', 0, 'hint'],
			'missing "es" translation'
		]
	])('%s', (_, change, path, message) => {
		expect(issues(broken(change))).toEqual([{ path, message }]);
	});

	it('finds no problem in the untouched fixture', () => {
		expect(issues(broken(() => {}))).toEqual([]);
	});
});

describe('integrity accepts', () => {
	it('first-meeting points for every card, for some styles, on conditions and on medication', () => {
		const json = broken((f) => {
			withMedication(f);
			f.firstMeeting = [
				listenPoint,
				{ ...listenPoint, id: 'skills-only', styles: ['skills', 'women'] },
				{ ...listenPoint, id: 'online', showIf: { question: 'extras', equals: 'online' } },
				{ ...listenPoint, id: 'medication', styles: ['steps'], medication: true }
			];
			f.styles[0]!.programs[0]!.finders[0]!.hint = text('Look for "Open".', 'Busca "Open".');
		});
		expect(issues(json)).toEqual([]);
	});

	it('conditional openings that share the answers between them', () => {
		const json = broken((f) => {
			f.safety[0]!.showIf = { question: 'status', equals: 'ok' };
			f.safety.splice(1, 0, urgentOpening);
		});
		expect(issues(json)).toEqual([]);
	});

	it('an exclusive option beside two that can be ticked together', () => {
		const json = broken((f) =>
			f.questions[3]!.options.push({ id: 'none', label: text('None', 'Nada'), exclusive: true })
		);
		expect(issues(json)).toEqual([]);
	});

	it('medication with a stance on every style for the person, none on a style for loved ones', () => {
		const json = broken((f) => {
			withMedication(f);
			f.styles[2]!.audience = 'loved-one';
			delete f.styles[2]!.stance;
		});
		expect(issues(json)).toEqual([]);
	});

	it('styles without a stance when the flow has no medication', () => {
		expect(minimal.medication).toBeUndefined();
		expect(minimal.styles.map((s) => s.stance)).toEqual([undefined, undefined, undefined]);
		expect(issues(broken(() => {}))).toEqual([]);
	});

	it('a note for one style beside the note for every other card, and checklists', () => {
		const json = broken((f) => {
			f.notes = [
				onlineNote,
				{ ...onlineNote, style: 'skills' },
				{ ...onlineNote, option: 'women' }
			];
			f.checklists = [
				checklist,
				{ ...checklist, id: 'ask-a-doctor', showIf: { question: 'status', equals: 'sick' } }
			];
		});
		expect(issues(json)).toEqual([]);
	});
});

/** Every locale-keyed object in the JSON, found by shape rather than by the flow's layout. */
function textsByShape(value: unknown, locales: string[], path: TextPath = []): TextPath[] {
	if (Array.isArray(value)) return value.flatMap((v, i) => textsByShape(v, locales, [...path, i]));
	if (typeof value !== 'object' || value === null) return [];
	const entries = Object.entries(value);
	if (entries.length > 0 && entries.every(([k, v]) => locales.includes(k) && typeof v === 'string'))
		return [path];
	return entries.flatMap(([k, v]) => textsByShape(v, locales, [...path, k]));
}

const at = (value: unknown, path: TextPath): unknown =>
	path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value);

describe('flowTexts', () => {
	it.each([
		['minimal', minimal],
		['opioid-support', opioid]
	])('yields every text of %s with a path that leads to it', (_, flow) => {
		const texts = [...flowTexts(flow)];
		for (const [path, text] of texts) expect(at(flow, path)).toBe(text);
		const key = (p: TextPath) => p.join('.');
		expect(texts.map(([p]) => key(p)).sort()).toEqual(
			textsByShape(flow, flow.locales).map(key).sort()
		);
	});

	it.each([
		['minimal', minimal],
		['opioid-support', opioid]
	])('finds both locales in every text of %s', (_, flow) => {
		expect(flow.locales).toEqual(['en', 'es']);
		for (const [path, text] of flowTexts(flow))
			expect(Object.keys(text).sort(), path.join('.')).toEqual(['en', 'es']);
	});
});

describe('flowJsonSchema', () => {
	it('equals the committed flows/flow.schema.json', () => {
		const committed: unknown = JSON.parse(read('../../../flows/flow.schema.json'));
		expect(
			flowJsonSchema(),
			'flows/flow.schema.json is stale: run `npm run flows -- schema` and commit the result'
		).toEqual(committed);
	});
});

describe('toMermaid', () => {
	it.each([
		['minimal', minimal],
		['opioid-support', opioid]
	])('mentions every question of %s', (_, flow) => {
		const chart = toMermaid(flow);
		expect(chart.startsWith('flowchart TD\n')).toBe(true);
		for (const q of flow.questions) expect(chart).toContain(`["${q.id} (${q.kind})"]`);
	});

	it('draws the condition of a conditional question and the edge of a danger rule', () => {
		const chart = toMermaid(minimal);
		expect(chart).toContain('status -->|"if status = sick"| danger');
		expect(chart).toContain('danger -.->|"severe: danger = yes"| emergency');
		expect(chart).toContain('extras --> review');
	});

	it('describes nested conditions readably', () => {
		expect(
			describeCondition({
				all: [
					{
						any: [
							{ question: 'a', equals: 'x' },
							{ question: 'b', in: ['y', 'z'] }
						]
					},
					{ not: { answered: 'c' } }
				]
			})
		).toBe('(a = x or b in y/z) and not c answered');
	});
});
