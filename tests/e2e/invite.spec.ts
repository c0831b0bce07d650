import type { Browser, Page } from '@playwright/test';
import { sharingEn as s } from '../../src/lib/i18n/sharing/en';
import { sharingEs } from '../../src/lib/i18n/sharing/es';
import { expect, keyRecords, open, test, hydrated } from './fixtures';
import { answerCalmly, openShareMore } from './walks';

// The counselor is the test's own page, so the privacy guard checks their key database record by
// record; people answer in contexts of their own.
test.use({ allowCounselorKey: true });

const NAME = 'Clinic: Room 4';

/** On the counselor page: a new invite, its key kept in this browser when `keep`. */
async function makeInvite(page: Page, name: string, keep: boolean) {
	await open(page, '/shared');
	const receive = page.locator('section[data-section="receive"]');
	await receive.getByLabel(s.receiveName, { exact: true }).fill(name);
	if (keep) await receive.getByLabel(s.receiveKeep).check();
	await receive.getByRole('button', { name: s.receiveMake }).click();
	await expect(receive.getByRole('heading', { name: s.receiveReady(name) })).toBeFocused();
	return receive.getByRole('textbox', { name: s.inviteLinkLabel }).inputValue();
}

/** A person opens the invite in a browser of their own, answers, and returns the share link. */
async function answerFromInvite(browser: Browser, invite: string) {
	const person = await browser.newContext();
	const page = await person.newPage();
	await open(page, invite);
	await expect(page.locator('[data-invite]')).toContainText(s.inviteFrom(NAME));
	await page.getByRole('link', { name: s.inviteStart }).click();
	await answerCalmly(page);
	const share = page.locator('section[data-section="share"]');
	await expect(share.locator('[data-locked-to]')).toHaveText(s.shareLockedTo(NAME));
	await openShareMore(page);
	await expect(share.locator('[data-unprotected]')).toBeVisible();
	await expect(share.getByLabel('Protect the link with a passcode')).toHaveCount(0);
	const link = share.getByLabel('Link to your answers');
	await expect(link).toHaveValue(/\/shared#h1\./);
	const value = await link.inputValue();
	// Nothing about the invite is kept on the person's device beyond this tab.
	expect(await page.evaluate(() => Object.keys(sessionStorage).sort())).toEqual([
		'sgg.invite',
		'sgg.session.opioid-support'
	]);
	await person.close();
	return value;
}

test('invite round trip: the counselor who made the invite opens the result, after a reload too', async ({
	page,
	browser
}) => {
	const invite = await makeInvite(page, NAME, true);
	expect(invite).toMatch(/\/invite#i1\./);
	console.log(`invite link: ${invite.length} characters`);
	const link = await answerFromInvite(browser, invite);
	console.log(`locked share link: ${link.length} characters`);

	// The counselor opens it, with the key kept in this browser, and again after a reload.
	await open(page, link);
	await expect(page.locator('[data-opened-with]')).toHaveText(s.sealedOpened(NAME));
	await expect(page.locator('section[data-section="flags"]')).toBeVisible();
	await page.reload();
	await hydrated(page);
	await expect(page.locator('section[data-section="answers"]')).toBeVisible();
	const records = await keyRecords(page);
	expect(records).toHaveLength(1);
});

// The same round trip seen by everyone else; a test of its own, so that each stays well inside the
// time a test may take on a slow machine (together they took 26 s here and over 30 s in CI).
test('a locked link opens for no one else, and a changed or cut one fails calmly', async ({
	page,
	browser
}) => {
	const link = await answerFromInvite(browser, await makeInvite(page, NAME, true));

	// Anyone else: a browser with no key, and a counselor with another invite of their own.
	const stranger = await browser.newContext();
	const strangerPage = await stranger.newPage();
	await open(strangerPage, link);
	await expect(strangerPage.locator('[data-error="no-key"]')).toHaveText(s.sealedNoKey);
	await expect(strangerPage.locator('section[data-section="answers"]')).toHaveCount(0);
	await makeInvite(strangerPage, 'Another clinic', false);
	await open(strangerPage, link);
	await expect(strangerPage.locator('[data-error="other-key"]')).toHaveText(s.sealedOtherKey);
	await stranger.close();

	// A changed or cut link fails calmly, never with part of a result.
	const [head, data] = link.split('#h1.') as [string, string];
	const changed = (at: number) =>
		`${head}#h1.${data.slice(0, at)}${data[at] === 'A' ? 'B' : 'A'}${data.slice(at + 1)}`;
	for (const broken of [`${head}#h1.${data.slice(0, -5)}`, changed(2), changed(30), changed(80)]) {
		await open(page, broken);
		await expect(page.locator('[data-error]')).toBeVisible();
		await expect(page.locator('section[data-section="answers"]')).toHaveCount(0);
	}
});

test('"Forget this key" makes the links of its invite unreadable', async ({ page, browser }) => {
	const invite = await makeInvite(page, NAME, true);
	const link = await answerFromInvite(browser, invite);
	await open(page, link);
	await expect(page.locator('[data-opened-with]')).toBeVisible();

	const receive = page.locator('section[data-section="receive"]');
	await receive.getByRole('button', { name: s.forgetKey }).click();
	await receive.getByRole('button', { name: s.forgetKeyYes }).click();
	await expect(receive.getByRole('status')).toHaveText(s.keyForgotten);
	await expect(page.locator('[data-error="no-key"]')).toBeVisible();
	await page.reload();
	await hydrated(page);
	await expect(page.locator('[data-error="no-key"]')).toHaveText(s.sealedNoKey);
	expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual(
		[]
	);
});

test('a key the counselor did not agree to keep lives only until the page is reloaded', async ({
	page,
	browser
}) => {
	const invite = await makeInvite(page, NAME, false);
	await expect(page.locator('[data-kept="false"]')).toHaveText(s.receiveTemporary);
	// The printable card: the QR code, the name and the link, alone on one page.
	await page.evaluate(() => (document.documentElement.dataset.print = 'card'));
	const pdf = (await page.pdf({ format: 'Letter' })).toString('latin1');
	expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g), 'pages of the printed card').toHaveLength(1);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.invite-card svg[role="img"]')).toBeVisible();
	await expect(page.locator('.invite-card')).toContainText(s.cardScan);
	await expect(page.getByRole('heading', { name: s.receiveHeading })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Quick exit' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
	await page.evaluate(() => delete document.documentElement.dataset.print);
	expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual(
		[]
	);
	const link = await answerFromInvite(browser, invite);
	// The same page, the key still in memory: the hash changes, the result opens.
	await page.evaluate((l) => (location.hash = new URL(l).hash), link);
	await expect(page.locator('[data-opened-with]')).toBeVisible();
	await page.reload();
	await hydrated(page);
	await expect(page.locator('[data-error="no-key"]')).toBeVisible();
});

test('a damaged invite says what to do, and the questionnaire still starts', async ({ page }) => {
	await open(page, '/invite#i1.abc');
	await expect(page.locator('[data-invite-error]')).toHaveText(s.inviteBad);
	await page.getByRole('link', { name: s.inviteStart }).click();
	await expect(page.locator('fieldset legend')).toBeVisible();
	expect(await page.evaluate(() => sessionStorage.getItem('sgg.invite'))).toBeNull();
});

test.describe('the counselor page with no link', () => {
	/** Opens the page as a counselor would, touching nothing: the test does not start its app. */
	async function arrive(page: Page, path = '/shared') {
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(request.url());
		});
		await page.goto(path);
		await page.waitForLoadState('load');
		return scripts;
	}

	test('runs no app until used, and an invite asked for before the app runs is made', async ({
		page
	}) => {
		const scripts = await arrive(page);
		const receive = page.locator('section[data-section="receive"]');
		await expect(receive.getByLabel(s.receiveName, { exact: true })).toBeVisible();
		// Nothing has touched the page: no script file has loaded (the inline one is all it runs).
		await page.waitForTimeout(500);
		expect(scripts).toEqual([]);
		await expect(page.locator('html')).not.toHaveAttribute('data-hydrated');
		// The name written and the invite asked for (Enter in the field) before the app runs: no
		// touch event starts it, the press does, and the press is not lost.
		await receive
			.getByLabel(s.receiveName, { exact: true })
			.evaluate((input: HTMLInputElement, name) => {
				input.value = name;
				input.form?.requestSubmit();
			}, NAME);
		// Made, and the focus is on it, as when the app was running at the press.
		await expect(receive.getByRole('heading', { name: s.receiveReady(NAME) })).toBeFocused();
		expect(scripts.length).toBeGreaterThan(0);
		expect(new URL(page.url()).pathname).toBe('/shared');
		await expect(receive.getByRole('textbox', { name: s.inviteLinkLabel })).toHaveValue(
			/\/invite#i1\./
		);
	});

	test('a key kept in this browser is shown without a touch; the form comes back once it is forgotten', async ({
		page
	}) => {
		await makeInvite(page, NAME, true);
		await arrive(page, '/es/shared');
		const receive = page.locator('section[data-section="receive"]');
		// In Spanish, and before anything touched the page.
		await expect(receive.getByRole('heading', { level: 3 })).toHaveText(
			sharingEs.receiveReady(NAME)
		);
		await receive.getByRole('button', { name: sharingEs.forgetKey }).click();
		await receive.getByRole('button', { name: sharingEs.forgetKeyYes }).click();
		await expect(receive.getByText(sharingEs.keyForgotten)).toBeVisible();
		// The form, drawn again by the app, makes an invite at once (nothing holds it now).
		await receive.getByLabel(sharingEs.receiveName, { exact: true }).fill('Sala 2');
		await receive.getByRole('button', { name: sharingEs.receiveMake }).click();
		await expect(
			receive.getByRole('heading', { name: sharingEs.receiveReady('Sala 2') })
		).toBeFocused();
	});
});
