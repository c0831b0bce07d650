/**
 * The safety invariants, proven over every reachable combination of answers of the shipped flow
 * (conditions respected, multi-select as every subset): not a sample. The work is split across
 * worker threads so it stays well under a minute on a 2-core machine.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createActor } from 'xstate';
import { compile } from '../src/lib/flow/compile';
import { referencedQuestions } from '../src/lib/flow/conditions';
import { forEachAnswerSet } from '../src/lib/flow/enumerate';
import { parseFlowText } from '../src/lib/flow/integrity';
import { dangersSetOff, isVisible } from '../src/lib/flow/navigation';
import type { ShardResult } from './exhaustive/invariants.ts';

const FLOW = 'flows/opioid-support.json';

function runShard(shard: number, shards: number): Promise<ShardResult> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./exhaustive/worker.mjs', import.meta.url), {
			workerData: { file: FLOW, shard, shards }
		});
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (code !== 0) reject(new Error(`shard ${shard} exited with code ${code}`));
		});
	});
}

describe('every reachable answer combination', () => {
	it('opens with supervised-detox advice, recommends a style, and cites only answers given', async () => {
		const shards = Math.max(2, Math.min(4, availableParallelism()));
		const started = performance.now();
		const results = await Promise.all(
			Array.from({ length: shards }, (_, i) => runShard(i, shards))
		);
		const seconds = (performance.now() - started) / 1000;
		const total = results[0]?.total ?? 0;
		const checked = results.reduce((sum, r) => sum + r.checked, 0);
		console.log(
			`exhaustive: ${checked.toLocaleString('en')} answer combinations checked in ${seconds.toFixed(1)} s ` +
				`(${Math.round(checked / seconds).toLocaleString('en')} per second, ${shards} threads)`
		);
		expect(results.every((r) => r.total === total)).toBe(true);
		expect(checked).toBe(total);
		expect(total).toBeGreaterThan(1_000_000);
		expect(results.flatMap((r) => r.failures)).toEqual([]);
	}, 240_000);
});

describe('every danger answer', () => {
	it('brings emergency guidance forward at once, on every path that reaches it', () => {
		const parsed = parseFlowText(readFileSync(FLOW, 'utf8'));
		if (!parsed.ok) throw new Error(parsed.message);
		const flow = parsed.flow;
		const machine = compile(flow);
		const read = new Set(flow.dangers.flatMap((d) => referencedQuestions(d.when)));
		const last = Math.max(...flow.questions.map((q, i) => (read.has(q.id) ? i : -1)));
		// Every path of answers up to the last question a danger rule reads; record each danger answer.
		const hits: {
			answers: Record<string, string | string[]>;
			question: string;
			dangers: string[];
		}[] = [];
		forEachAnswerSet(flow, () => {}, {
			enter: (question, answers) => {
				const dangers = dangersSetOff(flow, answers, question.id);
				if (dangers.length > 0)
					hits.push({
						answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)),
						question: question.id,
						dangers
					});
				return flow.questions.indexOf(question) < last;
			}
		});
		expect(hits.length).toBeGreaterThan(100);
		for (const hit of hits) {
			const actor = createActor(machine, { input: {} }).start();
			for (const q of flow.questions) {
				if (!isVisible(q, hit.answers) || hit.answers[q.id] === undefined) continue;
				if (actor.getSnapshot().value === 'emergency') actor.send({ type: 'emergency.continue' });
				expect(actor.getSnapshot().value).toBe(q.id);
				actor.send({ type: 'answer.submit', value: hit.answers[q.id] as string | string[] });
				if (q.id === hit.question) break;
			}
			const snapshot = actor.getSnapshot();
			expect(snapshot.value, JSON.stringify(hit)).toBe('emergency');
			expect(snapshot.context.dangers).toEqual(hit.dangers);
			actor.stop();
		}
		console.log(
			`exhaustive: ${hits.length} paths to a danger answer, each interrupts with emergency help`
		);
	}, 120_000);
});
