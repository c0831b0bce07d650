import type { Locator, Page } from '@playwright/test';
import { answer, answerEach, expect, step } from './fixtures';

/**
 * From the first question to review for a calm path: for myself, heroin, finished a supervised
 * detox, no danger sign ("None of these"), no medication, in person.
 */
export async function answerCalmlyToReview(page: Page) {
	await answerEach(page, [
		'For myself',
		'Heroin',
		'No, neither',
		'Finished a detox with medical supervision'
	]);
	await answerEach(page, [
		'None of these',
		'No, or this does not apply to me',
		'No, not right now'
	]);
	await answerEach(page, ['I welcome it', 'No', 'Not sure', 'In person']);
	await answer(page);
}

/** The calm path (answerCalmlyToReview) on to its result. */
export async function answerCalmly(page: Page) {
	await answerCalmlyToReview(page);
	await page.getByRole('button', { name: 'See my result' }).click();
	await expect(step(page)).toHaveAttribute('data-step', 'result');
}

/** Opens a folded panel (a details element) by its summary, as a tap would, unless it is open. */
async function openPanel(panel: Locator) {
	if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open)))
		await panel.locator('summary').click();
	await expect(panel).toHaveAttribute('open', '');
}

/** Opens the share section's "Other ways to share" (print, text, e-mail, the health-record file). */
export const openShareMore = (page: Page) =>
	openPanel(page.locator('section[data-section="share"] [data-share-more]'));

/** Opens the meeting plan's "Add a meeting" panel. */
export const openPlanForm = (page: Page) =>
	openPanel(page.locator('section[data-section="plan"] [data-plan-add]'));
