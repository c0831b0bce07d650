import type { Browser, CDPSession, Page } from 'playwright';

/**
 * Runs `use` on a page of a fresh context (no service worker: each run is a first visit), with
 * `watch` injected into every document before its own scripts and the CPU slowed `cpuRate` times;
 * the context is closed afterwards, whatever happens.
 */
export async function inThrottledPage<T>(
	browser: Browser,
	cpuRate: number,
	watch: string,
	use: (page: Page, cdp: CDPSession) => Promise<T>
): Promise<T> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		await context.addInitScript({ content: watch });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
		return await use(page, cdp);
	} finally {
		await context.close();
	}
}
