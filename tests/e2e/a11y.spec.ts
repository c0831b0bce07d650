import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { localizedPath } from '../../src/lib/i18n/paths';
import { answerIn, expect, legend, MESSAGES, open, step, test } from './fixtures';
import type { Locale } from './flow';
import { openPlanForm } from './walks';
import { sharingEn } from '../../src/lib/i18n/sharing/en';
import { sharingEs } from '../../src/lib/i18n/sharing/es';

const SHARING = { en: sharingEn, es: sharingEs };

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * A theme changes colours only (the same page: the same structure, names, roles and sizes), so
 * the dark theme is checked by axe's colour rules and the light one by every rule.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function expectNoViolations(page: Page, screen: string, rules?: string[]) {
	// axe checks the whole page, not what is in view, with one exception: a target that happens to
	// sit half under the sticky header at the test's last scroll position counts as too small. Where
	// the last step left the page is an accident of the walk (and moved with every layout change),
	// so every screen is checked from its top, where the header covers nothing.
	await page.evaluate(() => window.scrollTo(0, 0));
	const axe = new AxeBuilder({ page }).withTags(TAGS);
	const { violations } = await (rules ? axe.withRules(rules) : axe).analyze();
	expect(
		violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`),
		`axe violations on ${screen}`
	).toEqual([]);
}

/**
 * Visits every screen type, in one language: welcome, the pages, a question, an emergency screen,
 * the danger question (checkboxes, one ticked), review, the result (with checklists and a
 * medication caution, and groups for the loved one), a question with its error message, and the
 * counselor page. Answers are given by option value, so the walk is the same in every language.
 */
async function everyScreen(page: Page, locale: Locale, check: (screen: string) => Promise<void>) {
	const m = MESSAGES[locale];
	const at = (path: string) => localizedPath(path, locale);
	await open(page, at('/'));
	await check('welcome');
	for (const path of ['/help', '/about', '/privacy']) {
		await open(page, at(path));
		await check(path);
	}
	await open(page, at('/'));
	await page.getByRole('link', { name: m.start, exact: true }).click();
	await expect(legend(page)).toBeVisible();
	await check('question');
	await answerIn(page, locale, 'loved-one');
	await answerIn(page, locale, 'heroin');
	await answerIn(page, locale, 'both');
	await expect(step(page)).toHaveAttribute('data-step', 'emergency');
	await check('emergency');
	await page.getByRole('button', { name: m.emergencyContinue }).click();
	await answerIn(page, locale, 'withdrawal-now');
	await expect(step(page)).toHaveAttribute('data-step', 'danger-signs');
	await expect(page.locator('fieldset input[type="checkbox"]')).toHaveCount(5);
	await page.locator('fieldset input[value="none"]').check();
	await check('danger question (checkboxes)');
	await page.getByRole('button', { name: m.continue, exact: true }).click();
	for (const value of ['no', 'maybe', 'both', 'welcome']) await answerIn(page, locale, value);
	await page.locator('fieldset input[value="online"]').check();
	await page.getByRole('button', { name: m.continue, exact: true }).click();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(step(page)).toHaveAttribute('data-step', 'review');
	await check('review');
	await page.getByRole('button', { name: m.seeResult }).click();
	await expect(page.locator('section[data-section="checklists"]')).toBeVisible();
	await expect(page.locator('[data-caution="medication"]').first()).toBeVisible();
	await expect(page.locator('section[data-section="loved-one"]')).toBeVisible();
	await expect(page.getByLabel(m.shareLinkLabel)).toBeVisible();
	await check('result');
	// The meeting plan: its error summary, then one meeting with how it went.
	const t = SHARING[locale];
	await openPlanForm(page);
	await page.getByRole('button', { name: t.planAdd }).click();
	await expect(page.locator('section[data-section="plan"] [role="alert"]')).toBeFocused();
	await check('plan with errors');
	await page.locator('input[name="plan-group"]').first().check();
	await page.getByLabel(t.planDate, { exact: true }).fill('2099-12-30');
	await page.getByRole('button', { name: t.planAdd }).click();
	await page.getByRole('radio', { name: t.statuses.went, exact: true }).check();
	await check('plan with a meeting');
	const link = new URL(await page.getByLabel(m.shareLinkLabel).inputValue());
	// The error message for a missing answer is a screen state of its own.
	await page.getByRole('button', { name: m.startOver }).click();
	await page.getByRole('button', { name: m.continue, exact: true }).click();
	await expect(page.getByText(m.errorSummary)).toBeVisible();
	await check('question with error');
	// The counselor's page, opened from the link, with safety flags, cautions and checklists.
	await open(page, at('/shared') + link.hash);
	await expect(page.locator('section[data-section="flags"]')).toBeVisible();
	await expect(page.locator('section[data-section="checklists"]')).toBeVisible();
	await expect(page.locator('[data-caution="medication"]').first()).toBeVisible();
	await expect(page.locator('section[data-section="plan"] li')).toHaveCount(1);
	await check('counselor');
	// A counselor's invite (its key not kept), and the page a person lands on from it.
	await page.getByLabel(t.receiveName, { exact: true }).fill('Clinic: Room 4');
	await page.getByRole('button', { name: t.receiveMake }).click();
	const invite = new URL(await page.getByRole('textbox', { name: t.inviteLinkLabel }).inputValue());
	await check('counselor invite');
	await open(page, at('/invite') + invite.hash);
	await expect(page.locator('[data-invite]')).toBeVisible();
	await check('invite');
}

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });

		for (const locale of ['en', 'es'] as const)
			test(`axe finds no WCAG 2.2 AA violation on any screen, ${locale} (${colorScheme})`, async ({
				page
			}) => {
				test.setTimeout(90_000);
				await everyScreen(page, locale, async (screen) => {
					await expect(page.locator('html')).toHaveAttribute('lang', locale);
					await expectNoViolations(
						page,
						`${screen} ${locale} ${colorScheme}`,
						colorScheme === 'dark' ? COLOUR_RULES : undefined
					);
				});
			});
	});
}

test('the whole questionnaire works with the keyboard alone', async ({ page }) => {
	await open(page, '/');
	// Tab from the top of the page to Start.
	let guard = 0;
	while (
		!(await page
			.getByRole('link', { name: 'Start' })
			.evaluate((el) => el === document.activeElement))
	) {
		await page.keyboard.press('Tab');
		if (++guard > 20) throw new Error('Start is not reachable with Tab');
	}
	await page.keyboard.press('Enter');
	// The first question is a page of its own: the focus starts at its top, as on any page load,
	// and Tab goes past the skip link and the header to the first answer.
	await expect(legend(page)).toBeVisible();
	const first = page.locator('fieldset input:visible').first();
	guard = 0;
	while (!(await first.evaluate((el) => el === document.activeElement))) {
		await page.keyboard.press('Tab');
		if (++guard > 10) throw new Error('the first answer is not reachable with Tab');
	}
	await page.keyboard.press('Space');
	await page.keyboard.press('Enter');
	await expect(step(page)).toHaveAttribute('data-step', 'substance');
	await expect(legend(page)).toBeFocused();

	/** Tab to the first option, arrow to the wanted one (radio groups), Space, then Enter submits. */
	async function choose(index: number) {
		await page.keyboard.press('Tab');
		for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Space');
		const before = await step(page).getAttribute('data-step');
		await page.keyboard.press('Enter');
		await expect(step(page)).not.toHaveAttribute('data-step', before ?? '');
		await expect(page.locator('[data-step-focus]')).toBeFocused();
	}

	await choose(0); // Heroin (For myself was chosen above)
	await choose(0); // No, neither
	await choose(2); // In a detox or treatment program
	// The danger question's checkboxes: Tab from box to box, Space ticks "None of these".
	await page.keyboard.press('Tab');
	for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
	await expect(page.getByLabel('None of these', { exact: true })).toBeFocused();
	await page.keyboard.press('Space');
	await expect(page.getByLabel('None of these', { exact: true })).toBeChecked();
	await page.keyboard.press('Enter');
	await expect(step(page)).toHaveAttribute('data-step', 'pregnant');
	await expect(page.locator('[data-step-focus]')).toBeFocused();
	await choose(2); // No, or this does not apply to me
	await choose(0); // Open to it
	await choose(2); // I'd rather have none
	await choose(2); // No meditation
	await choose(1); // Practical tools and skills
	await choose(1); // Online
	// The optional checkboxes: tick the first with Space, then submit with Enter.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeFocused();
	let tabs = 0;
	while (
		!(await page
			.getByRole('button', { name: 'See my result' })
			.evaluate((el) => el === document.activeElement))
	) {
		await page.keyboard.press('Tab');
		if (++tabs > 40) throw new Error('See my result is not reachable with Tab');
	}
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Your result' })).toBeFocused();
	await expect(page.locator('[data-style]').first()).toHaveAttribute('data-style', 'secular');
	// The ticked box counted: women-only groups are offered too.
	await expect(page.locator('[data-style="women"]')).toBeVisible();
});

test.describe('at 320 px wide (a phone, or 400 % zoom of a 1280 px window)', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	for (const locale of ['en', 'es'] as const)
		test(`no screen scrolls sideways, and every control is at least 44 px tall (${locale})`, async ({
			page
		}) => {
			test.setTimeout(90_000);
			await everyScreen(page, locale, async (screen) => {
				const width = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(width, `${screen} scrolls sideways`).toBeLessThanOrEqual(320);
				const small = await page.evaluate(() =>
					[...document.querySelectorAll<HTMLElement>('button, a.button, .option, summary')]
						.filter((el) => el.offsetParent !== null && el.getBoundingClientRect().height < 44)
						.map((el) => el.textContent?.trim())
				);
				expect(small, `${screen}: targets under 44 px`).toEqual([]);
			});
		});
});
