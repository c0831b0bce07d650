/**
 * Builds the site and serves it with `vite preview` on a port of the suite's own, started from
 * node_modules/.bin directly (not through npx) so that stopping it by its pid stops it for good.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { endOnExit } from './cleanup';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITE = `${ROOT}node_modules/.bin/vite`;

/** `vite build`, quiet unless it fails. */
export function build() {
	const run = spawnSync(VITE, ['build'], { cwd: ROOT, encoding: 'utf8' });
	if (run.status !== 0)
		throw new Error(`vite build failed:\n${(run.stdout + run.stderr).slice(-6000)}`);
}

export type Server = { origin: string; stop(): Promise<void> };

export async function preview(port: number): Promise<Server> {
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(
		VITE,
		['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	const forget = endOnExit(child.pid);
	let log = '';
	const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	exited.then(forget, forget);
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		await exited;
	};
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`vite preview on ${port} exited:\n${log}`);
		try {
			if ((await fetch(origin)).ok) return { origin, stop };
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`vite preview did not answer on ${origin} within 20 s:\n${log}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
