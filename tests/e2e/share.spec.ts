import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { answer, expect, MESSAGES, open, start, step, test } from './fixtures';
import { FLOW, LINK_HEADER, prompt } from './flow';
import { CALM, openResult } from './result-walk';
import { openShareMore } from './walks';

/** An answer that shows among the answers (not the safety flags): the family's spiritual words. */
const NO_SPIRITUAL = "I'd rather have none";

/** A full journey to the result: a loved one, benzodiazepines too, withdrawal with danger signs. */
async function toResult(page: Page) {
	await start(page);
	await answer(page, 'For someone I care about');
	await answer(page, 'Fentanyl, or pills that may contain it');
	await answer(page, 'Benzodiazepines ("benzos"), including pills bought on the street');
	await page.getByRole('button', { name: 'I am safe, continue' }).click();
	await answer(page, 'In withdrawal now');
	await answer(page, 'A seizure, chest pain, trouble breathing, or confusion');
	await page.getByRole('button', { name: 'I am safe, continue' }).click();
	await answer(page, 'No, or this does not apply');
	await answer(page, 'Open to it');
	await answer(page, 'Both');
	await answer(page, NO_SPIRITUAL);
	await answer(page, 'Online');
	await page.getByRole('button', { name: 'See my result' }).click();
	await expect(step(page)).toHaveAttribute('data-step', 'result');
}

/** That journey's answers, by option id. */
const JOURNEY = {
	who: 'loved-one',
	substance: 'fentanyl',
	'other-depressants': 'benzos',
	'detox-status': 'withdrawal-now',
	'danger-signs': ['severe-symptoms'],
	'person-pregnant': 'no',
	'person-moud-openness': 'yes',
	'loved-one-help': 'both',
	'family-spiritual': 'none',
	'family-format': 'online'
};

/**
 * The same result, opened from the session the questionnaire saves on the way (one page load):
 * for the tests about what sharing does with a result, not about reaching it. The first test
 * below walks the journey itself.
 */
const toSavedResult = (page: Page) => openResult(page, JOURNEY);

/** For myself, no danger sign ("None of these"), no medication. */
const toCalmResult = (page: Page) => openResult(page, CALM);

/** The share link of that calm result, and a fresh browser context for the counselor. */
async function calmLinkForCounselor(page: Page, browser: Browser) {
	await toCalmResult(page);
	const link = await page.getByLabel('Link to your answers').inputValue();
	const counselor = await browser.newContext();
	return { link, counselor, view: await counselor.newPage() };
}

async function styleOrder(page: Page) {
	return page
		.locator('[data-style]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-style')));
}

test('a counselor opens the link in a fresh browser and sees the same recommendation', async ({
	page,
	browser
}) => {
	await toResult(page);
	const expected = await styleOrder(page);
	const link = await page.getByLabel('Link to your answers').inputValue();
	expect(link).toContain(`/shared#${LINK_HEADER}`);
	expect(link).toMatch(/\/shared#1\.opioid-support\.\d+\.[A-Za-z0-9_-]+$/);
	console.log(
		`share link: ${link.length} characters in all, fragment ${link.split('#')[1]?.length}`
	);

	const counselor = await browser.newContext();
	const view = await counselor.newPage();
	await open(view, link);
	const flags = view.locator('section[data-section="flags"]');
	await expect(flags).toContainText('Call 911 now');
	await expect(flags).toContainText('Do not stop alcohol or benzodiazepines suddenly');
	await expect(flags).toContainText('In withdrawal now');
	await expect(view.locator('section[data-section="answers"]')).toContainText(NO_SPIRITUAL);
	expect(await styleOrder(view)).toEqual(expected);
	// The opening block and the questions to take along are on the counselor's page too.
	await expect(view.locator('[data-advice]').first()).toHaveAttribute(
		'data-advice',
		'opening-default'
	);
	const checklists = view.locator('section[data-section="checklists"]');
	await expect(checklists.getByRole('heading', { name: 'Questions to take along' })).toBeVisible();
	await expect(checklists.locator('[data-checklist="ask-family"]')).toBeVisible();
	await expect(checklists.locator('[data-checklist="ask-group-medication"]')).toBeVisible();
	// Safety flags come first on the counselor's page.
	await expect(view.locator('section[data-section]').first()).toHaveAttribute(
		'data-section',
		'flags'
	);
	const storage = await counselor.storageState();
	expect(storage.origins.flatMap((o) => o.localStorage)).toEqual([]);
	await counselor.close();
});

test('a passcode-protected link opens only with the passcode', async ({ page, browser }) => {
	await toSavedResult(page);
	await page.getByLabel('Protect the link with a passcode').check();
	await expect(page.getByLabel('Link to your answers')).toHaveCount(0);
	await page.getByLabel(/^Passcode/).fill('blue door 7');
	await page.getByRole('button', { name: 'Make the protected link' }).click();
	await expect(page.getByRole('status')).toHaveText('The protected link is ready.');
	const link = await page.getByLabel('Link to your answers').inputValue();
	expect(link).toMatch(/\/shared#e1\./);
	expect(link).not.toContain('opioid-support');
	console.log(`protected share link: ${link.length} characters in all`);

	const counselor = await browser.newContext();
	const view = await counselor.newPage();
	await open(view, link);
	await expect(view.getByText('This result is protected.')).toBeVisible();
	await view.getByLabel('Passcode').fill('blue door 8');
	await view.getByRole('button', { name: 'Open' }).click();
	await expect(view.getByRole('alert')).toHaveText(/did not open the result/);
	await view.getByLabel('Passcode').fill('blue door 7');
	await view.getByRole('button', { name: 'Open' }).click();
	await expect(view.locator('section[data-section="flags"]')).toContainText('Call 911 now');
	await counselor.close();
});

test('tampered, truncated, old and garbage links fail calmly, without a partial result', async ({
	page
}) => {
	await toSavedResult(page);
	const link = await page.getByLabel('Link to your answers').inputValue();
	const fragment = link.split('#')[1] as string;
	const cases: [string, RegExp][] = [
		[fragment.slice(0, -4), /damaged or cut short/],
		[fragment.slice(0, -2) + (fragment.endsWith('AA') ? 'BB' : 'AA'), /damaged or cut short/],
		[fragment.replace(`.${FLOW.version}.`, '.0.'), /damaged or cut short/],
		['<script>alert(1)</script>', /damaged or cut short/],
		['%00%FF', /damaged or cut short/],
		[fragment.replace('opioid-support', 'other'), /different questionnaire/],
		[fragment.replace(`.${FLOW.version}.`, `.${FLOW.version + 7}.`), /newer version/],
		// A version older than the flow still reads (answersSince: the questions changed since).
		[
			fragment.replace(`.${FLOW.version}.`, `.${(FLOW.answersSince ?? FLOW.version) - 1}.`),
			/older version/
		]
	];
	for (const [bad, message] of cases) {
		await open(page, `/shared#${bad}`);
		await expect(page.getByRole('alert')).toHaveText(message);
		await expect(page.locator('[data-style]')).toHaveCount(0);
		await expect(page.locator('section[data-section="flags"]')).toHaveCount(0);
	}
	await open(page, '/shared');
	await expect(page.getByText('Open the link they sent.')).toBeVisible();
});

test('print and PDF: a clean summary with the answers, safety and the questions to take along', async ({
	page
}) => {
	await toSavedResult(page);
	await page.emulateMedia({ media: 'print' });
	const summary = page.locator('section[data-section="print-summary"]');
	await expect(summary).toBeVisible();
	await expect(summary).toContainText('Your answers');
	await expect(summary).toContainText(NO_SPIRITUAL);
	// The questions for the counselor are the checklists now, printed with the result.
	const checklists = page.locator('section[data-section="checklists"]');
	await expect(checklists).toBeVisible();
	await expect(checklists.getByRole('heading', { name: 'Questions to take along' })).toBeVisible();
	await expect(checklists.locator('[data-checklist="ask-program"]')).toContainText(
		'Where can I get naloxone?'
	);
	await expect(checklists.locator('[data-checklist="ask-family"]')).toBeVisible();
	await expect(page.getByText('To talk about with your counselor')).toHaveCount(0);
	await expect(page.locator('section[data-section="safety"]')).toBeVisible();
	await expect(page.locator('[data-advice="opening-default"]')).toBeVisible();
	await expect(page.locator('header')).toBeHidden();
	await expect(page.locator('section[data-section="share"]')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Start over' })).toBeHidden();
	const pdf = await page.pdf({ format: 'Letter', printBackground: false });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	expect(pages).toBeGreaterThan(0);
	console.log(`printed result: ${pages} PDF pages, ${pdf.length} bytes`);
});

test('copy as text, e-mail and the FHIR download carry the answers', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await toSavedResult(page);
	await openShareMore(page);
	await page.getByRole('button', { name: 'Copy as text' }).click();
	await expect(page.getByRole('status')).toHaveText('The summary was copied.');
	const text = await page.evaluate(() => navigator.clipboard.readText());
	expect(text).toContain('Safety flags:');
	expect(text).toContain('! Call 911 now');
	expect(text).toContain(`/shared#${LINK_HEADER}`);
	expect(text).toContain('Questions to take along');

	const mailto = await page.getByRole('link', { name: 'E-mail' }).getAttribute('href');
	expect(mailto).toMatch(/^mailto:\?subject=/);
	expect(decodeURIComponent(mailto ?? '')).toContain('Which opioid is used most? Fentanyl');

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download for health records (FHIR)' }).click()
	]);
	const json = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
	expect(json.resourceType).toBe('QuestionnaireResponse');
	expect(json.status).toBe('completed');
	expect(json.item.map((i: { linkId: string }) => i.linkId)).toEqual([
		'who',
		'substance',
		'other-depressants',
		'detox-status',
		'danger-signs',
		'person-pregnant',
		'person-moud-openness',
		'loved-one-help',
		'family-spiritual',
		'family-format'
	]);

	// It points to the English Questionnaire, which the site itself serves at that canonical path.
	const [canonical, version] = (json.questionnaire as string).split('|') as [string, string];
	const path = new URL(canonical).pathname;
	expect(path).toBe(`/fhir/Questionnaire/${FLOW.id}-en`);
	const served = await (await page.request.get(path)).json();
	expect(served).toMatchObject({
		resourceType: 'Questionnaire',
		url: canonical,
		version,
		language: 'en'
	});
	expect(served.text.div).toContain(prompt('who'));
});

test('the QR code is drawn on the page, small enough to scan', async ({ page }) => {
	await toSavedResult(page);
	await page.getByRole('button', { name: 'Show QR code' }).click();
	const qr = page.getByRole('img', { name: /QR code of the link/ });
	await expect(qr).toBeVisible();
	const version = Number(await qr.getAttribute('data-qr-version'));
	console.log(`QR code version ${version} for the share link`);
	expect(version).toBeLessThanOrEqual(6);
	// A quiet zone of 4 modules on every side (ISO/IEC 18004): 17 + 4 × version modules, plus 8.
	const size = 17 + 4 * version + 8;
	await expect(qr).toHaveAttribute('viewBox', `0 0 ${size} ${size}`);
});

test('a counselor link from answers with "None of these" says no danger signs were reported', async ({
	page,
	browser
}) => {
	const { link, counselor, view } = await calmLinkForCounselor(page, browser);
	expect(link).toContain(`/shared#${LINK_HEADER}`);
	await open(view, link);
	const flags = view.locator('section[data-section="flags"]');
	await expect(flags.locator('[data-flags]')).toHaveAttribute('data-flags', 'none');
	await expect(flags.locator('[data-flags="none"]')).toHaveText('No danger signs were reported.');
	await expect(flags.locator('[data-flags="not-asked"]')).toHaveCount(0);
	await expect(flags.locator('[data-section="dangers"]')).toHaveCount(0);
	// The answer itself is there for the counselor to read.
	await expect(flags).toContainText('Right now, is any of this happening?');
	await expect(flags).toContainText('None of these');
	await expect(view.locator('section[data-section="checklists"]')).toBeVisible();
	await counselor.close();
});

test.describe("the counselor's page, before and while it opens a link", () => {
	test('it says the link is opening, never that there is none, until the result shows', async ({
		page,
		browser
	}) => {
		const { link, counselor, view } = await calmLinkForCounselor(page, browser);
		// The app's modules are held back, as on a slow connection: what shows is the page as built.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await view.route('**/_app/immutable/**', async (route) => {
			await held;
			await route.continue();
		});
		await view.goto(link);
		await expect(view.getByText(MESSAGES.en.sharedOpening)).toBeVisible();
		await expect(view.getByText(MESSAGES.en.sharedEmpty)).toBeHidden();
		// The invite form, in the page as built, waits below until what the link holds is drawn.
		const receive = view.locator('section[data-section="receive"]');
		await expect(receive).toBeHidden();
		release();
		await expect(view.locator('section[data-section="flags"]')).toBeVisible();
		await expect(view.getByText(MESSAGES.en.sharedOpening)).toHaveCount(0);
		await expect(receive).toBeVisible();
		expect(
			await view.evaluate(() =>
				[...document.querySelectorAll('main [data-section]')].map((e) =>
					e.getAttribute('data-section')
				)
			)
		).toEqual(['flags', 'answers', 'groups', 'plan', 'checklists', 'receive']);

		// Without a link, the same page as built says there is none.
		const empty = await counselor.newPage();
		await empty.route('**/_app/immutable/**', (route) => route.abort());
		await empty.goto('/shared');
		await expect(empty.getByText(MESSAGES.en.sharedEmpty)).toBeVisible();
		await expect(empty.getByText(MESSAGES.en.sharedOpening)).toBeHidden();
		await empty.close();
		await counselor.close();
	});

	test('a link pasted into the address of the page with no link opens, before any touch', async ({
		page,
		browser
	}) => {
		const { link, counselor, view } = await calmLinkForCounselor(page, browser);
		await view.goto('/shared');
		await view.waitForLoadState('load');
		await expect(view.getByText(MESSAGES.en.sharedEmpty)).toBeVisible();
		await expect(view.locator('html')).not.toHaveAttribute('data-hydrated');
		await view.evaluate((hash) => (location.hash = hash), new URL(link).hash);
		await expect(view.locator('section[data-section="flags"]')).toBeVisible();
		await expect(view.locator('section[data-section="checklists"]')).toBeVisible();
		await counselor.close();
	});

	test('when what a link needs cannot load, it says so and opens the link on a second try', async ({
		page,
		browser
	}) => {
		const { link, counselor, view } = await calmLinkForCounselor(page, browser);
		// A captive portal answers with its own page instead of the flow's result part.
		let blocked = true;
		await view.route('**/flows/**', (route) =>
			blocked
				? route.fulfill({ contentType: 'text/html', body: '<title>Sign in to Wi-Fi</title>' })
				: route.continue()
		);
		await open(view, link);
		const failed = view.locator('[data-load-failed]');
		await expect(failed).toHaveAttribute('role', 'alert');
		await expect(failed).toContainText(MESSAGES.en.sharedLoadFailed);
		await expect(view.locator('section[data-section="flags"]')).toHaveCount(0);
		blocked = false;
		await failed.getByRole('button', { name: 'Try again' }).click();
		await expect(view.locator('section[data-section="flags"]')).toBeVisible();
		await expect(failed).toHaveCount(0);
		await counselor.close();
	});
});

test('a passcode needs 5 characters, and the rest of sharing says it is not protected', async ({
	page
}) => {
	await toSavedResult(page);
	await expect(page.getByText('The passcode protects only the link.')).toHaveCount(0);
	await page.getByLabel('Protect the link with a passcode').check();
	// Said next to them: copying as text and e-mail share every answer without the passcode.
	await openShareMore(page);
	const warning = page.getByText('The passcode protects only the link.');
	await expect(warning).toBeVisible();
	await expect(page.getByRole('button', { name: 'Copy as text' })).toHaveAccessibleDescription(
		/protects only the link/
	);
	await expect(page.getByRole('link', { name: 'E-mail' })).toHaveAccessibleDescription(
		/protects only the link/
	);
	const passcode = page.getByLabel(/^Passcode/);
	await passcode.fill('abcd');
	await page.getByRole('button', { name: 'Make the protected link' }).click();
	await expect(passcode).toBeFocused();
	await expect(passcode).toHaveAttribute('aria-invalid', 'true');
	await expect(passcode).toHaveAccessibleDescription('Use a passcode of at least 5 characters.');
	await expect(page.getByLabel('Link to your answers')).toHaveCount(0);
	await passcode.fill('abcde');
	await page.getByRole('button', { name: 'Make the protected link' }).click();
	await expect(page.getByLabel('Link to your answers')).toHaveValue(/\/shared#e1\./);
	await expect(passcode).not.toHaveAttribute('aria-invalid', 'true');
});
