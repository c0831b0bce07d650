/**
 * The pages to read (start, help lines, how it works, privacy) run no app (csr = false): they load
 * no script file, and the one inline script every page carries does what they need — quick exit,
 * the start page's resume note, old ?lang= links, and the service worker for offline use.
 */
import { expect, NEUTRAL_SITE, test } from './fixtures';
import { LOCALES } from '../../src/lib/i18n/locales';
import { localizedPath } from '../../src/lib/i18n/paths';

const READING = ['/', '/help', '/about', '/privacy'];

test.describe('pages to read', () => {
	test.use({ allowOffOrigin: [NEUTRAL_SITE] });
	for (const locale of LOCALES)
		for (const path of READING) {
			const at = localizedPath(path, locale);
			test(`${at} loads no script file, and Quick exit still wipes the tab and leaves`, async ({
				page
			}) => {
				// Answers kept in this tab, from a page before.
				const before = path === '/privacy' ? '/about' : '/privacy';
				await page.goto(before);
				await page.evaluate(() => sessionStorage.setItem('sgg.session.opioid-support', '{}'));
				const scripts: string[] = [];
				page.on('request', (request) => {
					if (request.resourceType() === 'script') scripts.push(request.url());
				});
				await page.goto(at);
				await page.waitForLoadState('load');
				expect(scripts).toEqual([]);
				expect(
					await page.evaluate(() =>
						[...document.scripts].map((s) => s.src || 'inline').filter((s) => s !== 'inline')
					)
				).toEqual([]);
				await page.locator('[data-quick-exit]').click();
				await page.waitForURL(NEUTRAL_SITE);
				// Back lands on the page before, and nothing is kept.
				await page.goBack();
				await page.waitForURL(before, { waitUntil: 'commit' });
				expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
			});
		}
});

test('a page with no app registers the service worker, for offline use', async ({ page }) => {
	await page.goto('/about');
	const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
	expect(new URL(scope).pathname).toBe('/');
});
