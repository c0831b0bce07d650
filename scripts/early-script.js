/**
 * The inline script every page carries in its head (src/lib/questionnaire/early.inline.js), as it
 * ships: whole-line comments dropped and lines trimmed. Its hash goes in the pages' CSP
 * (svelte.config.js) and its text into the pages (src/hooks.server.ts, through Vite's `define`),
 * both from here, so they cannot differ.
 */
import { readFileSync } from 'node:fs';
import { scriptHash } from '../src/lib/server/csp-hash.js';

const SOURCE = new URL('../src/lib/questionnaire/early.inline.js', import.meta.url);

export const earlyScript = readFileSync(SOURCE, 'utf8')
	.split('\n')
	.map((line) => line.trim())
	.filter((line) => line !== '' && !line.startsWith('//'))
	.join('\n');

/** The CSP source for it, as SvelteKit's `csp.directives` take it. */
export const earlyScriptHash = scriptHash(earlyScript);
