import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlowText } from '../flow/integrity';
import { loadFlow, mainFlow } from './flows';

describe('the flow the site is built from', () => {
	it('is the validated opioid-support flow', () => {
		expect(mainFlow().id).toBe('opioid-support');
		expect(mainFlow().version).toBe(2);
		expect(mainFlow().safety[0]).toMatchObject({ id: 'opening-medication', opening: true });
		const parsed = parseFlowText(readFileSync('flows/opioid-support.json', 'utf8'));
		expect(parsed.ok && parsed.flow).toEqual(mainFlow());
	});

	it('stops the build with every problem and its JSON path when the flow is broken', () => {
		const broken = readFileSync('tests/fixtures/broken/unknown-option-in-showif.json', 'utf8');
		expect(() => loadFlow('broken', broken)).toThrow(
			/flows\/broken\.json is invalid:[\s\S]*→ at questions\[\d\]\.showIf/
		);
		expect(() => loadFlow('truncated', '{"id": "x", ')).toThrow(/not valid JSON/);
	});
});
