/**
 * Trust: what a person on a shared phone counts on. Quick exit leaves from every screen and takes
 * the answers with it; a broken saved state never breaks the page; hammering the buttons and
 * reloading never loses, repeats or skips an answer; the help lines work without JavaScript; and
 * "Forget my answers" forgets.
 */
import type { Page } from '@playwright/test';
import { answer, expect, legend, open, start, step, test, hydrated } from './fixtures';
import { FLOW as flow, labelOf, question } from './flow';
import { openResult } from './result-walk';

const SESSION_KEY = 'sgg.session.opioid-support';
const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

/** One answered question of a journey; `emergency` when the answer brings up urgent help. */
type Step = { q: string; a: string[]; emergency?: boolean };

/** For myself, no danger on the way. */
const CALM: Step[] = [
	{ q: 'who', a: ['myself'] },
	{ q: 'substance', a: ['heroin'] },
	{ q: 'other-depressants', a: ['none'] },
	{ q: 'detox-status', a: ['finished-detox'] },
	{ q: 'danger-signs', a: ['none'] },
	{ q: 'pregnant', a: ['no'] },
	{ q: 'moud-openness', a: ['yes'] },
	{ q: 'spiritual', a: ['welcome'] },
	{ q: 'meditation', a: ['yes'] },
	{ q: 'structure', a: ['steps-sponsor'] },
	{ q: 'format', a: ['in-person'] },
	{ q: 'group-prefs', a: ['spanish'] }
];

/**
 * For a loved one, with two emergency screens (one after a ticked danger sign) and every question
 * a loved one can be asked.
 */
const STORMY: Step[] = [
	{ q: 'who', a: ['loved-one'] },
	{ q: 'substance', a: ['fentanyl'] },
	{ q: 'other-depressants', a: ['alcohol'], emergency: true },
	{ q: 'detox-status', a: ['withdrawal-now'] },
	{ q: 'danger-signs', a: ['cannot-keep-fluids'], emergency: true },
	{ q: 'person-pregnant', a: ['unknown'] },
	{ q: 'person-moud-openness', a: ['maybe'] },
	{ q: 'loved-one-help', a: ['both'] },
	{ q: 'family-spiritual', a: ['none'] },
	{ q: 'family-format', a: ['online'] }
];

function labels(s: Step) {
	return s.a.map((a) => labelOf(s.q, a));
}

/** Ticks exactly the step's answers (and unticks any other box). */
async function choose(page: Page, s: Step) {
	await expect(step(page)).toHaveAttribute('data-step', s.q);
	for (const box of await page.locator('fieldset input[type="checkbox"]:checked').all())
		if (!s.a.includes((await box.getAttribute('value')) ?? '')) await box.uncheck();
	for (const label of labels(s)) await page.getByLabel(label, { exact: true }).check();
}

async function continueAfterEmergency(page: Page) {
	await expect(step(page)).toHaveAttribute('data-step', 'emergency');
	await page.getByRole('button', { name: 'I am safe, continue' }).click();
}

/** Answers the steps in order, the ordinary way, from the question shown now. */
async function walk(page: Page, steps: Step[]) {
	for (const s of steps) {
		await expect(step(page)).toHaveAttribute('data-step', s.q);
		await answer(page, ...labels(s));
		if (s.emergency) await continueAfterEmergency(page);
	}
}

/** The review screen lists every answer once, in order, with the values chosen. */
async function expectReview(page: Page, steps: Step[]) {
	await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
	const review = page.locator('dl.answers');
	await expect(review.locator('dt')).toHaveText(steps.map((s) => question(s.q).prompt.en));
	await expect(review.locator('dd > span')).toHaveText(steps.map((s) => labels(s).join(', ')));
}

async function expectResult(page: Page) {
	await page.getByRole('button', { name: 'See my result' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your result' })).toBeVisible();
	await expect(page.locator('section[data-section]').first()).toHaveAttribute(
		'data-section',
		'safety'
	);
	await expect(
		page.locator('section[data-section="safety"] [data-advice]').first()
	).toHaveAttribute('data-advice', /^opening-/);
	await expect(page.locator('[data-style]').first()).toBeVisible();
	await expect(page.locator('section[data-section="checklists"]')).toBeVisible();
}

async function toResult(page: Page) {
	await start(page);
	await walk(page, CALM);
	await expectReview(page, CALM);
	await expectResult(page);
}

/**
 * The calm result opened from the session the questionnaire saves on the way (one page load), for
 * the tests that only need a result to start from (toResult walks there). Not for leaving the
 * result itself by quick exit: that test needs the history a walk makes, for Back to land in.
 */
async function toSavedResult(page: Page) {
	const answers = Object.fromEntries(
		CALM.map((s) => [s.q, question(s.q).kind === 'multi' ? s.a : (s.a[0] as string)])
	);
	await openResult(page, answers);
}

async function sessionKeys(page: Page) {
	return page.evaluate(() =>
		Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i))
	);
}

test.describe('quick exit from every screen', () => {
	test.use({ allowOffOrigin: ['https://www.bbc.co.uk/'] });

	/** How each screen is reached, with answers given first so there is something to wipe. */
	const screens: [string, (page: Page) => Promise<void>][] = [
		[
			'welcome',
			async (page) => {
				await start(page);
				await walk(page, CALM.slice(0, 2));
				await page.getByRole('link', { name: 'Support Group Guide' }).click();
				await expect(
					page.getByRole('heading', { name: 'Find a support group that fits you' })
				).toBeVisible();
			}
		],
		[
			'a question',
			async (page) => {
				await start(page);
				await walk(page, CALM.slice(0, 2));
				await expect(legend(page)).toHaveText(question('other-depressants').prompt.en);
			}
		],
		[
			'emergency',
			async (page) => {
				await start(page);
				await walk(page, STORMY.slice(0, 2));
				await answer(page, ...labels(STORMY[2] as Step));
				await expect(step(page)).toHaveAttribute('data-step', 'emergency');
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			}
		],
		[
			'review',
			async (page) => {
				await start(page);
				await walk(page, CALM);
				await expectReview(page, CALM);
			}
		],
		['result', toResult],
		[
			'help',
			async (page) => {
				await start(page);
				await walk(page, CALM.slice(0, 2));
				await page.getByRole('link', { name: 'Get help now' }).first().click();
				await expect(page).toHaveURL(/\/help$/);
			}
		],
		[
			'counselor',
			async (page) => {
				await toSavedResult(page);
				const link = await page.getByLabel('Link to your answers').inputValue();
				expect(link).toMatch(/\/shared#1\./);
				await open(page, link);
				await expect(page.locator('section[data-section="flags"]')).toContainText('Heroin');
			}
		]
	];

	const ways: [string, (page: Page) => Promise<void>][] = [
		['the button', (page) => page.getByRole('button', { name: 'Quick exit' }).click()],
		[
			'Escape twice',
			async (page) => {
				await page.keyboard.press('Escape');
				await page.keyboard.press('Escape');
			}
		]
	];

	for (const [screen, reach] of screens)
		for (const [way, leave] of ways)
			test(`${screen}, by ${way}`, async ({ page, baseURL }) => {
				await reach(page);
				expect(
					await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)
				).not.toBeNull();
				await leave(page);
				await page.waitForURL(NEUTRAL_SITE);
				expect(page.url()).toBe(NEUTRAL_SITE);

				// Back lands on an earlier entry of the app: the answers are gone from this tab.
				await page.goBack();
				await hydrated(page);
				await expect(async () => {
					expect(new URL(page.url()).origin).toBe(new URL(baseURL as string).origin);
					const keys = await sessionKeys(page);
					expect(keys).not.toContain(SESSION_KEY);
					// Whatever the router writes on load is all there is: no answers under any key.
					const values = await page.evaluate(() => Object.values(sessionStorage).join('\n'));
					expect(values).not.toMatch(/heroin|answers/i);
				}).toPass();
				await expect(page.locator('body')).not.toBeEmpty();
				await expect(page.locator('input:checked')).toHaveCount(0);
				await expect(page.getByText('Heroin', { exact: true })).toHaveCount(0);
				await expect(page.locator('[data-style]')).toHaveCount(0);
				await expect(page.locator('dl')).toHaveCount(0);
			});
});

test.describe('a broken saved state starts fresh, calmly', () => {
	const base = {
		v: 2,
		flow: flow.id,
		version: flow.version,
		step: 'substance',
		answers: { who: 'myself' } as Record<string, unknown>,
		editing: false,
		trigger: null as string | null
	};
	const saved = (change: Partial<typeof base>) => JSON.stringify({ ...base, ...change });

	const broken: [string, string][] = [
		['not JSON', '{"v":1,"flow":"opioid-support","answers":{"who":"myself"'],
		['a newer storage format', saved({ v: 3 })],
		['another flow version', saved({ version: flow.version + 1 })],
		['another flow', saved({ flow: 'other-flow' })],
		['an unknown question', saved({ answers: { who: 'myself', favourite: 'blue' } })],
		['a bad option', saved({ answers: { who: 'nobody' } })],
		['a wrong type of answer', saved({ answers: { who: ['myself'] } })],
		[
			'"None of these" ticked together with a danger sign',
			saved({
				step: 'pregnant',
				answers: {
					who: 'myself',
					substance: 'heroin',
					'other-depressants': 'none',
					'detox-status': 'using',
					'danger-signs': ['self-harm', 'none']
				}
			})
		],
		[
			'an empty answer to the danger question',
			saved({
				step: 'pregnant',
				answers: {
					who: 'myself',
					substance: 'heroin',
					'other-depressants': 'none',
					'detox-status': 'using',
					'danger-signs': []
				}
			})
		],
		[
			'an answer to a question not asked',
			saved({ answers: { who: 'myself', 'loved-one-help': 'both' } })
		],
		['a step that cannot be opened yet', saved({ step: 'format' })],
		['an unknown step', saved({ step: 'welcome' })],
		['a result without every answer', saved({ step: 'result' })],
		[
			'an emergency without a trigger',
			saved({
				step: 'emergency',
				answers: { who: 'myself', substance: 'heroin', 'other-depressants': 'alcohol' }
			})
		],
		[
			'an emergency whose trigger set nothing off',
			saved({
				step: 'emergency',
				answers: { who: 'myself', substance: 'heroin', 'other-depressants': 'none' },
				trigger: 'who'
			})
		],
		[
			'an emergency whose trigger has no answer',
			saved({
				step: 'emergency',
				answers: { who: 'myself', substance: 'heroin', 'other-depressants': 'alcohol' },
				trigger: 'danger-signs'
			})
		],
		[
			'prototype keys',
			`{"__proto__":{"step":"format"},"v":2,"flow":"opioid-support","version":${flow.version},"step":"substance","answers":{"constructor":"x","who":"myself"},"editing":false,"trigger":null}`
		],
		['a 50 000-character string', 'x'.repeat(50_000)],
		['null', 'null'],
		['an array', JSON.stringify([base])],
		['a number', '42']
	];

	// One page for the whole table, one step per entry (each named in the report): a fresh load
	// of the questionnaire's page per entry, with the tab's storage set before it, is what a
	// person's reload is; a new browser per entry only added seconds.
	test('each broken entry, on a reload, starts fresh with a notice', async ({ page }) => {
		test.setTimeout(120_000);
		await open(page, '/');
		for (const [name, raw] of broken)
			await test.step(name, async () => {
				await page.evaluate(({ key, value }) => sessionStorage.setItem(key, value), {
					key: SESSION_KEY,
					value: raw
				});
				await open(page, '/check');
				await expect(page.getByText('We could not restore your earlier answers')).toBeVisible();
				await expect(step(page)).toHaveAttribute('data-step', 'who');
				await expect(legend(page)).toHaveText(question('who').prompt.en);
				await expect(page.locator('input:checked')).toHaveCount(0);
				expect(
					await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY),
					name
				).toBeNull();
				// And the fresh start works.
				await answer(page, labelOf('who', 'myself'));
				await expect(step(page)).toHaveAttribute('data-step', 'substance');
				// The next entry starts from an empty tab, as this one did.
				await page.evaluate(() => sessionStorage.clear());
			});
	});

	// The control: the valid entry every broken one above is made from is restored as it was.
	test('the entry the table starts from is picked up where it was', async ({ page }) => {
		await open(page, '/');
		await page.evaluate(({ key, value }) => sessionStorage.setItem(key, value), {
			key: SESSION_KEY,
			value: saved({})
		});
		await open(page, '/check');
		await expect(step(page)).toHaveAttribute('data-step', 'substance');
		await expect(page.getByText('We could not restore your earlier answers')).toHaveCount(0);
	});

	test('an empty entry starts fresh without a notice', async ({ page }) => {
		await open(page, '/');
		await page.evaluate((key) => sessionStorage.setItem(key, ''), SESSION_KEY);
		await open(page, '/check');
		await expect(step(page)).toHaveAttribute('data-step', 'who');
		await expect(legend(page)).toBeVisible();
		await expect(page.getByText('We could not restore your earlier answers')).toHaveCount(0);
	});
});

test.describe('hammering', () => {
	test('double-clicking every Continue never skips or repeats a question, nor acts on the next screen', async ({
		page
	}) => {
		// The second click of a double-click (or a double tap on a phone) lands on the next
		// screen, on whatever is drawn where the button was. It must do nothing there: not tick
		// an answer the person never chose, and not leave the questionnaire. Those checks are
		// soft, so one run reports every stray effect and still checks the whole walk.
		await start(page);
		const left: string[] = [];
		page.on('framenavigated', (frame) => {
			if (frame === page.mainFrame() && new URL(frame.url()).pathname !== '/check')
				left.push(new URL(frame.url()).pathname);
		});
		async function expectHarmless(pressed: string, from: string) {
			// Time for a stray click on a link to complete its (client-side) navigation.
			await page.waitForTimeout(500);
			expect.soft(left, `the second click on "${pressed}" left the questionnaire`).toEqual([]);
			if (left.length > 0) {
				left.length = 0;
				await page.goBack();
				await hydrated(page);
			}
			// The first click moved on, once.
			await expect(step(page)).not.toHaveAttribute('data-step', from);
			const shown = await step(page).getAttribute('data-step');
			const ticked = await page
				.locator('[data-step] fieldset input:checked')
				.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
			expect
				.soft(
					ticked,
					`the second click on "${pressed}" ticked an answer on the next screen (${shown})`
				)
				.toEqual([]);
		}

		for (const s of STORMY) {
			await choose(page, s);
			await page.getByRole('button', { name: 'Continue', exact: true }).dblclick();
			await expectHarmless(`Continue on ${s.q}`, s.q);
			if (s.emergency) {
				await expect(step(page)).toHaveAttribute('data-step', 'emergency');
				await page.getByRole('button', { name: 'I am safe, continue' }).dblclick();
				await expectHarmless(`I am safe, continue after ${s.q}`, 'emergency');
			}
		}
		await expectReview(page, STORMY);
		await expectResult(page);
	});

	test('a double tap on Continue (touch, 120 ms apart) moves on once and touches nothing next', async ({
		page
	}) => {
		await start(page);
		for (const label of ['For myself', 'Heroin', 'No, neither']) {
			const from = await step(page).getAttribute('data-step');
			// A phone: the answer is tapped too, as a person would.
			await page.getByLabel(label, { exact: true }).tap();
			await expect(page.getByLabel(label, { exact: true })).toBeChecked();
			const button = page.getByRole('button', { name: 'Continue', exact: true });
			await button.scrollIntoViewIfNeeded();
			const box = await button.boundingBox();
			if (!box) throw new Error('no Continue button');
			const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
			await page.touchscreen.tap(x, y);
			await page.waitForTimeout(120);
			await page.touchscreen.tap(x, y);
			await page.waitForTimeout(400);
			await expect(step(page)).not.toHaveAttribute('data-step', from ?? '');
			expect(new URL(page.url()).pathname).toBe('/check');
			await expect(page.locator('[data-step] fieldset input:checked')).toHaveCount(0);
		}
	});

	test('on a busy phone, the second tap of a double tap still does nothing on the next screen', async ({
		page
	}) => {
		await start(page);
		await answer(page, 'For myself');
		await page.getByLabel('Heroin', { exact: true }).check();
		await page.getByRole('button', { name: 'Continue', exact: true }).click();
		await expect(step(page)).toHaveAttribute('data-step', 'other-depressants');
		// The second click of the double tap, made now, reaches the page only once its main thread
		// is free again, 1.2 s later (past the moment the app holds such clicks for), on an answer
		// of the new screen.
		const option = page.getByLabel('No, neither', { exact: true });
		await option.evaluate((input) => {
			const click = new MouseEvent('click', { bubbles: true, cancelable: true, detail: 2 });
			const busyUntil = performance.now() + 1200;
			while (performance.now() < busyUntil);
			input.dispatchEvent(click);
		});
		await expect(option).not.toBeChecked();
		await expect(page.locator('[data-step] fieldset input:checked')).toHaveCount(0);
		// A tap made now, once, is the person's own.
		await option.click();
		await expect(option).toBeChecked();
	});

	test('rapid Back and Continue leave every answer in place', async ({ page }) => {
		await start(page);
		const back = page.getByRole('button', { name: 'Back' });
		const next = page.getByRole('button', { name: 'Continue' });
		for (const [i, s] of STORMY.entries()) {
			await answer(page, ...labels(s));
			if (s.emergency) await continueAfterEmergency(page);
			if (i === 0 || s.emergency) continue;
			// Back and Continue in quick succession, without waiting for the screens in between.
			for (let round = 0; round < 3; round++) {
				await back.click();
				await next.click();
			}
			const after = STORMY[i + 1];
			await expect(step(page)).toHaveAttribute('data-step', after ? after.q : 'review');
		}
		await expectReview(page, STORMY);
		await expectResult(page);
	});

	test('a reload after every step resumes exactly where it was', async ({ page }) => {
		// About 35 reloads: 24 s on a quiet machine, more on a busy one.
		test.slow();
		const reload = async () => {
			await page.reload();
			await hydrated(page);
		};
		await start(page);
		for (const s of STORMY) {
			await reload();
			await choose(page, s);
			await reload();
			// The choice not yet confirmed may be lost; the step is not.
			await choose(page, s);
			await page.getByRole('button', { name: 'Continue' }).click();
			await expect(step(page)).not.toHaveAttribute('data-step', s.q);
			if (s.emergency) {
				await reload();
				await continueAfterEmergency(page);
			}
		}
		await reload();
		await expectReview(page, STORMY);
		await page.getByRole('button', { name: 'See my result' }).click();
		await expect(step(page)).toHaveAttribute('data-step', 'result');
		await reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Your result' })).toBeVisible();
		await expect(page.locator('[data-style]').first()).toBeVisible();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the welcome page says what the app is and lists the help lines', async ({ page }) => {
		await page.goto('/');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Find a support group that fits you' })
		).toBeVisible();
		for (const [number, tel] of [
			['911', 'tel:911'],
			['988', 'tel:988'],
			['1-800-662-4357', 'tel:18006624357'],
			['1-800-222-1222', 'tel:18002221222']
		] as const)
			await expect(page.getByRole('link', { name: `Call ${number}` })).toHaveAttribute('href', tel);
	});
});

test('forget my answers on the result leaves nothing and shows the first question', async ({
	page
}) => {
	await toResult(page);
	expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).not.toBeNull();
	await page.getByRole('button', { name: 'Forget my answers' }).click();
	// It asks first, as on review.
	await page.getByRole('button', { name: 'Yes, forget' }).click();
	await expect(page.getByText('Your answers were deleted from this device.')).toBeVisible();
	await expect(step(page)).toHaveAttribute('data-step', 'who');
	await expect(legend(page)).toHaveText(question('who').prompt.en);
	await expect(page.locator('input:checked')).toHaveCount(0);
	expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull();
	// A reload does not bring them back.
	await page.reload();
	await hydrated(page);
	await expect(step(page)).toHaveAttribute('data-step', 'who');
	await expect(page.locator('input:checked')).toHaveCount(0);
});
