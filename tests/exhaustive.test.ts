/**
 * The safety invariants, proven over every reachable combination of answers of the shipped flow
 * (conditions respected, multi-select as every subset): not a sample. The work is split across
 * worker threads so it stays well under a minute on a 2-core machine.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
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
