/**
 * The broken-flow corpus: every file in tests/fixtures/broken has exactly one defect, and the flow
 * checker must reject it naming the JSON path and the problem recorded in expected.json.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../scripts/flow-commands.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const brokenDir = join(root, 'tests/fixtures/broken');
const minimal = join(root, 'tests/fixtures/valid/minimal.json');
const opioid = join(root, 'flows/opioid-support.json');
const read = (file: string) => readFileSync(file, 'utf8');

type Expectation = { path: string; message: string };
const expected = JSON.parse(read(join(brokenDir, 'expected.json'))) as Record<string, Expectation>;
const brokenFiles = readdirSync(brokenDir)
	.filter((f) => f.endsWith('.json') && f !== 'expected.json')
	.sort();

/** The problems in checker output, as { message, path } pairs ("✖ message" then "  → at path"). */
function problems(output: string) {
	const lines = output.split('\n');
	const found: Expectation[] = [];
	lines.forEach((line, i) => {
		const next = lines[i + 1];
		if (line.startsWith('✖ ') && next?.startsWith('  → at '))
			found.push({ message: line.slice(2), path: next.slice('  → at '.length) });
	});
	return found;
}

function cli(...args: string[]) {
	return spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/flows.ts', ...args], {
		cwd: root,
		encoding: 'utf8'
	});
}

/**
 * Fixtures whose one defect the checker rightly names more than once, because it shows in several
 * places. Every other fixture must produce exactly one problem.
 */
const cascading = new Set([
	// Every text lacks a "spa" translation and has an "es" one that is not a flow locale.
	'bad-locale-code.json',
	// A condition on the first question can only read the question itself or later ones: a cycle.
	'conditional-first-question.json',
	// The second "status" is asked after "danger", whose showIf reads "status": a cycle.
	'duplicate-question-id.json'
]);

describe('broken flow corpus', () => {
	it('has at least 20 broken files', () => {
		expect(brokenFiles.length).toBeGreaterThanOrEqual(20);
	});

	it('has an expectation for every broken file and a file for every expectation', () => {
		expect(Object.keys(expected).sort()).toEqual(brokenFiles);
	});

	it.each(brokenFiles)('rejects %s naming the path and the problem', (name) => {
		const want = expected[name];
		expect(want, `no entry for ${name} in expected.json`).toBeDefined();
		const { ok, output } = checkFiles([join(brokenDir, name)], read);
		expect(ok).toBe(false);
		expect(output).toContain(`→ at ${want?.path}\n`);
		expect(output).toContain(want?.message);
		// The message belongs to that path, not to some other problem in the same file.
		expect(problems(output)).toContainEqual({
			path: want?.path,
			message: expect.stringContaining(want?.message ?? '')
		});
		if (!cascading.has(name)) expect(problems(output)).toHaveLength(1);
		else expect(problems(output).length).toBeGreaterThan(1);
	});
});

describe('valid flows', () => {
	it.each([
		['the minimal fixture', minimal, 'minimal.json: ok: "minimal" v2, 4 questions'],
		['the opioid support flow', opioid, 'opioid-support.json: ok: "opioid-support" v']
	])('accepts %s with a one-line summary', (_, file, summary) => {
		const { ok, output } = checkFiles([file], read);
		expect(ok).toBe(true);
		expect(output.trimEnd().split('\n')).toHaveLength(1);
		expect(output.startsWith(summary)).toBe(true);
	});
});

describe('the flows CLI', () => {
	it('exits 1 naming the JSON path for a broken file and 0 for a valid one', () => {
		const broken = cli('check', 'tests/fixtures/broken/unknown-helpline-in-danger.json');
		expect(broken.status).toBe(1);
		expect(broken.stdout).toContain('→ at dangers[0].helplines[0]');
		expect(broken.stdout).toContain('unknown helpline "poison-control"');

		const valid = cli('check', 'tests/fixtures/valid/minimal.json');
		expect(valid.status).toBe(0);
		expect(valid.stdout).toMatch(/^minimal\.json: ok: /);
	}, 30_000);

	it('graph prints a Mermaid flowchart with an edge to the emergency screen', () => {
		const graph = cli('graph', 'tests/fixtures/valid/minimal.json');
		expect(graph.status).toBe(0);
		expect(graph.stdout.startsWith('flowchart TD\n')).toBe(true);
		expect(graph.stdout).toMatch(/-\.->\|[^|]*\| emergency$/m);
	}, 30_000);
});
