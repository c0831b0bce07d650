import { answer, answerEach, expect, legend, open, start, step, test, hydrated } from './fixtures';
import { danger, labelOf, prompt } from './flow';

const STEPS_SPONSOR =
	'Working through steps with a sponsor (a member with more time in recovery who guides you)';
const ON_MOUD = 'Taking methadone, buprenorphine or naltrexone from a clinic or doctor';
const PAINKILLERS =
	'Prescription painkillers from a pharmacy, such as oxycodone, hydrocodone, morphine or codeine';
const NONE_OF_THESE = 'None of these';
const NOT_PREGNANT = 'No, or this does not apply to me';

test('myself, heroin, still using, secular, tools, online: a secular group with my reasons', async ({
	page
}) => {
	await start(page);
	await expect(page.locator('p.progress')).toHaveText('Question 1 of about 12');
	await answer(page, 'For myself');
	await answer(page, 'Heroin');
	await answer(page, 'No, neither');
	await answer(page, 'Still using');
	// The danger question is asked of everyone, right after where things stand.
	await expect(legend(page)).toHaveText(prompt('danger-signs'));
	await answer(page, NONE_OF_THESE);
	await answer(page, NOT_PREGNANT);
	await answer(page, 'Maybe, I want to learn more');
	await answer(page, "I'd rather have none");
	await answer(page, 'No');
	await answer(page, 'Practical tools and skills');
	await answer(page, 'Online');
	await answer(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
	await page.getByRole('button', { name: 'See my result' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Your result' })).toBeVisible();
	// Safety first: the first section opens with the one opening block for these answers.
	const sections = page.locator('section[data-section]');
	await expect(sections.first()).toHaveAttribute('data-section', 'safety');
	await expect(sections.first().locator('[data-advice]').first()).toHaveAttribute(
		'data-advice',
		'opening-default'
	);
	await expect(sections.first().locator('h3').first()).toHaveText(
		'First: get medical help with opioids'
	);
	await expect(sections.first().locator('[data-advice^="opening-"]')).toHaveCount(1);
	// The rest of the safety advice follows the groups.
	const more = page.locator('section[data-section="more-safety"]');
	await expect(more).toContainText('While opioids are still used');
	await expect(more).toContainText('Carry naloxone');
	const best = page.locator('[data-style]').first();
	await expect(best).toHaveAttribute('data-style', 'secular');
	await expect(best).toHaveAttribute('data-rank', '1');
	await expect(best.locator('h3 .badge')).toHaveText('Best fit');
	await expect(page.locator('article[data-rank="1"]')).toHaveCount(1);
	await expect(best).toContainText('You said you prefer no spiritual words');
	// SMART welcomes people on medication: no caution, and its stance says so.
	await expect(best.locator('[data-caution]')).toHaveCount(0);
	await expect(best.locator('[data-stance="welcomes"]')).toContainText(
		'Welcomes people on medication'
	);
	await expect(best.getByRole('link', { name: /SMART/ }).first()).toHaveAttribute(
		'href',
		/^https:\/\//
	);
	await expect(page.getByRole('heading', { name: 'Questions to take along' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Share with your counselor' })).toBeVisible();
	// The order the design promises: safety, recommendations (with the plan made from them), the
	// rest of the safety advice, complementary help and checklists, then sharing.
	const shown = page.locator('section[data-section]:visible');
	await expect(shown.last()).toHaveAttribute('data-section', 'share');
	expect(await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-section')))).toEqual([
		'safety',
		'groups',
		'plan',
		'more-safety',
		'complements',
		'checklists',
		'share'
	]);
	await expect(sections.last()).toHaveAttribute('data-section', 'share');
});

test('someone I care about: groups for them and for me', async ({ page }) => {
	await start(page);
	await answer(page, 'For someone I care about');
	await answer(page, 'Fentanyl, or pills that may contain it');
	await answer(page, 'No, neither');
	await answer(page, 'In a detox or treatment program');
	await expect(legend(page)).toHaveText(prompt('danger-signs'));
	await answer(page, NONE_OF_THESE);
	// Loved ones are asked about the person, in words about the person.
	await expect(legend(page)).toHaveText(prompt('person-pregnant'));
	await answer(page, 'No, or this does not apply');
	await expect(legend(page)).toHaveText(prompt('person-moud-openness'));
	await answer(page, 'Open to it');
	await expect(legend(page)).toHaveText('What kind of help are you looking for?');
	await answer(page, 'Both');
	// Then only about a group of their own: no questions meant for the person in recovery.
	await expect(legend(page)).toHaveText(prompt('family-spiritual'));
	await answer(page, 'I welcome it');
	await expect(legend(page)).toHaveText(prompt('family-format'));
	await answer(page, 'In person');
	await expect(step(page)).toHaveAttribute('data-step', 'review');
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
	await expect(forMe.locator('[data-style]').first()).toHaveAttribute('data-rank', '1');
	await expect(page.locator('[data-advice="opening-default"]')).toBeVisible();
	await expect(page.locator('[data-advice="fentanyl"]')).toBeVisible();
	await expect(page.locator('[data-advice="craft"]')).toBeVisible();
	// The checklists include the one for family and friends.
	const checklists = page.locator('section[data-section="checklists"]');
	await expect(checklists.locator('[data-checklist="ask-family"]')).toContainText('CRAFT');
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
	await expect(page.getByRole('heading', { level: 2, name: 'Call 911 now' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
	await expect(page.getByRole('link', { name: 'Call 1-800-222-1222' })).toHaveAttribute(
		'href',
		'tel:18002221222'
	);
	await page.getByRole('button', { name: 'I am safe, continue' }).click();
	await expect(legend(page)).toHaveText(prompt('pregnant'));
	await answer(page, NOT_PREGNANT);
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
		'opening-default'
	);
	await expect(safety.locator('h3').first()).toHaveText('First: get medical help with opioids');
	await expect(page.locator('section[data-section="more-safety"]')).toContainText(
		'In withdrawal now'
	);
});

test('several danger signs at once: every card together, the most urgent first', async ({
	page
}) => {
	await start(page);
	await answer(page, 'For myself');
	await answer(page, 'Fentanyl, or pills that may contain it');
	await answer(page, 'No, neither');
	await answer(page, 'Stopped without medical help');
	// Ticked in the opposite order of urgency: the screen orders them itself.
	await answer(
		page,
		labelOf('danger-signs', 'self-harm'),
		labelOf('danger-signs', 'cannot-keep-fluids'),
		labelOf('danger-signs', 'overdose-signs')
	);
	await expect(step(page)).toHaveAttribute('data-step', 'emergency');
	await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeFocused();
	await expect(page.locator('[data-step="emergency"] .card h2')).toHaveText(
		['overdose', 'self-harm', 'dehydration'].map((id) => danger(id).title.en)
	);
	// The 911 line comes before 988, as the first card asks.
	const calls = page.locator('[data-step="emergency"] a[href^="tel:"]');
	await expect(calls.first()).toHaveAttribute('href', 'tel:911');
	await expect(page.getByRole('link', { name: 'Call 988' })).toBeVisible();
	await page.getByRole('button', { name: 'I am safe, continue' }).click();
	// One screen for all of them: the next question follows at once.
	await expect(step(page)).toHaveAttribute('data-step', 'pregnant');
});

test('the danger question: "None of these" unticks the others, and the others untick it', async ({
	page
}) => {
	await start(page);
	await answer(page, 'For myself');
	await answer(page, 'Heroin');
	await answer(page, 'No, neither');
	await answer(page, 'Still using');
	await expect(step(page)).toHaveAttribute('data-step', 'danger-signs');
	const none = page.getByLabel(NONE_OF_THESE, { exact: true });
	const fluids = page.getByLabel(labelOf('danger-signs', 'cannot-keep-fluids'), { exact: true });
	const seizure = page.getByLabel(labelOf('danger-signs', 'severe-symptoms'), { exact: true });
	await expect(page.locator('fieldset input[type="checkbox"]')).toHaveCount(5);
	// Nothing ticked: the question needs an answer.
	await page.getByRole('button', { name: 'Continue' }).click();
	// An error summary at the top, focused, with a link to the first box (GOV.UK's pattern).
	const problem = page.getByRole('link', { name: 'Tick at least one answer to continue.' });
	await expect(page.getByText('There is a problem')).toBeVisible();
	await problem.click();
	await expect(page.locator('fieldset input').first()).toBeFocused();
	await fluids.check();
	await seizure.check();
	await none.check();
	await expect(none).toBeChecked();
	await expect(fluids).not.toBeChecked();
	await expect(seizure).not.toBeChecked();
	await fluids.check();
	await expect(none).not.toBeChecked();
	await expect(fluids).toBeChecked();
	await none.check();
	await page.getByRole('button', { name: 'Continue' }).click();
	// "None of these" sets nothing off.
	await expect(step(page)).toHaveAttribute('data-step', 'pregnant');
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(none).toBeChecked();
	await expect(fluids).not.toBeChecked();
});

test('on buprenorphine, wanting steps and a sponsor: the medication stance is shown', async ({
	page
}) => {
	await start(page);
	await answer(page, 'For myself');
	await answer(page, PAINKILLERS);
	await answer(page, 'No, neither');
	await answer(page, ON_MOUD);
	await answer(page, NONE_OF_THESE);
	await expect(legend(page)).toHaveText('Which medication is it?');
	await answer(page, 'Buprenorphine (for example, Suboxone)');
	await answer(page, NOT_PREGNANT);
	// No question about openness to medication: the person already takes it.
	await expect(legend(page)).toHaveText(/spiritual words/);
	await answer(page, 'I welcome it');
	await answer(page, 'No');
	await answer(page, STEPS_SPONSOR);
	await answer(page, 'In person');
	await answer(page);
	await page.getByRole('button', { name: 'See my result' }).click();
	const safety = page.locator('section[data-section="safety"]');
	await expect(safety.locator('[data-advice]').first()).toHaveAttribute(
		'data-advice',
		'opening-medication'
	);
	await expect(safety.locator('h3').first()).toHaveText('First: keep taking the medication');
	const twelveStep = page.locator('[data-style="twelve-step"]');
	await expect(twelveStep).toBeVisible();
	// NA has not said it welcomes people on medication: the card leads with the caution.
	await expect(twelveStep.locator('h3 + [data-caution="medication"]')).toContainText('Ask first.');
	await expect(twelveStep.locator('[data-stance="may-limit"]')).toContainText(
		'May limit people on medication'
	);
	await expect(twelveStep).toContainText('Ask the group');
	// NA's finder in the flow is Virtual NA (online and phone meetings).
	await expect(twelveStep.getByRole('link', { name: /NA/ }).first()).toHaveAttribute(
		'href',
		'https://virtual-na.org'
	);
	// The group built for people on medication needs no caution.
	const mara = page.locator('[data-style="medication-friendly"]');
	await expect(mara).toHaveAttribute('data-rank', '1');
	await expect(mara.locator('[data-caution]')).toHaveCount(0);
	await expect(
		page.locator('section[data-section="checklists"] [data-checklist="ask-group-medication"]')
	).toBeVisible();
});

test('not ready to stop: harm reduction without pressure', async ({ page }) => {
	await start(page);
	await answer(page, 'For myself');
	await answer(page, 'Not sure');
	await answer(page, 'Not sure');
	await answer(page, 'Not ready to stop');
	await answer(page, NONE_OF_THESE);
	await answer(page, NOT_PREGNANT);
	await answer(page, 'No, not right now');
	await answer(page, "I'm open to it");
	await answer(page, 'Maybe');
	await answer(page, 'Not sure');
	await answer(page, 'By phone');
	await answer(page);
	await page.getByRole('button', { name: 'See my result' }).click();
	const safety = page.locator('section[data-section="safety"]');
	await expect(safety.locator('[data-advice]').first()).toHaveAttribute(
		'data-advice',
		'opening-not-ready'
	);
	await expect(page.locator('[data-advice="status-not-ready"]')).toBeVisible();
	await expect(page.locator('[data-advice="naloxone"]')).toBeVisible();
	await expect(page.locator('[data-advice="depressants-unsure"]')).toBeVisible();
	await expect(page.locator('[data-style]').first()).toBeVisible();
	// Not open to medication: no medication cautions pressing the point.
	await expect(page.locator('[data-caution]')).toHaveCount(0);
});

test('Spanish throughout, and switching keeps the answers and the step', async ({ page }) => {
	await start(page);
	await answer(page, 'For myself');
	await answer(page, 'Heroin');
	await expect(step(page)).toHaveAttribute('data-step', 'other-depressants');
	// The switch is a link to the same page in Spanish; the answers and the step come along.
	await page.getByRole('link', { name: 'Español' }).click();
	await expect(page).toHaveURL(/\/es\/check$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(legend(page)).toHaveText('¿También se usa alcohol o alguna benzodiacepina?');
	await expect(page.locator('p.progress')).toHaveText(/^Pregunta 3 de unas \d+$/);
	await expect(page.getByRole('link', { name: 'English' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Ayuda ahora' })).toBeVisible();
	await page.getByRole('button', { name: 'Atrás' }).click();
	await expect(legend(page)).toHaveText('¿Qué opioide se usa más?');
	await expect(page.getByLabel('Heroína', { exact: true })).toBeChecked();
	await page.getByRole('button', { name: 'Atrás' }).click();
	await expect(page.getByLabel('Para mí', { exact: true })).toBeChecked();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(legend(page)).toHaveText('¿También se usa alcohol o alguna benzodiacepina?');
	// A reload keeps the language (it is in the address) and the place.
	await page.reload();
	await hydrated(page);
	await expect(legend(page)).toHaveText('¿También se usa alcohol o alguna benzodiacepina?');
	// And back to English, still at the same question.
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/check$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(legend(page)).toHaveText(prompt('other-depressants'));
});

test('change an answer from review and come back to review', async ({ page }) => {
	await start(page);
	await answerEach(page, [
		'For myself',
		'Heroin',
		'No, neither',
		'In a detox or treatment program'
	]);
	await answerEach(page, [NONE_OF_THESE, NOT_PREGNANT, 'Open to it', 'I welcome it', 'Yes']);
	await answerEach(page, [STEPS_SPONSOR, 'In person']);
	await answer(page);
	await expect(page.locator('dl')).toContainText(prompt('moud-openness'));
	await page.getByRole('button', { name: /Change: Where do things stand/ }).click();
	await expect(legend(page)).toHaveText('Where do things stand with opioids right now?');
	await expect(page.getByLabel('In a detox or treatment program')).toBeChecked();
	await answer(page, ON_MOUD);
	// A new question appears because of the change; answered ones are skipped.
	await expect(legend(page)).toHaveText('Which medication is it?');
	await answer(page, 'Methadone');
	await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
	await expect(page.locator('dl')).toContainText(ON_MOUD);
	await expect(page.locator('dl')).toContainText('Methadone');
	// The question about openness to medication no longer applies, and its answer is gone.
	await expect(page.locator('dl')).not.toContainText(prompt('moud-openness'));
	await page.getByRole('button', { name: 'See my result' }).click();
	await expect(page.locator('[data-advice]').first()).toHaveAttribute(
		'data-advice',
		'opening-medication'
	);
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
	await hydrated(page);
	await expect(step(page)).toHaveAttribute('data-step', 'detox-status');
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(page.getByLabel('Alcohol', { exact: true })).toBeChecked();
});

test('a corrupt saved session starts fresh with a calm notice', async ({ page }) => {
	await open(page, '/');
	await page.evaluate(() =>
		sessionStorage.setItem(
			'sgg.session.opioid-support',
			'{"v":1,"flow":"opioid-support","answers":{"who":"nobody"'
		)
	);
	await open(page, '/check');
	await expect(page.getByText('We could not restore your earlier answers')).toBeVisible();
	await expect(step(page)).toHaveAttribute('data-step', 'who');
	expect(
		await page.evaluate(() => sessionStorage.getItem('sgg.session.opioid-support'))
	).toBeNull();
});

test('an unknown language in the address falls back to English with a notice', async ({ page }) => {
	await open(page, '/?lang=fr');
	await expect(page.getByText('The language "fr" is not available')).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: 'Dismiss' }).click();
	await expect(page.getByText('The language "fr" is not available')).toBeHidden();
});

test('forget my answers leaves nothing in storage', async ({ page }) => {
	await start(page);
	await answerEach(page, [
		'For myself',
		'Heroin',
		'No, neither',
		'Finished a detox with medical supervision'
	]);
	await answerEach(page, [NONE_OF_THESE, NOT_PREGNANT, 'Open to it', 'I welcome it', 'Yes']);
	await answerEach(page, [STEPS_SPONSOR, 'In person']);
	await answer(page);
	await expect(step(page)).toHaveAttribute('data-step', 'review');
	expect(
		await page.evaluate(() => sessionStorage.getItem('sgg.session.opioid-support'))
	).not.toBeNull();
	// It asks first; "Keep them" keeps them, and focus goes back to the button.
	await page.getByRole('button', { name: 'Forget my answers' }).click();
	await page.getByRole('button', { name: 'Keep them' }).click();
	await expect(page.getByRole('button', { name: 'Forget my answers' })).toBeFocused();
	expect(
		await page.evaluate(() => sessionStorage.getItem('sgg.session.opioid-support'))
	).not.toBeNull();
	await page.getByRole('button', { name: 'Forget my answers' }).click();
	await expect(page.getByRole('group', { name: 'Forget all your answers?' })).toBeVisible();
	await page.getByRole('button', { name: 'Yes, forget' }).click();
	await expect(page.getByText('Your answers were deleted from this device.')).toBeVisible();
	await expect(step(page)).toHaveAttribute('data-step', 'who');
	expect(
		await page.evaluate(() => sessionStorage.getItem('sgg.session.opioid-support'))
	).toBeNull();
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
		await hydrated(page);
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
	await expect(page.getByText('Your earlier answers are kept')).toBeHidden();
	await page.getByRole('link', { name: 'Start' }).click();
	await answer(page, 'For myself');
	await answer(page, 'Opium');
	await open(page, '/');
	await expect(page.getByText('Your earlier answers are kept')).toBeVisible();
	await page.getByRole('link', { name: 'Start' }).click();
	await expect(step(page)).toHaveAttribute('data-step', 'other-depressants');
});
