/** The flows tests run on, validated like the build does (tests fail loudly on a broken one). */
import { readFileSync } from 'node:fs';
import { parseFlowText } from '../src/lib/flow/integrity';
import type { PlannedMeeting } from '../src/lib/flow/meetings';
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

/**
 * A family member's answers with every question asked of them answered: fentanyl with benzos,
 * in withdrawal with danger signs. The share-link tests' usual complete answer set.
 */
export const FAMILY_ANSWERS = {
	who: 'loved-one',
	substance: 'fentanyl',
	'other-depressants': 'benzos',
	'detox-status': 'withdrawal-now',
	'danger-signs': ['severe-symptoms'],
	'person-pregnant': 'unknown',
	'person-moud-openness': 'yes',
	'loved-one-help': 'both',
	'family-spiritual': 'welcome',
	'family-format': 'in-person'
};

/** A planned meeting for tests: in person on Tuesday 10 March 2026 at 7 PM, no note, not yet. */
export function plannedMeeting(
	program: string,
	over: Partial<PlannedMeeting> = {}
): PlannedMeeting {
	return {
		program,
		mode: 'in-person',
		date: '2026-03-10',
		time: '19:00',
		note: '',
		status: 'planned',
		...over
	};
}
