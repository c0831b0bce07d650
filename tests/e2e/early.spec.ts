/**
 * The first answer counts before the app runs: the page's inline handler takes the first
 * question's answer and Continue, shows the next question at once, and the app takes over from
 * there. The app's scripts are held back here until the test lets them load, so every tap below
 * lands on the plain prerendered page.
 */
import type { Page, Route } from '@playwright/test';
import { answer, answerEach, expect, legend, MESSAGES, open, step, test } from './fixtures';

/** Holds every script of the app until `release` is called. */
async function holdScripts(page: Page) {
	let release = () => {};
	const released = new Promise<void>((ok) => (release = ok));
	const held: Promise<void>[] = [];
	const asked: string[] = [];
	await page.route('**/_app/immutable/**/*.js', (route: Route) => {
		asked.push(route.request().url());
		const done = released.then(() => route.continue());
		held.push(done);
		return done;
	});
	return {
		/** The app's scripts the page has asked for so far. */
		asked,
		release: async () => {
			release();
			await Promise.all(held);
			await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		}
	};
}

const visibleLegend = (page: Page) => page.locator('fieldset legend:visible');

test('the first answer and Continue work before the app runs, and the app picks up from there', async ({
	page
}) => {
	const scripts = await holdScripts(page);
	await page.goto('/check');
	await expect(visibleLegend(page)).toHaveText('Who are you looking for support for?');
	await page.getByLabel('For myself', { exact: true }).check();
	// Nothing of the app is loaded yet: it would compete with the first paint on a slow phone.
	expect(scripts.asked).toEqual([]);
	await page.getByRole('button', { name: 'Continue' }).click();

	// The next question shows at once, focused, announced, with where it is in the questionnaire.
	await expect(visibleLegend(page)).toHaveText('Which opioid is used most?');
	await expect(visibleLegend(page)).toBeFocused();
	await expect(page.locator('#early-announce')).toHaveText(/Question 2 of about \d+/);
	const progress = page.locator('.progress:visible');
	await expect(progress).toHaveText(/^Question 2 of about \d+$/);
	const early = await progress.textContent();
	expect(await page.evaluate(() => document.documentElement.hasAttribute('data-hydrated'))).toBe(
		false
	);
	// A choice made here, still before the app, is kept when it takes over.
	await page.getByRole('radio', { name: 'Heroin', exact: true }).check();

	await scripts.release();
	await expect(step(page)).toHaveAttribute('data-step', 'substance');
	await expect(page.locator('[data-early-for]')).toHaveCount(0);
	await expect(legend(page)).toHaveText('Which opioid is used most?');
	await expect(page.getByLabel('Heroin', { exact: true })).toBeChecked();
	await expect(legend(page)).toBeFocused();
	// What showed early is what the app shows: the same place in the questionnaire.
	await expect(progress).toHaveText(early ?? '');

	// The app owns it now: the answer went through the machine, Back goes to the first question
	// with its answer, and the walk goes on.
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(step(page)).toHaveAttribute('data-step', 'who');
	await expect(page.getByLabel('For myself', { exact: true })).toBeChecked();
	await answer(page, 'For myself');
	await answer(page, 'Heroin');
	await expect(step(page)).not.toHaveAttribute('data-step', 'substance');
	const saved = await page.evaluate(() => sessionStorage.getItem('sgg.session.opioid-support'));
	expect(saved).toContain('myself');
});

test('Continue on the next question before the app runs is not lost either', async ({ page }) => {
	const scripts = await holdScripts(page);
	await page.goto('/es/check');
	await page.locator('fieldset input[value="loved-one"]').check();
	await page.getByRole('button', { name: MESSAGES.es.continue, exact: true }).click();
	await expect(visibleLegend(page)).toHaveText('¿Qué opioide se usa más?');
	await page.locator('fieldset input[value="fentanyl"]:visible').check();
	await page.getByRole('button', { name: MESSAGES.es.continue, exact: true }).click();

	await scripts.release();
	// Both answers went through the machine: the third question shows, in Spanish.
	await expect(step(page)).toHaveAttribute('data-step', 'other-depressants');
	await expect(legend(page)).toHaveText('¿También se usa alcohol o alguna benzodiacepina?');
	await page.goBack();
	await expect(step(page)).toHaveAttribute('data-step', 'substance');
	await expect(page.locator('fieldset input[value="fentanyl"]')).toBeChecked();
});

test('Continue with nothing chosen before the app runs says what to do, and keeps saying it', async ({
	page
}) => {
	const scripts = await holdScripts(page);
	await page.goto('/check');
	await page.getByRole('button', { name: 'Continue' }).click();
	// The error summary, as an alert: the inline handler does not move focus to it.
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('There is a problem');
	await expect(alert).toContainText('Choose one answer to continue.');
	await expect(visibleLegend(page)).toHaveText('Who are you looking for support for?');
	await scripts.release();
	// The app's own summary takes its place, with its link to the first answer.
	await expect(page.getByRole('link', { name: 'Choose one answer to continue.' })).toBeVisible();
	await page.getByLabel('For someone I care about', { exact: true }).check();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page)).toHaveAttribute('data-step', 'substance');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByText('There is a problem')).toHaveCount(0);
});

test('Back on the question shown early returns to the first one, its answer still chosen', async ({
	page
}) => {
	const scripts = await holdScripts(page);
	await page.goto('/check');
	await page.getByLabel('For myself', { exact: true }).check();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(visibleLegend(page)).toHaveText('Which opioid is used most?');
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(visibleLegend(page)).toHaveText('Who are you looking for support for?');
	await expect(visibleLegend(page)).toBeFocused();
	await scripts.release();
	// Nothing was answered: the app stays on the first question, which keeps the choice.
	await expect(step(page)).toHaveAttribute('data-step', 'who');
	await expect(page.getByLabel('For myself', { exact: true })).toBeChecked();
	expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test('Start over after a first answer taken early begins with nothing chosen', async ({ page }) => {
	const scripts = await holdScripts(page);
	await page.goto('/check');
	await page.getByLabel('For myself', { exact: true }).check();
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('radio', { name: 'Heroin', exact: true }).check();
	await scripts.release();
	await expect(step(page)).toHaveAttribute('data-step', 'substance');
	await answerEach(page, [
		'Heroin',
		'No, neither',
		'Still using',
		'None of these',
		'No, or this does not apply to me',
		'Maybe, I want to learn more',
		"I'd rather have none",
		'No',
		'Practical tools and skills',
		'Online'
	]);
	await answer(page);
	await page.getByRole('button', { name: 'See my result' }).click();
	await page.getByRole('button', { name: 'Start over' }).click();
	await expect(step(page)).toHaveAttribute('data-step', 'who');
	await expect(page.locator('fieldset input:checked')).toHaveCount(0);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('link', { name: 'Choose one answer to continue.' })).toBeVisible();
});

test('Back on the first question before the app runs goes to the start page', async ({ page }) => {
	await holdScripts(page);
	await page.goto('/es/check');
	await page.getByRole('button', { name: MESSAGES.es.back, exact: true }).click();
	await expect(page).toHaveURL(/\/es$/);
});

test('a tab with saved answers is not shown the early question: the app restores them', async ({
	page
}) => {
	await open(page, '/check');
	await answer(page, 'For myself');
	await answer(page, 'Heroin');
	const scripts = await holdScripts(page);
	await page.reload();
	await page.getByLabel('For someone I care about', { exact: true }).check();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.locator('[data-early-for]:visible')).toHaveCount(0);
	await scripts.release();
	// The saved place wins; the tap on the stale first question changed nothing.
	await expect(step(page)).toHaveAttribute('data-step', 'other-depressants');
	const saved = await page.evaluate(() => sessionStorage.getItem('sgg.session.opioid-support'));
	expect(saved).toContain('myself');
	expect(saved).not.toContain('loved-one');
});
