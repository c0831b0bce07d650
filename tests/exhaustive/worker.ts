import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { PartName } from '../../src/lib/flow/factor.ts';
import { parseFlowText } from '../../src/lib/flow/integrity.ts';
import { checkPart } from './invariants.ts';

const { file, part, shard, shards } = workerData as {
	file: string;
	part: PartName;
	shard: number;
	shards: number;
};
const parsed = parseFlowText(readFileSync(file, 'utf8'));
if (!parsed.ok) throw new Error(parsed.message);
parentPort?.postMessage(checkPart(parsed.flow, part, shard, shards));
