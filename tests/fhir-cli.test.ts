/** The `fhir` command of the flows CLI: a Questionnaire on stdout, exit 2 for an unknown locale. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fhirOf } from '../scripts/flow-commands.ts';
import { OPTION_EXCLUSIVE, QuestionnaireSchema } from './fhir/schema.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const opioid = readFileSync(join(root, 'flows/opioid-support.json'), 'utf8');

function cli(...args: string[]) {
	return spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/flows.ts', ...args], {
		cwd: root,
		encoding: 'utf8'
	});
}

describe('fhirOf', () => {
	it('pretty-prints the Questionnaire with tabs, in the first locale by default', () => {
		const result = fhirOf(opioid);
		if (!result.ok) expect.fail(result.message);
		expect(result.json).toMatch(/^\{\n\t"resourceType": "Questionnaire",\n/);
		expect(JSON.parse(result.json)).toMatchObject({ language: 'en' });
		const es = fhirOf(opioid, 'es');
		expect(es.ok && JSON.parse(es.json)).toMatchObject({ language: 'es' });
	});

	it('fails like graphOf for a broken flow and names the locales for an unknown one', () => {
		const broken = fhirOf('{');
		expect(broken).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') });
		expect('locales' in broken).toBe(false);
		expect(fhirOf(opioid, 'fr')).toMatchObject({
			ok: false,
			locales: ['en', 'es'],
			message: expect.stringContaining('en, es')
		});
	});
});

describe('flows fhir', () => {
	it('prints a valid Questionnaire and exits 0', () => {
		const run = cli('fhir', 'flows/opioid-support.json');
		expect(run.status).toBe(0);
		const questionnaire = QuestionnaireSchema.parse(JSON.parse(run.stdout));
		expect(questionnaire.language).toBe('en');
		expect(questionnaire.version).toBe('2');
		// "None of these" carries the R4 optionExclusive extension through the CLI too.
		const signs = questionnaire.item.find((i) => i.linkId === 'danger-signs');
		expect(signs?.answerOption?.find((o) => o.valueCoding.code === 'none')?.extension).toEqual([
			{ url: OPTION_EXCLUSIVE, valueBoolean: true }
		]);
		const es = cli('fhir', 'flows/opioid-support.json', '--locale', 'es');
		expect(es.status).toBe(0);
		expect(QuestionnaireSchema.parse(JSON.parse(es.stdout)).language).toBe('es');
	}, 30_000);

	it('exits 2 for a locale the flow lacks, listing its locales', () => {
		const run = cli('fhir', 'flows/opioid-support.json', '--locale', 'fr');
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('"fr"');
		expect(run.stderr).toContain('en, es');
	}, 30_000);

	it('exits 2 with the usage when the file or the locale is missing', () => {
		for (const args of [['fhir'], ['fhir', 'flows/opioid-support.json', '--locale']]) {
			const run = cli(...args);
			expect(run.status).toBe(2);
			expect(run.stderr).toContain('flows -- fhir <file.json> [--locale xx]');
		}
	}, 30_000);
});
