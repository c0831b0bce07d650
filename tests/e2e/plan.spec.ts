import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { sharingEn as s } from '../../src/lib/i18n/sharing/en';
import { expect, open, start, test, hydrated } from './fixtures';
import { answerCalmly, openPlanForm } from './walks';

/** A day `days` from today in the browser's own calendar, as a date input takes it. */
async function dayFromNow(page: Page, days: number) {
	return page.evaluate((n) => {
		const d = new Date();
		d.setDate(d.getDate() + n);
		const pad = (x: number) => String(x).padStart(2, '0');
		return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	}, days);
}

async function plan(
	page: Page,
	index: number,
	mode: string,
	days: number,
	time: string,
	note: string
) {
	await openPlanForm(page);
	await page
		.locator('input[name="plan-group"]')
		.nth(index - 1)
		.check();
	await page.getByRole('radio', { name: mode, exact: true }).check();
	await page.getByLabel(s.planDate, { exact: true }).fill(await dayFromNow(page, days));
	if (time !== '') await page.getByLabel(s.planTime, { exact: true }).fill(time);
	await page.getByLabel(s.planNote, { exact: true }).fill(note);
	await page.getByRole('button', { name: s.planAdd }).click();
}

test('a two-week plan: chosen, checked, put in a calendar, kept on reload and read by the counselor', async ({
	page,
	browser
}) => {
	await start(page);
	await answerCalmly(page);
	const section = page.locator('section[data-section="plan"]');
	await expect(section.getByRole('heading', { name: s.planHeading })).toBeVisible();

	// Folded until wanted: a phone reaches the rest of the result first.
	await expect(section.getByLabel(s.planDate, { exact: true })).toBeHidden();
	await openPlanForm(page);
	// Nothing chosen: an error summary takes the focus and leads to each field.
	await page.getByRole('button', { name: s.planAdd }).click();
	const summary = section.getByRole('alert');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText(s.planGroupMissing);
	await expect(summary).toContainText(s.planDateMissing);
	await summary.getByRole('link', { name: s.planDateMissing }).click();
	await expect(page.getByLabel(s.planDate, { exact: true })).toBeFocused();
	await expect(page.getByLabel(s.planDate, { exact: true })).toHaveAttribute(
		'aria-invalid',
		'true'
	);

	// Only the groups of this result can be picked: exactly the programs on its cards.
	const offered = await page
		.locator('input[name="plan-group"]')
		.evaluateAll((inputs) =>
			inputs.map((i) =>
				i.closest('label')?.firstElementChild?.nextElementSibling?.firstChild?.textContent?.trim()
			)
		);
	const shown = await page
		.locator('[data-style] .programs strong')
		.evaluateAll((els) => els.map((e) => e.textContent?.trim()));
	expect(offered.length).toBeGreaterThan(0);
	expect(new Set(offered)).toEqual(new Set(shown));

	await plan(page, 1, s.modes.online, 2, '19:30', 'with Mom');
	await expect(section.getByRole('status')).toContainText('was added to your plan');
	await plan(page, 2, s.modes['in-person'], 9, '', 'church hall');
	await expect(section.locator('[data-planned]')).toHaveCount(2);
	await expect(section.locator('[data-planned]').first()).toContainText('with Mom');
	await expect(section.locator('[data-planned]').nth(1)).toContainText(s.planAnyTime);

	// The calendar file is made on the device: one event with a reminder, at the time typed.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		section.locator('[data-planned]').first().getByRole('button', { name: s.planCalendar }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.ics$/);
	const ics = readFileSync((await download.path()) as string, 'utf8');
	expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
	expect(ics).toContain('BEGIN:VEVENT');
	expect(ics).toMatch(/DTSTART[^:\r\n]*:\d{8}T193000\r\n/);
	expect(ics).toContain('BEGIN:VALARM');
	expect(ics).toContain('with Mom');

	// Afterwards: how it went, kept across a reload.
	const first = section.locator('[data-planned]').first();
	await first.getByRole('radio', { name: s.statuses.went, exact: true }).check();
	await page.reload();
	await hydrated(page);
	await expect(section.locator('[data-planned]')).toHaveCount(2);
	await expect(
		section
			.locator('[data-planned]')
			.first()
			.getByRole('radio', { name: s.statuses.went, exact: true })
	).toBeChecked();

	// The plan is in the printout.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('#plan-print-heading')).toBeVisible();
	await expect(section).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	// The link carries the plan in under 200 characters, and the counselor reads it with its progress.
	const link = await page.getByLabel('Link to your answers').inputValue();
	console.log(`share link with a two-meeting plan: ${link.length} characters`);
	expect(link).toMatch(/\/shared#2\./);
	expect(
		new URL(link).pathname.length +
			new URL(link).hash.length +
			'https://support-group-guide.invalid'.length
	).toBeLessThan(200);
	const counselor = await browser.newContext();
	const view = await counselor.newPage();
	await open(view, link);
	const planned = view.locator('section[data-section="plan"]');
	await expect(planned.getByRole('heading', { name: s.planCounselorHeading })).toBeVisible();
	await expect(planned.locator('li')).toHaveCount(2);
	await expect(planned.locator('li').first()).toContainText('with Mom');
	await expect(planned.locator('li').first()).toHaveAttribute('data-status', 'went');
	await expect(planned.locator('li').nth(1)).toContainText(s.statuses.planned);
	await counselor.close();

	// Removing one says so, and the plan can then hold a third again.
	await section
		.locator('[data-planned]')
		.nth(1)
		.getByRole('button', { name: /Remove/ })
		.click();
	await expect(section.locator('[data-planned]')).toHaveCount(1);
	await expect(section.getByRole('status')).toContainText('was removed from your plan');
});

test('a plan holds three meetings at most, and Forget my answers deletes it', async ({ page }) => {
	await start(page);
	await answerCalmly(page);
	const section = page.locator('section[data-section="plan"]');
	for (const [i, days] of [1, 3, 5].entries())
		await plan(page, 1, s.modes.phone, days, '', `try ${i + 1}`);
	await expect(section.locator('[data-planned]')).toHaveCount(3);
	await expect(section.getByText(s.planFull)).toBeVisible();
	await expect(page.getByRole('button', { name: s.planAdd })).toHaveCount(0);
	expect(await page.evaluate(() => Object.keys(sessionStorage))).toContain(
		'sgg.plan.opioid-support'
	);

	await page.getByRole('button', { name: 'Forget my answers' }).click();
	await page.getByRole('button', { name: 'Yes, forget' }).click();
	expect(
		await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('sgg.')))
	).toEqual([]);
});

test('a saved plan that is not ours starts afresh with a notice', async ({ page }) => {
	await start(page);
	await answerCalmly(page);
	await page.evaluate(() => sessionStorage.setItem('sgg.plan.opioid-support', '[{"program":"x"'));
	await page.reload();
	await hydrated(page);
	await expect(page.getByText(s.planCorrupt)).toBeVisible();
	await expect(page.locator('section[data-section="plan"] [data-planned]')).toHaveCount(0);
});

/** Presses Tab until `target` has the focus (a few presses at most), as a keyboard user would. */
async function tabTo(page: Page, target: Locator) {
	for (let i = 0; i < 8 && !(await target.evaluate((el) => el === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(target).toBeFocused();
}

test('a meeting can be planned and marked with the keyboard alone', async ({ page }) => {
	await start(page);
	await answerCalmly(page);
	const section = page.locator('section[data-section="plan"]');
	// Enter on the folded panel opens it; Enter on Add with nothing chosen: the error summary
	// takes the focus and leads to the group.
	await section.locator('[data-plan-add] summary').focus();
	await page.keyboard.press('Enter');
	await expect(section.locator('[data-plan-add]')).toHaveAttribute('open', '');
	await section.getByRole('button', { name: s.planAdd }).focus();
	await page.keyboard.press('Enter');
	await expect(section.getByRole('alert')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(section.getByRole('link', { name: s.planGroupMissing })).toBeFocused();
	await page.keyboard.press('Enter');
	const first = page.locator('input[name="plan-group"]').first();
	await expect(first).toBeFocused();
	await page.keyboard.press('Space');
	await expect(first).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('radio', { name: s.modes['in-person'], exact: true })).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('radio', { name: s.modes.online, exact: true })).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByLabel(s.planDate, { exact: true })).toBeFocused();
	await page.keyboard.type('12302099');
	await expect(page.getByLabel(s.planDate, { exact: true })).toHaveValue('2099-12-30');
	// Past the time (its hour, minute and AM/PM parts each take a Tab) to the note.
	await tabTo(page, page.getByLabel(s.planNote, { exact: true }));
	await page.keyboard.type('with Mom');
	await page.keyboard.press('Enter');
	await expect(section.locator('[data-planned]')).toHaveCount(1);
	await expect(section.locator('[data-planned]')).toContainText('with Mom');
	// How it went: the status radios answer to the arrow keys.
	await section.getByRole('radio', { name: s.statuses.planned, exact: true }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(section.getByRole('radio', { name: s.statuses.went, exact: true })).toBeChecked();
	await expect(section.getByRole('status')).toHaveText(s.planStatusSaved);
});
