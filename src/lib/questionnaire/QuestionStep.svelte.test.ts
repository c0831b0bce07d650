import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import type { Question } from '$lib/flow/schema';
import { I18n, i18nContext } from '$lib/i18n/i18n.svelte';
import QuestionStep from './QuestionStep.svelte';

const single: Question = {
	id: 'spiritual',
	kind: 'single',
	prompt: { en: 'Spiritual words?', es: '¿Palabras espirituales?' },
	help: { en: 'Groups differ.', es: 'Los grupos son distintos.' },
	options: [
		{ id: 'welcome', label: { en: 'Welcome', es: 'Bienvenidas' } },
		{ id: 'none', label: { en: 'None', es: 'Ninguna' } }
	]
};

const multi: Question = {
	id: 'extras',
	kind: 'multi',
	optional: true,
	prompt: { en: 'Anything else?', es: '¿Algo más?' },
	help: { en: 'Optional.', es: 'Opcional.' },
	options: [
		{ id: 'women', label: { en: 'Women only', es: 'Solo mujeres' } },
		{ id: 'online', label: { en: 'Online', es: 'En línea' } },
		{ id: 'young', label: { en: 'Young people', es: 'Jóvenes' } }
	]
};

const signs: Question = {
	id: 'danger-signs',
	kind: 'multi',
	prompt: { en: 'Is any of this happening?', es: '¿Pasa algo de esto?' },
	help: { en: 'We ask everyone.', es: 'Preguntamos a todos.' },
	options: [
		{ id: 'overdose', label: { en: 'Overdose signs', es: 'Señales de sobredosis' } },
		{ id: 'self-harm', label: { en: 'Thoughts of suicide', es: 'Pensamientos de suicidio' } },
		{ id: 'none', label: { en: 'None of these', es: 'Nada de esto' }, exclusive: true }
	]
};

async function show(question: Question, answer?: string | string[], locale: 'en' | 'es' = 'en') {
	const i18n = new I18n();
	await i18n.use(locale);
	const onsubmit = vi.fn();
	const onback = vi.fn();
	render(QuestionStep, {
		props: { question, answer, number: 2, total: 9, onsubmit, onback },
		context: i18nContext(i18n)
	});
	return { onsubmit, onback };
}

describe('QuestionStep', () => {
	it('is a fieldset whose legend is the question, with labelled radios and progress', async () => {
		await show(single);
		await expect.element(page.getByRole('group', { name: 'Spiritual words?' })).toBeVisible();
		// The question is also the page's heading, inside the legend.
		await expect
			.element(page.getByRole('heading', { level: 1, name: 'Spiritual words?' }))
			.toBeVisible();
		await expect.element(page.getByRole('radio', { name: 'Welcome' })).not.toBeChecked();
		await expect.element(page.getByText('Question 2 of about 9')).toBeVisible();
	});

	it('explains instead of moving on when nothing is chosen', async () => {
		const { onsubmit } = await show(single);
		await page.getByRole('button', { name: 'Continue' }).click();
		// GOV.UK's error summary: focused, titled, with a link to the first option; the group is
		// described by the same message.
		const summary = page.getByText('There is a problem');
		await expect.element(summary).toBeVisible();
		await expect.element(summary.element().parentElement!).toHaveFocus();
		await expect
			.element(page.getByRole('group', { name: 'Spiritual words?' }))
			.toHaveAccessibleDescription('Choose one answer to continue.');
		await page.getByRole('link', { name: 'Choose one answer to continue.' }).click();
		await expect.element(page.getByRole('radio', { name: 'Welcome' })).toHaveFocus();
		expect(onsubmit).not.toHaveBeenCalled();
		await page.getByRole('radio', { name: 'None' }).click();
		await page.getByRole('button', { name: 'Continue' }).click();
		expect(onsubmit).toHaveBeenCalledWith('none');
	});

	it('shows the earlier answer, and Back calls back', async () => {
		const { onback } = await show(single, 'welcome');
		await expect.element(page.getByRole('radio', { name: 'Welcome' })).toBeChecked();
		await page.getByRole('button', { name: 'Back' }).click();
		expect(onback).toHaveBeenCalledOnce();
	});

	it('submits ticked boxes in the flow order, and none when the question is optional', async () => {
		const { onsubmit } = await show(multi);
		await page.getByRole('checkbox', { name: 'Young people' }).click();
		await page.getByRole('checkbox', { name: 'Women only' }).click();
		await page.getByRole('button', { name: 'Continue' }).click();
		expect(onsubmit).toHaveBeenLastCalledWith(['women', 'young']);
		await page.getByRole('checkbox', { name: 'Young people' }).click();
		await page.getByRole('checkbox', { name: 'Women only' }).click();
		await page.getByRole('button', { name: 'Continue' }).click();
		expect(onsubmit).toHaveBeenLastCalledWith([]);
	});

	it('keeps "None of these" alone: it clears the other boxes, and another box clears it', async () => {
		const { onsubmit } = await show(signs);
		const overdose = page.getByRole('checkbox', { name: 'Overdose signs' });
		const selfHarm = page.getByRole('checkbox', { name: 'Thoughts of suicide' });
		const none = page.getByRole('checkbox', { name: 'None of these' });
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect
			.element(page.getByRole('link', { name: 'Tick at least one answer to continue.' }))
			.toBeVisible();
		await overdose.click();
		await selfHarm.click();
		await none.click();
		await expect.element(overdose).not.toBeChecked();
		await expect.element(selfHarm).not.toBeChecked();
		await expect.element(none).toBeChecked();
		await page.getByRole('button', { name: 'Continue' }).click();
		expect(onsubmit).toHaveBeenLastCalledWith(['none']);
		await selfHarm.click();
		await expect.element(none).not.toBeChecked();
		await overdose.click();
		await page.getByRole('button', { name: 'Continue' }).click();
		expect(onsubmit).toHaveBeenLastCalledWith(['overdose', 'self-harm']);
	});

	it('speaks Spanish, help included, and submits with the keyboard', async () => {
		const { onsubmit } = await show(single, undefined, 'es');
		await expect
			.element(page.getByRole('group', { name: '¿Palabras espirituales?' }))
			.toBeVisible();
		await page.getByText('Por qué preguntamos').click();
		await expect.element(page.getByText('Los grupos son distintos.')).toBeVisible();
		await page.getByRole('radio', { name: 'Bienvenidas' }).click();
		await userEvent.keyboard('{Enter}');
		expect(onsubmit).toHaveBeenCalledWith('welcome');
	});
});
