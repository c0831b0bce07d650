import type { Page } from 'playwright';

/**
 * Waits until the app runs on the page, or, on a page that runs none (csr = false: it carries no
 * SvelteKit start script), until it is parsed. The questionnaire's page starts the app only at a
 * first touch outside the first question's form (src/lib/questionnaire/early.inline.js): this
 * stands for that touch, through the same entry point the touch uses. Used by the e2e tests, the
 * bench and the screenshots.
 */
export async function appRunning(page: Page, timeout = 30_000) {
	await page.waitForFunction(
		() => {
			(window as Window & { sggEarly?: { boot?: () => void } }).sggEarly?.boot?.();
			if (document.documentElement.hasAttribute('data-hydrated')) return true;
			const app = [...document.scripts].some((s) => s.textContent?.includes('__sveltekit_'));
			return document.readyState !== 'loading' && !app;
		},
		null,
		{ timeout, polling: 100 }
	);
}
