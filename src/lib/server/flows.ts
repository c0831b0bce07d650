import { parseFlowText } from '../flow/integrity';
import type { Flow } from '../flow/schema';
import { DEFAULT_FLOW } from '../flows';
import { LOCALES } from '../i18n/locales';

export { DEFAULT_FLOW };

/**
 * Every flow the site serves: each `flows/*.json` (but the JSON Schema) is validated here, at
 * build time, and built under its own id; a broken flow fails the build loudly. The flow named by
 * DEFAULT_FLOW keeps the short addresses (/check, /shared); the others live under their id.
 * With SGG_TEST_FLOWS=1 (the end-to-end build), the small fixture flow is served too, so a test
 * can walk a second flow through the real site.
 */
const FILES = import.meta.glob<string>('/flows/*.json', {
	query: '?raw',
	import: 'default',
	eager: true
});
const TEST_FILES = import.meta.glob<string>('/tests/fixtures/valid/minimal.json', {
	query: '?raw',
	import: 'default',
	eager: true
});

/** Flows are validated here, at build time; a broken flow fails the build loudly. */
export function loadFlow(name: string, text: string): Flow {
	const result = parseFlowText(text);
	if (!result.ok) throw new Error(`flows/${name}.json is invalid:\n${result.message}`);
	return result.flow;
}

/** The flows of these files by id; two files with one id fail the build. */
export function registry(files: Record<string, string>): Map<string, Flow> {
	const flows = new Map<string, Flow>();
	for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const name = path.replace(/^.*\//, '').replace(/\.json$/, '');
		if (name === 'flow.schema') continue;
		const flow = loadFlow(name, text);
		const missing = LOCALES.filter((locale) => !flow.locales.includes(locale));
		if (missing.length > 0)
			throw new Error(
				`flows/${name}.json: the site is in ${LOCALES.join(', ')}; add ${missing.join(', ')}`
			);
		if (flows.has(flow.id)) throw new Error(`flows/${name}.json: the id "${flow.id}" is taken`);
		flows.set(flow.id, flow);
	}
	if (!flows.has(DEFAULT_FLOW)) throw new Error(`no flow has the default id "${DEFAULT_FLOW}"`);
	return flows;
}

let cached: Map<string, Flow> | undefined;

/** Every flow the site serves, by id. */
export function siteFlows(): Map<string, Flow> {
	cached ??= registry({
		...FILES,
		...(process.env.SGG_TEST_FLOWS === '1' ? TEST_FILES : {})
	});
	return cached;
}

/** The flow with this id, or the default flow when none is given. */
export function flowById(id: string | undefined = DEFAULT_FLOW): Flow | undefined {
	return siteFlows().get(id);
}

/** The questionnaire at the site's short addresses. */
export function mainFlow(): Flow {
	return flowById() as Flow;
}
