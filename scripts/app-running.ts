import type { Page } from 'playwright';

/**
 * Waits until the app runs on the page. The questionnaire's page starts it only at a first touch
 * outside the first question's form (src/lib/questionnaire/early.inline.js): this stands for that
 * touch, through the same entry point the touch uses. Used by the e2e tests, the bench and the
 * screenshots.
 */
export async function appRunning(page: Page, timeout = 30_000) {
	await page.waitForFunction(
		() => {
			(window as Window & { sggEarly?: { boot?: () => void } }).sggEarly?.boot?.();
			return document.documentElement.hasAttribute('data-hydrated');
		},
		null,
		{ timeout, polling: 100 }
	);
}
