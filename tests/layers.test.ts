/**
 * The layer rule and the import graph: `npm run lint` runs both. These tests prove the rule fires on
 * each wrong-way import design.md names, lets the right ones through, and that src/ has no cycle.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, importGraph } from '../scripts/import-graph';
import { layerViolation } from '../scripts/layers.js';

const lint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string) {
	const [result] = await lint.lintText(code, { filePath });
	return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports').length;
}

describe('the layer rule (ESLint layers/imports)', () => {
	it.each<[string, string, string]>([
		['the engine → Svelte', 'src/lib/flow/x.ts', "import { tick } from 'svelte';"],
		['the engine → $app', 'src/lib/flow/x.ts', "import { goto } from '$app/navigation';"],
		['the engine → i18n', 'src/lib/flow/x.ts', "import { en } from '../i18n/en';"],
		['share → questionnaire', 'src/lib/share/x.ts', "import Q from '$lib/questionnaire/Q.svelte';"],
		[
			'share → questionnaire, lazily',
			'src/lib/share/x.ts',
			"void import('../questionnaire/persist');"
		],
		['result → share', 'src/lib/result/x.ts', "export * from '../share/summary';"],
		['anything → routes', 'src/lib/components/x.ts', "import { load } from '../../routes/+layout';"]
	])('fails %s', async (_, file, code) => {
		expect(await layerErrors(file, code)).toBe(1);
	});

	it.each<[string, string, string]>([
		[
			'the engine → itself and packages',
			'src/lib/flow/x.ts',
			"import { z } from 'zod';\nimport { evaluate } from './conditions';"
		],
		[
			'questionnaire → share and result',
			'src/lib/questionnaire/x.ts',
			"import { encodeAnswers } from '$lib/share/link';\nimport { answerText } from '$lib/result/answers';"
		],
		['share → result', 'src/lib/share/x.ts', "import { splitFlags } from '../result/answers';"],
		[
			'a route → the library',
			'src/routes/x/+page.ts',
			"import { mainFlow } from '$lib/server/flows';"
		]
	])('allows %s', async (_, file, code) => {
		expect(await layerErrors(file, code)).toBe(0);
	});

	it('says which layers and why', () => {
		expect(layerViolation('src/lib/share/a.ts', '../questionnaire/b')).toMatch(
			/lib\/share → lib\/questionnaire: sharing never depends on the questionnaire/
		);
	});
});

describe('the import graph of src/', () => {
	it('finds a cycle when there is one', () => {
		const graph = new Map([
			['a', new Set(['b'])],
			['b', new Set(['c'])],
			['c', new Set(['a'])],
			['d', new Set(['a'])]
		]);
		expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
	});

	it('has no cycle between folders or files, and no import crossing a layer', () => {
		const { files, folders, crossings } = importGraph();
		expect(files.size).toBeGreaterThan(50);
		expect(folders.has('lib/questionnaire → lib/result')).toBe(true);
		expect(folders.has('lib/share → lib/result')).toBe(true);
		expect(cycles(folderGraph(folders))).toEqual([]);
		expect(cycles(files)).toEqual([]);
		expect(crossings).toEqual([]);
	});
});
