import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCondition, toMermaid } from './graph';
import { parseFlowText, ValidFlowSchema } from './integrity';
import { flowJsonSchema } from './json-schema';
import type { Flow } from './schema';
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
			'a conditional first safety block',
			(f) => (f.safety[0]!.showIf = { question: 'status', equals: 'sick' }),
			['safety', 0, 'showIf'],
			'the first safety block (supervised detox) must show on every result'
		]
	])('%s', (_, change, path, message) => {
		expect(issues(broken(change))).toEqual([{ path, message }]);
	});

	it('finds no problem in the untouched fixture', () => {
		expect(issues(broken(() => {}))).toEqual([]);
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
