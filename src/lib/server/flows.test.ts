import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlowText } from '../flow/integrity';
import { DEFAULT_FLOW, flowById, loadFlow, mainFlow, registry, siteFlows } from './flows';

const read = (path: string) => readFileSync(path, 'utf8');

describe('the flows the site is built from', () => {
	it('serves the validated opioid-support flow at the short addresses', () => {
		expect(mainFlow().id).toBe(DEFAULT_FLOW);
		expect(mainFlow().version).toBe(3);
		expect(mainFlow().answersSince).toBe(2);
		expect(mainFlow().safety[0]).toMatchObject({ id: 'opening-medication', opening: true });
		const parsed = parseFlowText(read('flows/opioid-support.json'));
		expect(parsed.ok && parsed.flow).toEqual(mainFlow());
	});

	it('builds every flow file under its own id, and not the JSON Schema', () => {
		expect([...siteFlows().keys()]).toContain(DEFAULT_FLOW);
		expect(siteFlows().has('flow.schema')).toBe(false);
		const flows = registry({
			'/flows/flow.schema.json': read('flows/flow.schema.json'),
			'/flows/opioid-support.json': read('flows/opioid-support.json'),
			'/flows/minimal.json': read('tests/fixtures/valid/minimal.json')
		});
		expect([...flows.keys()].sort()).toEqual(['minimal', 'opioid-support']);
		expect(flows.get('minimal')?.title.en).toBe('Test flow');
		expect(flowById('no-such-flow')).toBeUndefined();
	});

	it('fails the build on two files with one id, or without the default flow', () => {
		const opioid = read('flows/opioid-support.json');
		expect(() => registry({ '/flows/a.json': opioid, '/flows/b.json': opioid })).toThrow(
			/flows\/b\.json: the id "opioid-support" is taken/
		);
		expect(() => registry({ '/flows/m.json': read('tests/fixtures/valid/minimal.json') })).toThrow(
			/no flow has the default id "opioid-support"/
		);
	});

	it('stops the build with every problem and its JSON path when a flow is broken', () => {
		const broken = read('tests/fixtures/broken/unknown-option-in-showif.json');
		expect(() => loadFlow('broken', broken)).toThrow(
			/flows\/broken\.json is invalid:[\s\S]*→ at questions\[\d\]\.showIf/
		);
		expect(() => loadFlow('truncated', '{"id": "x", ')).toThrow(/not valid JSON/);
	});
});
