import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.js';

/** A port of its own, so a server started by hand with an older build is never tested by mistake. */
const PORT = Number(process.env.E2E_PORT ?? 4321);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 30_000,
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'off',
		launchOptions: { executablePath: chromiumPath, args: chromiumArgs }
	},
	projects: [
		{
			name: 'phone',
			use: {
				...devices['Pixel 7'],
				defaultBrowserType: 'chromium',
				viewport: { width: 390, height: 844 }
			}
		}
	],
	// The build also serves the small fixture flow under /check/minimal (SGG_TEST_FLOWS=1), so
	// registry.spec.ts can walk a second flow through the real site.
	webServer: {
		command: `SGG_TEST_FLOWS=1 npm run build && ./node_modules/.bin/vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
		url: `http://127.0.0.1:${PORT}`,
		reuseExistingServer: false,
		timeout: 120_000
	}
});
