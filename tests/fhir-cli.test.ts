/**
 * The `fhir` command of the flows CLI: a Questionnaire on stdout, exit 2 for an unknown locale or
 * a site address that is not https.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fhirOf } from '../scripts/flow-commands.ts';
import { DEFAULT_SITE_URL } from '../src/lib/share/fhir.ts';
import { OPTION_EXCLUSIVE, QuestionnaireSchema } from './fhir/schema.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const opioid = readFileSync(join(root, 'flows/opioid-support.json'), 'utf8');

/** Runs the CLI; PUBLIC_SITE_URL is unset unless given, whatever the test's own environment. */
function cli(args: string[], siteUrl?: string) {
	const env = { ...process.env, PUBLIC_SITE_URL: siteUrl };
	if (siteUrl === undefined) delete env.PUBLIC_SITE_URL;
	return spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/flows.ts', ...args], {
		cwd: root,
		encoding: 'utf8',
		env
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

	it('makes the canonical under the given https base, else under the reserved default', () => {
		const at = fhirOf(opioid, 'es', 'https://guide.example.test/');
		expect(at.ok && JSON.parse(at.json)).toMatchObject({
			id: 'opioid-support-es',
			url: 'https://guide.example.test/fhir/Questionnaire/opioid-support-es'
		});
		const unset = fhirOf(opioid);
		expect(unset.ok && JSON.parse(unset.json).url).toBe(
			`${DEFAULT_SITE_URL}/fhir/Questionnaire/opioid-support-en`
		);
		expect(fhirOf(opioid, 'en', 'http://guide.example.test')).toMatchObject({
			ok: false,
			misuse: true,
			message: expect.stringContaining('https://')
		});
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
		const run = cli(['fhir', 'flows/opioid-support.json']);
		expect(run.status).toBe(0);
		const questionnaire = QuestionnaireSchema.parse(JSON.parse(run.stdout));
		expect(questionnaire.language).toBe('en');
		// The flow file's own version, as the Questionnaire's business version.
		const file = JSON.parse(readFileSync('flows/opioid-support.json', 'utf8')) as {
			version: number;
		};
		expect(questionnaire.version).toBe(String(file.version));
		// "None of these" carries the R4 optionExclusive extension through the CLI too.
		const signs = questionnaire.item.find((i) => i.linkId === 'danger-signs');
		expect(signs?.answerOption?.find((o) => o.valueCoding.code === 'none')?.extension).toEqual([
			{ url: OPTION_EXCLUSIVE, valueBoolean: true }
		]);
		const es = cli(['fhir', 'flows/opioid-support.json', '--locale', 'es']);
		expect(es.status).toBe(0);
		expect(QuestionnaireSchema.parse(JSON.parse(es.stdout)).language).toBe('es');
	}, 30_000);

	it('takes the base from --base, else from PUBLIC_SITE_URL as the site build does', () => {
		const canonical = (stdout: string) => QuestionnaireSchema.parse(JSON.parse(stdout)).url;
		const file = 'flows/opioid-support.json';
		const given = cli(['fhir', file, '--base', 'https://guide.example.test', '--locale', 'es']);
		expect(given.status).toBe(0);
		expect(canonical(given.stdout)).toBe(
			'https://guide.example.test/fhir/Questionnaire/opioid-support-es'
		);
		const env = cli(['fhir', file], 'https://env.example.test');
		expect(canonical(env.stdout)).toBe(
			'https://env.example.test/fhir/Questionnaire/opioid-support-en'
		);
		const both = cli(
			['fhir', file, '--base', 'https://guide.example.test'],
			'https://env.example.test'
		);
		expect(canonical(both.stdout)).toBe(
			'https://guide.example.test/fhir/Questionnaire/opioid-support-en'
		);
	}, 30_000);

	it('exits 2 for a base that is not https, from --base or PUBLIC_SITE_URL', () => {
		for (const [run, from] of [
			[cli(['fhir', 'flows/opioid-support.json', '--base', 'http://guide.example.test']), '--base'],
			[cli(['fhir', 'flows/opioid-support.json'], 'guide.example.test'), 'PUBLIC_SITE_URL']
		] as const) {
			expect(run.status).toBe(2);
			expect(run.stdout).toBe('');
			expect(run.stderr).toContain(from);
		}
	}, 30_000);

	it('exits 2 for a locale the flow lacks, listing its locales', () => {
		const run = cli(['fhir', 'flows/opioid-support.json', '--locale', 'fr']);
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('"fr"');
		expect(run.stderr).toContain('en, es');
	}, 30_000);

	it('exits 2 with the usage when the file or the locale is missing', () => {
		for (const args of [
			['fhir'],
			['fhir', 'flows/opioid-support.json', '--locale'],
			['fhir', 'flows/opioid-support.json', '--base']
		]) {
			const run = cli(args);
			expect(run.status).toBe(2);
			expect(run.stderr).toContain('flows -- fhir <file.json> [--locale xx]');
		}
	}, 30_000);
});
