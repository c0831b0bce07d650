/**
 * People from the reviewed persona table (tests/personas.ts), walked end to end in the browser:
 * the result page must show what the table expects (checked there against the engine). Five are
 * chosen to cover medication, pregnancy, a loved one asking for ideas (CRAFT), co-use with danger
 * signs that interrupt, and a Spanish speaker. Then: a Spanish speaker never meets an English
 * question.
 */
import type { Locator, Page } from '@playwright/test';
import { en } from '../../src/lib/i18n/en';
import { es } from '../../src/lib/i18n/es';
import { LOST_TOLERANCE } from '../../src/lib/result/safety-order';
import { PERSONAS, type Persona } from '../personas';
import { expect, legend, open, start, step, test } from './fixtures';
import { danger, dangerReads, FLOW, type Locale } from './flow';

const MESSAGES = { en, es };

function persona(name: string): Persona {
	const found = PERSONAS.find((p) => p.name === name);
	if (!found) throw new Error(`no persona "${name}" in tests/personas.ts`);
	return found;
}

function attributes(locator: Locator, name: string) {
	return locator.evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);
}

/** The questions this person is asked, in the flow's order, with their answers. */
function asked(p: Persona) {
	return FLOW.questions.flatMap((q) => {
		const value = p.answers[q.id];
		if (value === undefined) return [];
		return [{ question: q, values: typeof value === 'string' ? [value] : value }];
	});
}

/** The start page, "Español", then "Empezar": what a Spanish speaker does. */
async function startInSpanish(page: Page) {
	await open(page, '/');
	await page.getByRole('link', { name: 'Español' }).click();
	await expect(page).toHaveURL(/\/es$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await page.getByRole('link', { name: es.start, exact: true }).click();
	await expect(page).toHaveURL(/\/es\/check$/);
}

/**
 * Records every text a question legend has had, from the first parse of each page on: a question
 * shown in the wrong language for a moment is in this list even when it is gone before a test
 * could look.
 */
async function recordLegends(page: Page) {
	await page.addInitScript(() => {
		const seen: string[] = [];
		Object.assign(window, { __legends: seen });
		new MutationObserver(() => {
			for (const l of document.querySelectorAll('fieldset legend')) {
				const text = l.textContent ?? '';
				if (seen.at(-1) !== text) seen.push(text);
			}
		}).observe(document, { childList: true, subtree: true, characterData: true });
	});
}

async function recordedLegends(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { __legends: string[] }).__legends);
}

/**
 * Answers the questions from `from` on, by option value. Each question's legend is read the moment
 * its fieldset is attached (no waiting for a text to change) and must be the flow's prompt in
 * `locale`. After an answer that sets off danger rules, the emergency screen must list exactly
 * those rules, most urgent first; then "I am safe, continue".
 */
async function walk(page: Page, p: Persona, locale: Locale, from = 0) {
	const m = MESSAGES[locale];
	const questions = asked(p);
	for (const [i, { question, values }] of questions.entries()) {
		if (i < from) continue;
		const fieldset = page.locator(`[data-step="${question.id}"] fieldset`);
		await fieldset.waitFor({ state: 'attached' });
		const shown = await fieldset.locator('legend').textContent();
		expect(shown, `${question.id}: the question as first shown`).toBe(question.prompt[locale]);
		if (locale !== 'en') expect(shown, `${question.id} in English`).not.toBe(question.prompt.en);
		for (const value of values) await fieldset.locator(`input[value="${value}"]`).check();
		await page.getByRole('button', { name: m.continue, exact: true }).click();

		const setOff = p.dangers.filter((id) => dangerReads(id, question.id));
		const next = questions[i + 1]?.question.id ?? 'review';
		if (setOff.length === 0) {
			await expect(step(page)).toHaveAttribute('data-step', next);
			continue;
		}
		await expect(step(page)).toHaveAttribute('data-step', 'emergency');
		const screen = page.locator('[data-step="emergency"]');
		const emergency = setOff.some((id) => danger(id).level === 'emergency');
		await expect(screen.getByRole('heading', { level: 1 })).toHaveText(
			emergency ? m.emergencyHeading : m.emergencyUrgentHeading
		);
		// Every rule this answer set off, together, most urgent first.
		await expect(screen.locator('.card h2')).toHaveText(
			setOff.map((id) => danger(id).title[locale])
		);
		await screen.getByRole('button', { name: m.emergencyContinue }).click();
		await expect(step(page)).toHaveAttribute('data-step', next);
	}
	await expect(page.getByRole('heading', { level: 1, name: m.reviewHeading })).toBeVisible();
	await page.getByRole('button', { name: m.seeResult }).click();
	await expect(step(page)).toHaveAttribute('data-step', 'result');
	await expect(page.getByRole('heading', { level: 1, name: m.resultHeading })).toBeVisible();
}

/** The result page shows what the persona table expects. */
async function expectResult(page: Page, p: Persona, locale: Locale) {
	const m = MESSAGES[locale];
	const safety = page.locator('section[data-section="safety"]');
	await expect(page.locator('section[data-section]').first()).toHaveAttribute(
		'data-section',
		'safety'
	);
	// One opening block, first, with the lost-tolerance warning where it shows; after the groups,
	// the rest of the safety advice in the flow's order.
	await expect(safety.locator('[data-advice]').first()).toHaveAttribute('data-advice', p.opening);
	const lifted = p.safety.filter((id) => id === LOST_TOLERANCE);
	expect(await attributes(safety.locator('[data-advice]'), 'data-advice')).toEqual([
		p.opening,
		...lifted
	]);
	const rest = p.safety.filter((id) => id !== LOST_TOLERANCE);
	const moreSafety = page.locator('section[data-section="more-safety"]');
	expect(await attributes(moreSafety.locator('[data-advice]'), 'data-advice')).toEqual(rest);
	const sections = await attributes(page.locator('section[data-section]'), 'data-section');
	if (rest.length > 0)
		expect(sections.indexOf('more-safety'), 'more safety advice after the groups').toBeGreaterThan(
			sections.indexOf('groups')
		);
	if (p.dangers.length > 0)
		await expect(safety.locator('[data-section="dangers"] > ul > li')).toHaveText(
			p.dangers.map((id) => danger(id).title[locale])
		);
	else await expect(safety.locator('[data-section="dangers"]')).toHaveCount(0);

	const groups = page.locator('section[data-section="groups"]');
	const best = groups.locator('article[data-rank="1"]');
	await expect(best).toHaveCount(p.best.length);
	expect((await attributes(best, 'data-style')).sort()).toEqual([...p.best].sort());
	await expect(best.locator('h3 .badge')).toHaveText(
		p.best.map(() => (p.best.length > 1 ? m.equalFit : m.bestFit))
	);
	const others = groups.locator('article[data-style]:not([data-rank="1"])');
	expect(await attributes(others, 'data-style')).toEqual(p.alternatives);
	await expect(others.locator('h3 .badge')).toHaveText(p.alternatives.map(() => m.alternative));

	// Cautioned cards lead with the medication caution; no other card has it.
	const cautioned = groups.locator('article[data-style]:has([data-caution="medication"])');
	expect(await attributes(cautioned, 'data-style')).toEqual(
		(await attributes(groups.locator('article[data-style]'), 'data-style')).filter((id) =>
			p.cautioned.includes(id as string)
		)
	);
	expect((await attributes(cautioned, 'data-style')).sort()).toEqual([...p.cautioned].sort());
	await expect(cautioned.locator('h3 + [data-caution="medication"]')).toHaveCount(
		p.cautioned.length
	);
	// Each card says where its groups stand on medication.
	for (const id of [...p.best, ...p.alternatives]) {
		const stance = FLOW.styles.find((s) => s.id === id)?.stance;
		if (!stance) throw new Error(`style ${id} has no stance`);
		await expect(groups.locator(`[data-style="${id}"] [data-stance]`)).toHaveAttribute(
			'data-stance',
			stance
		);
		await expect(groups.locator(`[data-style="${id}"] [data-stance]`)).toContainText(
			m.stance[stance]
		);
	}

	// Styles that tie beyond the cards are named in a line, never dropped by the file's order.
	const more = page.locator('section[data-section="groups"] [data-more-styles]');
	if (p.more) {
		await expect(more).toContainText(m.moreStyles);
		for (const id of p.more)
			await expect(more).toContainText(
				FLOW.styles.find((s) => s.id === id)?.name[locale] as string
			);
	} else await expect(more).toHaveCount(0);

	const family = page.locator('section[data-section="loved-one"]');
	if (p.family) {
		const familyBest = family.locator('article[data-rank="1"]');
		await expect(familyBest).toHaveCount(p.family.length);
		expect((await attributes(familyBest, 'data-style')).sort()).toEqual([...p.family].sort());
	} else await expect(family).toHaveCount(0);

	const checklists = page.locator('section[data-section="checklists"]');
	await expect(checklists).toBeVisible();
	await expect(checklists.getByRole('heading', { level: 2 })).toHaveText(m.checklistsHeading);
	await expect(checklists.locator('[data-checklist="ask-group"]')).toBeVisible();
}

test('on methadone: keep taking it, and groups that may limit medication say so first', async ({
	page
}) => {
	const p = persona('methadone, spiritual, sponsor, in person');
	await start(page);
	await walk(page, p, 'en');
	await expectResult(page, p, 'en');
	await expect(page.locator('[data-advice]').first().locator('h3')).toHaveText(
		'First: keep taking the medication'
	);
	await expect(page.locator('[data-style="twelve-step"] [data-stance="may-limit"]')).toBeVisible();
	await expect(page.locator('[data-checklist="ask-group-medication"]')).toBeVisible();
});

test('pregnant, using fentanyl: a doctor first, and equal best fits side by side', async ({
	page
}) => {
	const p = persona('pregnant, using fentanyl');
	await start(page);
	await walk(page, p, 'en');
	await expectResult(page, p, 'en');
	await expect(page.locator('[data-advice]').first().locator('h3')).toHaveText(
		'First: see a doctor about the pregnancy and opioids'
	);
	await expect(page.locator('section[data-section="groups"] [data-equal-fits]')).toHaveText(
		en.equalFits
	);
});

test('a mother asking for ideas to help her son: CRAFT and a group for herself', async ({
	page
}) => {
	const p = persona('mother, ideas to help her son');
	await start(page);
	await walk(page, p, 'en');
	await expectResult(page, p, 'en');
	await expect(page.getByRole('heading', { level: 2, name: en.groupsForPerson })).toBeVisible();
	await expect(page.locator('[data-equal-fits]').first()).toHaveText(en.equalFitsPerson);
	await expect(
		page.locator('section[data-section="complements"] [data-advice="craft"]')
	).toContainText('CRAFT');
	await expect(page.locator('[data-checklist="ask-family"]')).toBeVisible();
});

test('alcohol with opioids, then a seizure: each emergency screen, then the result', async ({
	page
}) => {
	const p = persona('co-use: alcohol, in withdrawal, seizure');
	// The table expects two rules, set off by two different answers: two screens on the way.
	expect(p.dangers).toEqual(['severe-withdrawal', 'depressants']);
	await start(page);
	await walk(page, p, 'en');
	await expectResult(page, p, 'en');
	await expect(
		page.locator('section[data-section="safety"] [data-section="dangers"]').getByRole('link', {
			name: 'Call 911'
		})
	).toBeVisible();
});

test('a Spanish speaker, walked in Spanish: the same result, in Spanish', async ({ page }) => {
	const p = persona('Spanish speaker, 12-step');
	await startInSpanish(page);
	await walk(page, p, 'es');
	await expectResult(page, p, 'es');
	await expect(page.locator('[data-advice]').first().locator('h3')).toHaveText(
		FLOW.safety.find((b) => b.id === p.opening)?.title.es as string
	);
	// The note for Spanish, in Spanish, on the 12-step card.
	await expect(page.locator('[data-style="twelve-step"] .to-know')).toContainText(
		'Pediste español. Virtual NA'
	);
});

test.describe('a Spanish speaker never meets an English question', () => {
	/** A loved one: the person's questions, an emergency screen, and the family questions. */
	const p = persona('loved one: son in a program, open to meds');
	const englishPrompts = new Set(FLOW.questions.map((q) => q.prompt.en));

	test('from the start page, every question is Spanish the moment it appears', async ({ page }) => {
		await recordLegends(page);
		await startInSpanish(page);
		await walk(page, p, 'es');
		await expectResult(page, p, 'es');

		// Not even for a moment: no legend ever had an English prompt.
		const seen = await recordedLegends(page);
		expect(seen.filter((text) => englishPrompts.has(text))).toEqual([]);
		expect(seen).toEqual(expect.arrayContaining(asked(p).map((a) => a.question.prompt.es)));

		// The result's headings are Spanish too, and none is English.
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		const headings = await page
			.locator('main :is(h1, h2, h3, h4):visible')
			.evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()));
		for (const heading of [
			es.resultHeading,
			es.safetyHeading,
			es.groupsForPerson,
			es.lovedOneHeading,
			es.complementsHeading,
			es.checklistsHeading,
			es.shareHeading
		])
			expect(headings).toContain(heading);
		const english = new Set(
			[
				...Object.values(en).filter((v): v is string => typeof v === 'string'),
				...Object.values(en.stance),
				...FLOW.safety.map((b) => b.title.en),
				...FLOW.styles.map((s) => s.name.en),
				...FLOW.complements.map((b) => b.title.en),
				...FLOW.checklists.map((b) => b.title.en),
				...FLOW.dangers.map((d) => d.title.en)
			].filter((text) => !Object.values(es).includes(text))
		);
		const parts = headings.flatMap((h) => h.split('\n').map((part) => part.trim()));
		expect(parts.filter((part) => english.has(part))).toEqual([]);
	});

	test('a reload of /es/check mid-way is Spanish from the first paint', async ({ page }) => {
		await recordLegends(page);
		await startInSpanish(page);
		// Answer the first three questions, then reload on the fourth.
		const questions = asked(p);
		for (const { question, values } of questions.slice(0, 3)) {
			const fieldset = page.locator(`[data-step="${question.id}"] fieldset`);
			await expect(fieldset.locator('legend')).toHaveText(question.prompt.es);
			for (const value of values) await fieldset.locator(`input[value="${value}"]`).check();
			await page.getByRole('button', { name: es.continue, exact: true }).click();
			if (p.dangers.some((id) => dangerReads(id, question.id)))
				await page.getByRole('button', { name: es.emergencyContinue }).click();
		}
		const fourth = questions[3]?.question;
		if (!fourth) throw new Error('the persona answers fewer than four questions');
		await expect(step(page)).toHaveAttribute('data-step', fourth.id);

		await page.reload();
		// The language is in the address: the prerendered page is Spanish before any script runs,
		// and the questionnaire then picks up the saved step.
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		await expect(legend(page)).toHaveText(fourth.prompt.es);
		await expect(step(page)).toHaveAttribute('data-step', fourth.id);
		// From here on, client-side navigation: each question Spanish at once, to the result.
		await walk(page, p, 'es', 3);
		await expectResult(page, p, 'es');
		const seen = await recordedLegends(page);
		expect(seen.filter((text) => englishPrompts.has(text))).toEqual([]);
	});
});
