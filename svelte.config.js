import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Hashes for Kit's inline bootstrap script: no 'unsafe-inline' scripts, nothing off-origin.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
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
