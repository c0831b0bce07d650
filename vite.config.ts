import { sveltekit } from '@sveltejs/kit/vite';
import { playwright } from '@vitest/browser-playwright';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './scripts/chromium.js';
import { earlyScript } from './scripts/early-script.js';

/**
 * @hpke/common falls back to `import("crypto")` on Node 18 and older. In the browser that import
 * becomes a CommonJS stub whose interop helpers then land in a chunk every page loads; the
 * browser (and Node 20) always has globalThis.crypto, so the client gets an empty module instead.
 */
const noNodeCryptoInBrowser: Plugin = {
	name: 'no-node-crypto-in-browser',
	enforce: 'pre',
	resolveId(id, _importer, options) {
		if (id === 'crypto' && !options?.ssr) return '\0no-node-crypto';
	},
	load(id) {
		if (id === '\0no-node-crypto') return 'export const webcrypto = undefined;';
	}
};

// Flows are validated where the site loads them (src/lib/server/flows.ts): a broken flow fails
// the prerender, so it can never ship.
export default defineConfig({
	plugins: [noNodeCryptoInBrowser, sveltekit()],
	// The inline script the pages carry, for src/hooks.server.ts.
	define: { __EARLY_SCRIPT__: JSON.stringify(earlyScript) },
	preview: { port: 4173, strictPort: true },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts', 'tests/exhaustive.test.ts']
				}
			},
			{
				// Runs on its own (npm run test:exhaustive) so its worker threads have the CPU to themselves.
				extends: './vite.config.ts',
				test: {
					name: 'exhaustive',
					environment: 'node',
					include: ['tests/exhaustive.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'component',
					include: ['src/**/*.svelte.test.ts'],
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({
							launchOptions: { executablePath: chromiumPath, args: chromiumArgs }
						}),
						instances: [{ browser: 'chromium' }]
					}
				}
			}
		]
	}
});
