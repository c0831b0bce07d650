/** The flows tests run on, validated like the build does (tests fail loudly on a broken one). */
import { readFileSync } from 'node:fs';
import { parseFlowText } from '../src/lib/flow/integrity';
import type { Flow } from '../src/lib/flow/schema';

/** Reads and validates a flow file, by path from the project root. */
export function loadFlowFile(path: string): Flow {
	const parsed = parseFlowText(readFileSync(path, 'utf8'));
	if (!parsed.ok) throw new Error(`${path}:\n${parsed.message}`);
	return parsed.flow;
}

/** The shipped flow. A fresh copy on each call: some tests add a language to it in place. */
export const opioidFlow = () => loadFlowFile('flows/opioid-support.json');

/** status (ok | sick) → danger (only if sick; yes sets off "severe") → spiritual → extras (multi). */
export const minimalFlow = () => loadFlowFile('tests/fixtures/valid/minimal.json');
