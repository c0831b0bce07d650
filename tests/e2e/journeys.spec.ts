import { answer, expect, legend, open, start, step, test } from './fixtures';

const STEPS_SPONSOR =
	'Working through steps with a sponsor (a member with more time in recovery who guides you)';
const ON_MOUD = 'Taking methadone, buprenorphine or naltrexone from a clinic or doctor';

test('myself, heroin, still using, secular, tools, online: a secular group with my reasons', async ({
	page
}) => {
	await start(page);
	await expect(page.locator('p.progress')).toHaveText(/^Question 1 of about \d+$/);
	await answer(page, 'For myself');
	await answer(page, 'Heroin');
	await answer(page, 'No, neither');
	await answer(page, 'Still using');
	await answer(page, 'None of these');
	await answer(page, 'Maybe, I want to learn more');
	await answer(page, "I'd rather have none");
	await answer(page, 'No');
	await answer(page, 'Practical tools and skills');
	await answer(page, 'Online');
	await answer(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
	await page.getByRole('button', { name: 'See my result' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Your result' })).toBeVisible();
	// Safety first: the first section is the supervised-detox advice, before any group.
	const sections = page.locator('section[data-section]');
	await expect(sections.first()).toHaveAttribute('data-section', 'safety');
	await expect(sections.first().locator('h3').first()).toHaveText(
		'First: stop opioids with medical help'
	);
	await expect(sections.first()).toContainText('While opioids are still used');
	await expect(sections.first()).toContainText('Carry naloxone');
	const best = page.locator('[data-style]').first();
	await expect(best).toHaveAttribute('data-style', 'secular');
	await expect(best).toContainText('Best fit');
	await expect(best).toContainText('You said you prefer no spiritual words');
	await expect(best.getByRole('link', { name: /SMART/ }).first()).toHaveAttribute(
		'href',
		/^https:\/\//
	);
	await expect(page.getByRole('heading', { name: 'Share with your counselor' })).toBeVisible();
	// The order the design promises: safety, recommendations, then sharing.
	await expect(sections.last()).toHaveAttribute('data-section', 'share');
});

test('someone I care about: groups for them and for me', async ({ page }) => {
	await start(page);
	await answer(page, 'For someone I care about');
	await answer(page, 'Fentanyl, or pills that may contain it');
	await answer(page, 'No, neither');
	await answer(page, 'In a detox or treatment program');
	await answer(page, 'Open to it');
	await expect(legend(page)).toHaveText('What kind of help are you looking for?');
	await answer(page, 'Both');
	await answer(page, 'I welcome it');
	await answer(page, 'Maybe');
	await answer(page, 'Not sure');
	await answer(page, 'In person');
	await answer(page);
	await page.getByRole('button', { name: 'See my result' }).click();
	await expect(
		page.getByRole('heading', { name: 'Group styles that may fit the person you care about' })
	).toBeVisible();
	const forMe = page.locator('section[data-section="loved-one"]');
	await expect(forMe.getByRole('heading', { name: 'Support for you' })).toBeVisible();
	await expect(forMe.locator('[data-style]').first()).toHaveAttribute(
		'data-style',
		'family-twelve-step'
	);
	await expect(page.locator('[data-advice="fentanyl"]')).toBeVisible();
	await expect(page.locator('[data-advice="craft"]')).toBeVisible();
});

test('in withdrawal with a danger sign: emergency help first, then continue', async ({ page }) => {
	await start(page);
	await answer(page, 'For myself');
	await answer(page, 'Opium');
	await answer(page, 'No, neither');
	await answer(page, 'In withdrawal now');
	await answer(page, 'A seizure, chest pain, trouble breathing, or confusion');
	await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	await expect(page.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
	await expect(page.getByRole('link', { name: 'Call 1-800-222-1222' })).toHaveAttribute(
		'href',
		'tel:18002221222'
	);
	await page.getByRole('button', { name: 'I am safe, continue' }).click();
	await expect(legend(page)).toHaveText(/medication for opioid use disorder/);
	await answer(page, 'Open to it');
	await answer(page, "I'm open to it");
	await answer(page, 'Yes');
	await answer(page, 'Mostly open sharing and listening');
	await answer(page, 'Either');
	await answer(page);
	await page.getByRole('button', { name: 'See my result' }).click();
	const safety = page.locator('section[data-section="safety"]');
	await expect(safety.locator('[data-section="dangers"]')).toContainText('Call 911 now');
	await expect(safety.locator('[data-advice]').first()).toHaveAttribute(
		'data-advice',
		'supervised-detox'
	);
	await expect(safety).toContainText('In withdrawal now');
});

test('on buprenorphine, wanting steps and a sponsor: the medication stance is shown', async ({
	page
}) => {
	await start(page);
	await answer(page, 'For myself');
	await answer(
		page,
		'Prescription painkillers, such as oxycodone, hydrocodone, morphine or codeine'
	);
	await answer(page, 'No, neither');
	await answer(page, ON_MOUD);
	// No question about openness to medication: the person already takes it.
	await expect(legend(page)).toHaveText(/spiritual words/);
	await answer(page, 'I welcome it');
	await answer(page, 'No');
	await answer(page, STEPS_SPONSOR);
	await answer(page, 'In person');
	await answer(page);
	await page.getByRole('button', { name: 'See my result' }).click();
	await expect(page.locator('[data-advice="status-on-moud"]')).toBeVisible();
	const twelveStep = page.locator('[data-style="twelve-step"]');
	await expect(twelveStep).toBeVisible();
	await expect(
		twelveStep.getByRole('heading', { name: 'Medication for opioid use disorder' })
	).toBeVisible();
	await expect(twelveStep).toContainText('Ask the group');
	await expect(twelveStep.getByRole('link', { name: /NA/ }).first()).toHaveAttribute(
		'href',
		'https://www.na.org/meetingsearch/'
	);
});

test('not ready to stop: harm reduction without pressure', async ({ page }) => {
	await start(page);
	await answer(page, 'For myself');
	await answer(page, 'Not sure');
	await answer(page, 'Not sure');
	await answer(page, 'Not ready to stop');
	await answer(page, 'None of these');
	await answer(page, 'No, not right now');
	await answer(page, "I'm open to it");
	await answer(page, 'Maybe');
	await answer(page, 'Not sure');
	await answer(page, 'By phone');
	await answer(page);
	await page.getByRole('button', { name: 'See my result' }).click();
	await expect(page.locator('[data-advice="status-not-ready"]')).toBeVisible();
	await expect(page.locator('[data-advice="naloxone"]')).toBeVisible();
	await expect(page.locator('[data-advice="depressants-unsure"]')).toBeVisible();
	await expect(page.locator('[data-style]').first()).toBeVisible();
});

test('Spanish throughout, and switching keeps the answers and the step', async ({ page }) => {
	await start(page);
	await answer(page, 'For myself');
	await page.getByRole('button', { name: 'Español' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(legend(page)).toHaveText('¿Qué opioide se usa más?');
	await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
	await page.getByRole('button', { name: 'Atrás' }).click();
	await expect(page.getByLabel('Para mí', { exact: false }).first()).toBeChecked();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByLabel('Heroína', { exact: true }).check();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(legend(page)).toHaveText('¿También se usa alcohol o alguna benzodiacepina?');
	await expect(page.locator('p.progress')).toHaveText(/^Pregunta 3 de unas \d+$/);
	await expect(page.getByRole('link', { name: 'Ayuda ahora' })).toBeVisible();
	// A reload keeps the language and the place.
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(legend(page)).toHaveText('¿También se usa alcohol o alguna benzodiacepina?');
});

test('change an answer from review and come back to review', async ({ page }) => {
	await start(page);
	for (const a of ['For myself', 'Heroin', 'No, neither', 'In a detox or treatment program'])
		await answer(page, a);
	for (const a of ['Open to it', 'I welcome it', 'Yes', STEPS_SPONSOR, 'In person'])
		await answer(page, a);
	await answer(page);
	await page.getByRole('button', { name: /Change: Where do things stand/ }).click();
	await expect(legend(page)).toHaveText('Where do things stand with opioids right now?');
	await expect(page.getByLabel('In a detox or treatment program')).toBeChecked();
	await answer(page, 'In withdrawal now');
	// A new question appears because of the change; answered ones are skipped.
	await expect(legend(page)).toHaveText('Right now, is any of this happening?');
	await answer(page, 'None of these');
	await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
	await expect(page.locator('dl')).toContainText('In withdrawal now');
	await expect(page.locator('dl')).toContainText('None of these');
});

test('browser Back and Forward move between questions without losing answers', async ({ page }) => {
	await start(page);
	await answer(page, 'For myself');
	await answer(page, 'Heroin');
	await expect(step(page)).toHaveAttribute('data-step', 'other-depressants');
	await page.goBack();
	await expect(step(page)).toHaveAttribute('data-step', 'substance');
	await expect(page.getByLabel('Heroin', { exact: true })).toBeChecked();
	await page.goBack();
	await expect(step(page)).toHaveAttribute('data-step', 'who');
	await page.goForward();
	await expect(step(page)).toHaveAttribute('data-step', 'substance');
	await expect(page.getByLabel('Heroin', { exact: true })).toBeChecked();
});

test('a reload mid-way resumes at the same question', async ({ page }) => {
	await start(page);
	await answer(page, 'For myself');
	await answer(page, 'Heroin');
	await answer(page, 'Alcohol');
	// Alcohol with opioids interrupts with urgent advice first.
	await expect(step(page)).toHaveAttribute('data-step', 'emergency');
	await page.getByRole('button', { name: 'I am safe, continue' }).click();
	await expect(step(page)).toHaveAttribute('data-step', 'detox-status');
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(step(page)).toHaveAttribute('data-step', 'detox-status');
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(page.getByLabel('Alcohol', { exact: true })).toBeChecked();
});

test('a corrupt saved session starts fresh with a calm notice', async ({ page }) => {
	await open(page, '/');
	await page.evaluate(() =>
		sessionStorage.setItem(
			'sgg.session',
			'{"v":1,"flow":"opioid-support","answers":{"who":"nobody"'
		)
	);
	await open(page, '/check');
	await expect(page.getByText('We could not restore your earlier answers')).toBeVisible();
	await expect(step(page)).toHaveAttribute('data-step', 'who');
	expect(await page.evaluate(() => sessionStorage.getItem('sgg.session'))).toBeNull();
});

test('an unknown language in the address falls back to English with a notice', async ({ page }) => {
	await open(page, '/?lang=fr');
	await expect(page.getByText('The language "fr" is not available')).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('forget my answers leaves nothing in storage', async ({ page }) => {
	await start(page);
	for (const a of [
		'For myself',
		'Heroin',
		'No, neither',
		'Finished a detox with medical supervision'
	])
		await answer(page, a);
	for (const a of ['Open to it', 'I welcome it', 'Yes', STEPS_SPONSOR, 'In person'])
		await answer(page, a);
	await answer(page);
	expect(await page.evaluate(() => sessionStorage.getItem('sgg.session'))).not.toBeNull();
	await page.getByRole('button', { name: 'Forget my answers' }).click();
	await expect(page.getByText('Your answers were deleted from this device.')).toBeVisible();
	await expect(step(page)).toHaveAttribute('data-step', 'who');
	expect(await page.evaluate(() => sessionStorage.getItem('sgg.session'))).toBeNull();
});

test.describe('quick exit', () => {
	test.use({ allowOffOrigin: ['https://www.bbc.co.uk/'] });

	test('the button wipes the answers and Back does not return to them', async ({ page }) => {
		await start(page);
		await answer(page, 'For myself');
		await answer(page, 'Heroin');
		await page.getByRole('button', { name: 'Quick exit' }).click();
		await page.waitForURL(/bbc\.co\.uk\/weather/);
		await page.goBack();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		// Back lands on an earlier entry at most, never on the answers: they are gone.
		expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
		await expect(page.getByLabel('Heroin', { exact: true })).toHaveCount(0);
	});

	test('pressing Escape twice leaves from any screen', async ({ page }) => {
		await open(page, '/help');
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		await page.waitForURL(/bbc\.co\.uk\/weather/);
		expect(page.url()).toContain('bbc.co.uk/weather');
	});
});

test('the start page says when earlier answers are kept, and Start picks them up', async ({
	page
}) => {
	await open(page, '/');
	await expect(page.getByText('Your earlier answers are kept')).toHaveCount(0);
	await page.getByRole('link', { name: 'Start' }).click();
	await answer(page, 'For myself');
	await answer(page, 'Opium');
	await open(page, '/');
	await expect(page.getByText('Your earlier answers are kept')).toBeVisible();
	await page.getByRole('link', { name: 'Start' }).click();
	await expect(step(page)).toHaveAttribute('data-step', 'other-depressants');
});
