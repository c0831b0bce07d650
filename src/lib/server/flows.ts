import opioidSupport from '../../../flows/opioid-support.json?raw';
import { parseFlowText } from '../flow/integrity';
import type { Flow } from '../flow/schema';

/** Flows are validated here, at build time; a broken flow fails the build loudly. */
export function loadFlow(name: string, text: string): Flow {
	const result = parseFlowText(text);
	if (!result.ok) throw new Error(`flows/${name}.json is invalid:\n${result.message}`);
	return result.flow;
}

let cached: Flow | undefined;

/** The questionnaire this site serves. */
export function mainFlow(): Flow {
	cached ??= loadFlow('opioid-support', opioidSupport);
	return cached;
}
