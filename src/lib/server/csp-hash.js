import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy source that allows one inline script: its SHA-256, as SvelteKit's
 * `csp.directives` take it (`sha256-…`; a policy's text puts it in single quotes). Plain
 * JavaScript, so svelte.config.js can use it before anything is compiled (scripts/early-script.js).
 * @param {string} script
 * @returns {`sha256-${string}`}
 */
export function scriptHash(script) {
	return `sha256-${createHash('sha256').update(script).digest('base64')}`;
}
