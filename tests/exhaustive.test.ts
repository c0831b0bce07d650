/**
 * The safety invariants, proven over every reachable answer set of the shipped flow: not a sample.
 * Each part of the result is checked over every reachable combination of the questions it reads
 * (see src/lib/flow/factor.ts and its soundness tests), in worker threads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createActor } from 'xstate';
import { placeOf, questionnaireMachine } from '../src/lib/flow/machine';
import { referencedQuestions } from '../src/lib/flow/conditions';
import { forEachAnswerSet } from '../src/lib/flow/enumerate';
import { countAnswerSets, partReads, type PartName } from '../src/lib/flow/factor';
import { parseFlowText } from '../src/lib/flow/integrity';
import { dangersSetOff, isVisible } from '../src/lib/flow/navigation';
import { dangersOf, stepOf } from '../src/lib/flow/step';
import { FIGURES, INVARIANTS, type ShardResult } from './exhaustive/invariants.ts';

const FLOW = 'flows/opioid-support.json';

function loadFlow() {
	const parsed = parseFlowText(readFileSync(FLOW, 'utf8'));
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.flow;
}

function runJob(part: PartName, shard: number, shards: number): Promise<ShardResult> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./exhaustive/worker.mjs', import.meta.url), {
			workerData: { file: FLOW, part, shard, shards }
		});
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (code !== 0) reject(new Error(`${part} shard ${shard} exited with code ${code}`));
		});
	});
}

/** Runs the jobs, at most `width` at a time. */
async function pool<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
	const results: T[] = new Array(jobs.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (next < jobs.length) {
				const at = next++;
				results[at] = await (jobs[at] as () => Promise<T>)();
			}
		})
	);
	return results;
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

describe('every reachable answer set', () => {
	it('gets advice true for the person, every danger, and an honest ranking', async () => {
		const flow = loadFlow();
		const total = countAnswerSets(flow);
		const width = Math.max(2, Math.min(4, availableParallelism()));
		const groupShards = width;
		const started = performance.now();
		const results = await pool(
			[
				...Array.from({ length: groupShards }, (_, i) => () => runJob('groups', i, groupShards)),
				() => runJob('safety', 0, 1),
				() => runJob('dangers', 0, 1)
			],
			width
		);
		const seconds = (performance.now() - started) / 1000;

		const byPart = new Map<PartName, ShardResult[]>();
		for (const r of results) byPart.set(r.part, [...(byPart.get(r.part) ?? []), r]);
		const lines = [
			`exhaustive: ${total.toLocaleString('en')} reachable answer sets, checked in ${seconds.toFixed(1)} s (${width} threads) as`
		];
		for (const [part, list] of byPart) {
			const checked = list.reduce((s, r) => s + r.checked, 0);
			const represents = list.reduce((s, r) => s + r.represents, 0);
			lines.push(
				`  ${part}: ${checked.toLocaleString('en')} combinations of the ${partReads(flow)[part].size} questions it reads`
			);
			// Each part's combinations partition the whole answer space: none missed, none counted twice.
			expect(represents, part).toBe(total);
		}
		const counts: Record<string, number> = {};
		for (const r of byPart.get('groups') ?? [])
			for (const [k, v] of Object.entries(r.counts)) counts[k] = (counts[k] ?? 0) + v;
		const figure = (name: string, group: string) => {
			const n = Math.round(counts[name] ?? 0);
			const of = counts[group] ?? 0;
			return `  ${name}: ${n.toLocaleString('en')}${group ? ` of ${Math.round(of).toLocaleString('en')} ${group} (${pct(n, of)})` : ''}`;
		};
		for (const [name, group] of FIGURES) lines.push(figure(name, group));
		for (const key of Object.keys(counts)
			.filter((k) => k.startsWith('best fit: '))
			.sort())
			lines.push(figure(key, 'answer sets'));
		console.log(lines.join('\n'));

		expect(total).toBeGreaterThan(10_000_000);
		expect(results.flatMap((r) => r.failures)).toEqual([]);

		// Every option of every question has an effect: for every combination of some part that
		// reads it, the option is named in the result or choosing another answer changes it.
		const reads = partReads(flow);
		const silent: string[] = [];
		for (const q of flow.questions) {
			const parts = [...byPart.keys()].filter((p) => reads[p].has(q.id));
			if (parts.length === 0) silent.push(`${q.id}: read by no part of the result`);
			for (const o of q.options) {
				const key = `${q.id}=${o.id}`;
				const always = parts.some((p) =>
					(byPart.get(p) ?? []).every((r) => (r.noEffect[key] ?? 0) === 0)
				);
				if (!always && parts.length > 0) {
					const n = parts.map((p) =>
						(byPart.get(p) ?? []).reduce((s, r) => s + (r.noEffect[key] ?? 0), 0)
					);
					silent.push(`${key}: no effect in ${n.join(' / ')} combinations (${parts.join(' / ')})`);
				}
			}
		}
		expect(silent).toEqual([]);
		const proven = [
			`exhaustive: 0 exceptions in ${total.toLocaleString('en')} answer sets to each of`,
			...Object.values(INVARIANTS).flatMap((list) => list.map((name) => `  ✓ ${name}`)),
			'  ✓ every option of every question is named in the result or changes it'
		];
		console.log(proven.join('\n'));
	}, 240_000);
});

describe('every danger answer', () => {
	it('brings emergency guidance forward at once, on every path that reaches it', () => {
		const flow = loadFlow();
		const read = new Set(flow.dangers.flatMap((d) => referencedQuestions(d.when)));
		const last = Math.max(...flow.questions.map((q, i) => (read.has(q.id) ? i : -1)));
		// Every path of answers up to the last question a danger rule reads; record each danger answer.
		const hits: {
			answers: Record<string, string | string[]>;
			question: string;
			dangers: string[];
		}[] = [];
		const statuses = new Set<string>();
		forEachAnswerSet(flow, () => {}, {
			enter: (question, answers) => {
				if (question.id === 'danger-signs') statuses.add(String(answers['detox-status']));
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
		// The danger question is asked at every stage, for the person and for a loved one.
		expect([...statuses].sort()).toEqual(
			flow.questions
				.find((q) => q.id === 'detox-status')
				?.options.map((o) => o.id)
				.sort()
		);
		expect(hits.length).toBeGreaterThan(1000);
		let together = 0;
		for (const hit of hits) {
			const actor = createActor(questionnaireMachine, { input: { flow } }).start();
			for (const q of flow.questions) {
				if (!isVisible(q, hit.answers) || hit.answers[q.id] === undefined) continue;
				if (actor.getSnapshot().value === 'emergency') actor.send({ type: 'emergency.continue' });
				expect(stepOf(placeOf(actor.getSnapshot()))).toBe(q.id);
				actor.send({
					type: 'answer.submit',
					question: q.id,
					value: hit.answers[q.id] as string | string[]
				});
				if (q.id === hit.question) break;
			}
			const snapshot = actor.getSnapshot();
			expect(snapshot.value, JSON.stringify(hit)).toBe('emergency');
			expect(dangersOf(flow, placeOf(snapshot)).map((d) => d.id)).toEqual(hit.dangers);
			if (hit.dangers.length > 1) together++;
			actor.stop();
		}
		console.log(
			`exhaustive: ${hits.length} paths to a danger answer, each interrupts with emergency help ` +
				`(${together} with several dangers on one screen, most urgent first)`
		);
	}, 120_000);
});
