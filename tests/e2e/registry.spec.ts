/**
 * Flows as a registry: the end-to-end build also serves the small fixture flow
 * (tests/fixtures/valid/minimal.json, SGG_TEST_FLOWS=1 in playwright.config.ts) under its own id,
 * beside the site's own flow at the short addresses. A second flow is a JSON file, nothing more.
 */
import { readFileSync } from 'node:fs';
import { answer, expect, open, step, test } from './fixtures';
import { FLOW, prompt } from './flow';

const MINIMAL = JSON.parse(readFileSync('tests/fixtures/valid/minimal.json', 'utf8')) as {
	id: string;
	version: number;
	title: Record<string, string>;
	questions: { id: string; prompt: Record<string, string> }[];
	styles: { id: string; name: Record<string, string> }[];
};
const minimalPrompt = (id: string, locale = 'en') =>
	MINIMAL.questions.find((q) => q.id === id)?.prompt[locale] as string;

test('a second flow is walked to its result under its own address, then opened by a counselor', async ({
	page,
	browser
}) => {
	await open(page, `/check/${MINIMAL.id}`);
	await expect(page).toHaveTitle(new RegExp(MINIMAL.title.en as string));
	await expect(page.locator('fieldset legend')).toHaveText(minimalPrompt('status'));
	await answer(page, 'Sick');
	await expect(page.locator('fieldset legend')).toHaveText(minimalPrompt('danger'));
	await answer(page, 'No');
	await answer(page, 'None');
	await answer(page, 'Online');
	await page.getByRole('button', { name: 'See my result' }).click();
	await expect(step(page)).toHaveAttribute('data-step', 'result');
	await expect(page.getByRole('heading', { name: 'Detox with help' })).toBeVisible();
	const link = await page.getByLabel('Link to your answers').inputValue();
	expect(link).toMatch(
		new RegExp(`/shared/${MINIMAL.id}#1\\.${MINIMAL.id}\\.${MINIMAL.version}\\.`)
	);

	// Saved per flow: the site's own questionnaire starts fresh beside it.
	const keys = await page.evaluate(() => Object.keys(sessionStorage));
	expect(keys).toContain(`sgg.session.${MINIMAL.id}`);
	await open(page, '/check');
	await expect(page.locator('fieldset legend')).toHaveText(prompt(FLOW.questions[0]!.id));

	// A counselor who opens the link at the short address is taken to the flow it names.
	const counselor = await browser.newContext();
	const view = await counselor.newPage();
	const fragment = link.split('#')[1] as string;
	await open(view, `/shared#${fragment}`);
	await expect(view).toHaveURL(new RegExp(`/shared/${MINIMAL.id}#${fragment}$`));
	await expect(view.locator('section[data-section="answers"]')).toContainText('Online');
	await counselor.close();
});

test('a second flow reads in Spanish under /es/, and an unknown flow id is no page', async ({
	page
}) => {
	await open(page, `/es/check/${MINIMAL.id}`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.locator('fieldset legend')).toHaveText(minimalPrompt('status', 'es'));
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(new RegExp(`/check/${MINIMAL.id}$`));
	await expect(page.locator('fieldset legend')).toHaveText(minimalPrompt('status'));
	const missing = await page.request.get('/check/no-such-flow');
	expect(missing.status()).toBe(404);
});
