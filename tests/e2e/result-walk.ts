/** Walks to a result by answer ids, for the result-page tests (phone length, print). */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createActor } from 'xstate';
import { parseFlowText } from '../../src/lib/flow/integrity';
import { placeOf, questionnaireMachine } from '../../src/lib/flow/machine';
import { EMERGENCY, RESULT, REVIEW } from '../../src/lib/flow/navigation';
import type { Answers, Flow } from '../../src/lib/flow/schema';
import { stepOf } from '../../src/lib/flow/step';
import { encodeSession } from '../../src/lib/questionnaire/persist';
import { sessionKey } from '../../src/lib/tab-storage';
import { expect, MESSAGES, open, step } from './fixtures';
import { question, type Locale } from './flow';

/** The flow as the site serves it, for the machine. */
const WHOLE: Flow = (() => {
	const parsed = parseFlowText(readFileSync('flows/opioid-support.json', 'utf8'));
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.flow;
})();

export const MYSELF: Answers = {
	who: 'myself',
	substance: 'heroin',
	'other-depressants': 'none',
	'danger-signs': ['none'],
	'moud-medication': 'methadone',
	pregnant: 'no',
	'moud-openness': 'maybe',
	spiritual: 'none',
	meditation: 'no',
	structure: 'tools-skills',
	format: 'online',
	'group-prefs': []
};

export const LOVED_ONE: Answers = {
	who: 'loved-one',
	substance: 'fentanyl',
	'other-depressants': 'none',
	'danger-signs': ['none'],
	'moud-medication': 'buprenorphine',
	'person-pregnant': 'no',
	'person-moud-openness': 'yes',
	'loved-one-help': 'both',
	'family-spiritual': 'welcome',
	'family-format': 'in-person'
};

/** The calm path of walks.ts (answerCalmly), by option id. */
export const CALM: Answers = {
	who: 'myself',
	substance: 'heroin',
	'other-depressants': 'none',
	'detox-status': 'finished-detox',
	'danger-signs': ['none'],
	pregnant: 'no',
	'moud-openness': 'no',
	spiritual: 'welcome',
	meditation: 'no',
	structure: 'not-sure',
	format: 'in-person',
	'group-prefs': []
};

/** Walks the questionnaire by option values (the same in every language) to the result. */
export async function walkTo(page: Page, answers: Answers, locale: Locale = 'en') {
	const m = MESSAGES[locale];
	await open(page, locale === 'en' ? '/check' : '/es/check');
	for (let i = 0; i < 40; i++) {
		const at = await step(page).getAttribute('data-step');
		if (at === 'result') break;
		if (at === 'review') await page.getByRole('button', { name: m.seeResult }).click();
		else if (at === 'emergency')
			await page.getByRole('button', { name: m.emergencyContinue }).click();
		else {
			const id = at as string;
			const value = answers[id] ?? question(id).options[0]?.id;
			for (const v of typeof value === 'string' ? [value] : (value ?? []))
				await page.locator(`fieldset input[value="${v}"]`).check();
			await page.getByRole('button', { name: m.continue, exact: true }).click();
		}
		await expect(step(page)).not.toHaveAttribute('data-step', at ?? '');
	}
	await expect(step(page)).toHaveAttribute('data-step', 'result');
	// The share section loads after the result: measure the page it makes.
	await expect(page.locator('section[data-section="share"]')).toBeVisible();
}

/**
 * The saved session of a person who has reached the result with these answers (a question they
 * were not given an answer for takes its first option), made by the questionnaire's own machine:
 * opening the questionnaire's page with it shows that result, as after a reload. It takes one
 * page load, where walking takes a dozen, so the result-length figures can cover every status.
 */
export function savedResult(answers: Answers): { key: string; value: string } {
	const actor = createActor(questionnaireMachine, { input: { flow: WHOLE } }).start();
	for (let i = 0; i < 60; i++) {
		const place = placeOf(actor.getSnapshot());
		const step = stepOf(place);
		if (step === RESULT) break;
		if (step === REVIEW) actor.send({ type: 'review.confirm' });
		else if (step === EMERGENCY) actor.send({ type: 'emergency.continue' });
		else {
			const value = answers[step] ?? question(step).options[0]?.id;
			if (value === undefined) throw new Error(`no answer for ${step}`);
			actor.send({ type: 'answer.submit', question: step, value });
		}
	}
	const snapshot = actor.getSnapshot();
	actor.stop();
	if (stepOf(placeOf(snapshot)) !== RESULT) throw new Error('these answers reach no result');
	return { key: sessionKey(WHOLE.id), value: encodeSession(WHOLE, snapshot) };
}

/** Opens the result these answers give, from a saved session (see savedResult). */
export async function openResult(page: Page, answers: Answers, locale: Locale = 'en') {
	const path = locale === 'en' ? '/check' : '/es/check';
	const saved = savedResult(answers);
	await page.goto(path);
	await page.evaluate(({ key, value }) => sessionStorage.setItem(key, value), saved);
	await open(page, path);
	await expect(step(page)).toHaveAttribute('data-step', 'result');
	await expect(page.locator('section[data-section="share"]')).toBeVisible();
}
