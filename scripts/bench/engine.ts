/**
 * The engine: validating the flow and starting its questionnaire, and recommending over enumerated answer sets.
 */
import { readFileSync } from 'node:fs';
import { createActor } from 'xstate';
import { forEachAnswerSet } from '../../src/lib/flow/enumerate.ts';
import { parseFlowText } from '../../src/lib/flow/integrity.ts';
import { questionnaireMachine } from '../../src/lib/flow/machine.ts';
import { recommend } from '../../src/lib/flow/recommend.ts';
import { median } from './stats.ts';

export interface EngineResult {
	flow: string;
	/** Median ms to validate (`parseFlowText`) the flow and start the questionnaire machine on it. */
	compileMs: number;
	compileRuns: number[];
	answerSets: number;
	recommendMs: number;
	answerSetsPerSecond: number;
}

export function measureEngine(flowPath: string, runs: number, limit: number): EngineResult {
	const text = readFileSync(flowPath, 'utf8');
	const compileRuns: number[] = [];
	let flow;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const parsed = parseFlowText(text);
		if (!parsed.ok) throw new Error(`${flowPath} is not valid:\n${parsed.message}`);
		createActor(questionnaireMachine, { input: { flow: parsed.flow } })
			.start()
			.stop();
		compileRuns.push(performance.now() - start);
		flow = parsed.flow;
	}
	if (!flow) throw new Error('no compile run');

	const valid = flow;
	let count = 0;
	let sink = 0;
	const start = performance.now();
	// `enter` stops every branch once the limit is reached, so the walk ends there.
	forEachAnswerSet(
		valid,
		(answers) => {
			if (count >= limit) return;
			count++;
			sink += recommend(valid, answers).styles.length;
		},
		{ enter: () => count < limit }
	);
	const recommendMs = performance.now() - start;
	if (sink < 0) console.log(sink);
	return {
		flow: flowPath,
		compileMs: median(compileRuns),
		compileRuns,
		answerSets: count,
		recommendMs,
		answerSetsPerSecond: count / (recommendMs / 1000)
	};
}
