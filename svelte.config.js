import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { earlyScriptHash } from './scripts/early-script.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// The flow tool and the benchmark are type-checked with the app.
		typescript: {
			config: (config) => {
				config.include.push('../scripts/**/*.ts');
			}
		},
		adapter: adapter({ precompress: true, strict: true }),
		inlineStyleThreshold: Infinity,
		// The inline script every page carries registers it (src/lib/questionnaire/early.inline.js),
		// also on the pages that run no app, where SvelteKit would not.
		serviceWorker: { register: false },
		// A host serves 404.html at any depth (/es/a/b): its scripts and styles must not be relative.
		paths: { relative: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Hashes for Kit's inline bootstrap script and for ours, which takes the first answer before
		// the app runs (scripts/early-script.js): no 'unsafe-inline' scripts, nothing off-origin.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', earlyScriptHash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'form-action': ['self'],
				'base-uri': ['none']
			}
		}
	}
};

export default config;
