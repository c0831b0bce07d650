/**
 * Time until the first question responds: ms from navigation start until the first radio is
 * visible and the page has marked itself hydrated (`<html data-hydrated>`), with the CPU throttled.
 * The questionnaire's page starts the app at a first touch (#12): here it is asked to start as soon
 * as the document is parsed, as if touched at once, so the figure stays comparable with older runs.
 */
import type { Browser } from 'playwright';
import { inThrottledPage } from './throttled.ts';

type Watched = Window & { __responded?: number };

/**
 * Injected before any page script: records the first moment both conditions hold. A string, not a
 * function: tsx would add `__name` helpers to a function's source that do not exist in the page.
 */
const WATCH = `(() => {
	const ready = () => {
		if (!document.documentElement.hasAttribute('data-hydrated')) return false;
		const input = document.querySelector('fieldset input');
		if (!input) return false;
		const box = input.getBoundingClientRect();
		if (box.width === 0 && box.height === 0) return false;
		const style = getComputedStyle(input);
		return style.visibility !== 'hidden' && style.display !== 'none';
	};
	const check = () => {
		if (window.__responded !== undefined) return;
		if (ready()) {
			window.__responded = performance.now();
			observer.disconnect();
		}
	};
	const observer = new MutationObserver(check);
	observer.observe(document, { attributes: true, childList: true, subtree: true });
	const poll = () => {
		check();
		if (window.__responded === undefined) requestAnimationFrame(poll);
	};
	requestAnimationFrame(poll);
	document.addEventListener('DOMContentLoaded', () => {
		window.sggEarly?.boot?.();
		check();
	});
})();`;

/** One fresh context: ms until the first question responds. */
export async function timeToRespond(
	browser: Browser,
	url: string,
	cpuRate: number
): Promise<number> {
	return inThrottledPage(browser, cpuRate, WATCH, async (page) => {
		await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
		const handle = await page.waitForFunction(() => (window as Watched).__responded, null, {
			timeout: 30_000,
			polling: 50
		});
		return Number(await handle.jsonValue());
	});
}
