import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseFlowText } from '../../src/lib/flow/integrity.ts';
import { checkShard } from './invariants.ts';

const { file, shard, shards } = workerData as { file: string; shard: number; shards: number };
const parsed = parseFlowText(readFileSync(file, 'utf8'));
if (!parsed.ok) throw new Error(parsed.message);
parentPort?.postMessage(checkShard(parsed.flow, shard, shards));
