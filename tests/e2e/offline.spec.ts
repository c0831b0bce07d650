import type { BrowserContext, Page } from '@playwright/test';
import { sharingEn as s } from '../../src/lib/i18n/sharing/en';
import { answer, answerEach, expect, open, step, test, hydrated } from './fixtures';
import { answerCalmly, answerCalmlyToReview, openPlanForm } from './walks';

/** Waits until the service worker controls the page and has cached the site. */
async function waitForOffline(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
	});
	await expect
		.poll(() => page.evaluate(async () => (await caches.keys()).length))
		.toBeGreaterThan(0);
}

/** One visit to the start page, then no network at all. */
async function visitThenGoOffline(page: Page, context: BrowserContext) {
	await open(page, '/');
	await waitForOffline(page);
	await context.setOffline(true);
}

async function reload(page: Page) {
	await page.reload();
	await hydrated(page);
}

test('after one visit, the questionnaire, result, help lines and counselor page work offline, in both languages', async ({
	page,
	context
}) => {
	await visitThenGoOffline(page, context);

	await reload(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Find a support group that fits you'
	);
	await page.getByRole('link', { name: 'Start' }).click();
	await answer(page, 'For myself');
	await answer(page, 'Heroin');
	await reload(page);
	await expect(step(page)).toHaveAttribute('data-step', 'other-depressants');
	await answerEach(page, ['No, neither', 'In a detox or treatment program', 'None of these']);
	await answerEach(page, ['No, or this does not apply to me', 'Open to it', 'I welcome it']);
	// The Spanish pages come from the cache too, at the same question.
	await page.getByRole('link', { name: 'Español' }).click();
	await expect(page).toHaveURL(/\/es\/check$/);
	await expect(page.locator('fieldset legend')).toHaveText(
		'¿Te gustaría que las reuniones incluyan meditación?'
	);
	await reload(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.locator('fieldset legend')).toHaveText(
		'¿Te gustaría que las reuniones incluyan meditación?'
	);
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/check$/);
	await answerEach(page, ['Yes', 'Not sure', 'In person']);
	await answer(page);
	await page.getByRole('button', { name: 'See my result' }).click();
	await expect(page.locator('[data-style]').first()).toBeVisible();
	await reload(page);
	await expect(step(page)).toHaveAttribute('data-step', 'result');
	await expect(
		page.locator('section[data-section="safety"] [data-advice]').first()
	).toHaveAttribute('data-advice', 'opening-default');
	await expect(page.locator('section[data-section="checklists"]')).toBeVisible();
	await expect(page.locator('[data-caution="medication"]').first()).toBeVisible();

	const link = await page.getByLabel('Link to your answers').inputValue();
	await open(page, link);
	await expect(page.locator('section[data-section="flags"]')).toBeVisible();
	await reload(page);
	await expect(page.locator('[data-flags="none"]')).toHaveText('No danger signs were reported.');
	await expect(page.locator('section[data-section="checklists"]')).toBeVisible();

	await open(page, '/help');
	await expect(page.getByRole('link', { name: 'Call 1-800-662-4357' })).toBeVisible();
	await reload(page);
	await expect(page.getByRole('link', { name: 'Call 911' })).toBeVisible();
	// A Spanish page never visited before is there too: the whole site was cached.
	await open(page, '/es/help');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('link', { name: 'Llamar al 911' })).toBeVisible();
});

test.describe('the plan and the invite', () => {
	// The counselor keeps no key here (nothing is stored), but the guard allows their database.
	test.use({ allowCounselorKey: true });

	test('after one visit, a counselor makes an invite, a person answers from it and plans a meeting, and the counselor opens the locked link, all offline', async ({
		page,
		context
	}) => {
		await visitThenGoOffline(page, context);

		await open(page, '/shared');
		await page.getByLabel(s.receiveName, { exact: true }).fill('Clinic: Room 4');
		await page.getByRole('button', { name: s.receiveMake }).click();
		const invite = await page.getByRole('textbox', { name: s.inviteLinkLabel }).inputValue();

		const person = await context.newPage();
		await open(person, invite);
		await person.getByRole('link', { name: s.inviteStart }).click();
		await answerCalmly(person);
		await openPlanForm(person);
		await person.locator('input[name="plan-group"]').first().check();
		await person.getByLabel(s.planDate, { exact: true }).fill('2099-12-30');
		await person.getByRole('button', { name: s.planAdd }).click();
		await expect(person.locator('[data-planned]')).toHaveCount(1);
		const link = person.getByLabel('Link to your answers');
		await expect(link).toHaveValue(/#h1\./);
		const locked = await link.inputValue();
		await person.close();

		// The same counselor page, its key still in memory: the locked link opens, plan and all.
		await page.evaluate((l) => (location.hash = new URL(l).hash), locked);
		await expect(page.locator('[data-opened-with]')).toBeVisible();
		await expect(page.locator('section[data-section="plan"] li')).toHaveCount(1);
	});
});

test('when the rest of the questionnaire cannot load, it says so, keeps the answers and tries again', async ({
	page
}) => {
	// A captive portal on public Wi-Fi answers with its own page instead of the file (a request
	// that fails outright is the same path, but the browser logs it as a console error).
	let blocked = true;
	await page.route('**/flows/**', (route) =>
		blocked
			? route.fulfill({ contentType: 'text/html', body: '<title>Sign in to Wi-Fi</title>' })
			: route.continue()
	);
	await open(page, '/');
	await page.getByRole('link', { name: 'Start' }).click();
	await answerCalmlyToReview(page);
	const failed = page.locator('[data-later-failed]');
	await expect(failed).toBeVisible();
	await expect(failed).toHaveAttribute('role', 'alert');
	blocked = false;
	await failed.getByRole('button', { name: 'Try again' }).click();
	await page.getByRole('button', { name: 'See my result' }).click();
	await expect(page.locator('[data-style]').first()).toBeVisible();
});
