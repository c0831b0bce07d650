/**
 * The inline script every page carries in its head (src/lib/questionnaire/early.inline.js), as it
 * ships: whole-line comments dropped and lines trimmed. Its hash goes in the pages' CSP
 * (svelte.config.js) and its text into the pages (src/hooks.server.ts, through Vite's `define`),
 * both from here, so they cannot differ.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const SOURCE = new URL('../src/lib/questionnaire/early.inline.js', import.meta.url);

export const earlyScript = readFileSync(SOURCE, 'utf8')
	.split('\n')
	.map((line) => line.trim())
	.filter((line) => line !== '' && !line.startsWith('//'))
	.join('\n');

/** The CSP source for it, as SvelteKit's `csp.directives` take it. */
export const earlyScriptHash = /** @type {`sha256-${string}`} */ (
	`sha256-${createHash('sha256').update(earlyScript).digest('base64')}`
);
