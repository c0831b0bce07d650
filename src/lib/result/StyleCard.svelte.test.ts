import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import type { RankedStyle } from '$lib/flow/recommend';
import type { FirstMeetingPoint, Style } from '$lib/flow/schema';
import { I18n, i18nContext } from '$lib/i18n/i18n.svelte';
import StyleCard from './StyleCard.svelte';

const text = (en: string, es: string) => ({ en, es });

const style: Style = {
	id: 'skills',
	audience: 'person',
	name: text('Skills groups', 'Grupos de habilidades'),
	summary: text('Practical tools.', 'Herramientas prácticas.'),
	firstMeeting: text('A trained volunteer leads.', 'Guía un voluntario capacitado.'),
	medication: text('Welcome.', 'Bienvenida.'),
	stance: 'welcomes',
	programs: [
		{
			id: 'skills-program',
			name: 'Skills Program',
			description: text('A program.', 'Un programa.'),
			finders: [
				{
					kind: 'website',
					url: 'https://example.org/meetings',
					label: text('Find a meeting', 'Busca una reunión'),
					hint: text(
						'The finder shows which meetings give proof of attendance.',
						'El buscador muestra qué reuniones dan comprobante de asistencia.'
					)
				},
				{
					kind: 'online',
					url: 'https://example.org/online',
					label: text('Meet online', 'Reúnete en línea')
				}
			]
		}
	]
};

const points: FirstMeetingPoint[] = [
	{ id: 'listen', text: text('You can just listen.', 'Puedes solo escuchar.') },
	{
		id: 'camera-off',
		text: text('Online, you can keep your camera off.', 'En línea, puedes apagar la cámara.')
	}
];

const ranked: RankedStyle = {
	style,
	score: 2,
	rank: 1,
	reasons: [],
	cautions: [],
	notes: [],
	medicationCaution: false,
	firstMeeting: points,
	against: 0
};

async function show(
	props: { compact?: boolean; firstMeeting?: FirstMeetingPoint[]; rank?: number } = {}
) {
	const i18n = new I18n();
	await i18n.use('en');
	const { compact = false, firstMeeting = points, rank = ranked.rank } = props;
	return render(StyleCard, {
		props: { ranked: { ...ranked, firstMeeting, rank }, badge: 'Best fit', compact },
		context: i18nContext(i18n)
	});
}

describe('StyleCard', () => {
	it("folds the first-meeting panel on a best fit too: the style's paragraph, then its points, one tap away", async () => {
		const { container } = await show();
		const panel = container.querySelector('details[data-first-meeting]');
		expect(panel?.querySelector('summary')?.textContent).toBe('Your first meeting');
		await expect.element(page.getByText('You can just listen.')).not.toBeVisible();
		await page.getByText('Your first meeting').click();
		await expect.element(page.getByText('You can just listen.')).toBeVisible();
		expect(panel?.querySelector('p')?.textContent).toBe('A trained volunteer leads.');
		expect([...(panel?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
			'You can just listen.',
			'Online, you can keep your camera off.'
		]);
		// The panel is left off paper as a whole, so a printed heading never lacks its text.
		expect(panel?.classList.contains('print-hide')).toBe(true);
	});

	it('keeps in view on a compact card what to keep in mind, the stance and the links; its reasons are a tap away', async () => {
		const i18n = new I18n();
		await i18n.use('en');
		const reason = {
			question: 'structure',
			option: 'tools',
			style: ranked.style.id,
			points: 2,
			reason: text('You want practical tools.', 'Quieres herramientas prácticas.')
		};
		const { container } = render(StyleCard, {
			props: { ranked: { ...ranked, rank: 2, reasons: [reason] }, badge: 'Also', compact: true },
			context: i18nContext(i18n)
		});
		await expect.element(page.getByRole('link', { name: 'Find a meeting' })).toBeVisible();
		await expect.element(page.getByText('You want practical tools.')).not.toBeVisible();
		await expect.element(page.getByText('Welcomes people on medication.')).toBeVisible();
		const about = container.querySelector('details[data-about]');
		expect(about?.querySelector('summary')?.textContent).toBe('Why it may fit, and more');
		expect(about?.querySelector('.reasons')).not.toBeNull();
		expect(container.querySelector(':scope > article > .reasons')).toBeNull();
	});

	it('keeps the paragraph without a list when no point applies', async () => {
		const { container } = await show({ firstMeeting: [] });
		const panel = container.querySelector('[data-first-meeting]');
		expect(panel?.querySelector('p')?.textContent).toBe('A trained volunteer leads.');
		expect(panel?.querySelector('ul')).toBeNull();
	});

	it('folds the first meeting, points and all, into the one panel of a compact card', async () => {
		const { container } = await show({ compact: true });
		const panels = container.querySelectorAll('details');
		expect(panels).toHaveLength(1);
		const about = container.querySelector('details[data-about]');
		expect(about?.querySelector('summary')?.textContent).toBe('Why it may fit, and more');
		expect([...(about?.querySelectorAll('h4') ?? [])].map((h) => h.textContent)).toContain(
			'Your first meeting'
		);
		await expect.element(page.getByText('You can just listen.')).not.toBeVisible();
		await expect.element(page.getByText('A trained volunteer leads.')).not.toBeVisible();
		await page.getByText('Why it may fit, and more').click();
		await expect.element(page.getByText('A trained volunteer leads.')).toBeVisible();
		await expect.element(page.getByText('You can just listen.')).toBeVisible();
	});

	it('keeps the links of a compact card in view, with no headings over the stance and links', async () => {
		const { container } = await show({ compact: true });
		await expect.element(page.getByRole('link', { name: 'Find a meeting' })).toBeVisible();
		await expect.element(page.getByText('Welcomes people on medication.')).toBeVisible();
		expect([...container.querySelectorAll('article > h4')].map((h) => h.textContent)).toEqual([]);
	});

	it('puts no heading over a stance (it names medication itself), and one over a paragraph without', async () => {
		const first = await show();
		expect([...first.container.querySelectorAll('article > h4')].map((h) => h.textContent)).toEqual(
			['Groups to try']
		);
		first.unmount();
		const i18n = new I18n();
		await i18n.use('en');
		const { container } = render(StyleCard, {
			props: { ranked: { ...ranked, style: { ...style, stance: undefined } }, badge: 'Best fit' },
			context: i18nContext(i18n)
		});
		expect([...container.querySelectorAll('article > h4')].map((h) => h.textContent)).toEqual([
			'Medication for opioid use disorder',
			'Groups to try'
		]);
	});

	it('shows a finder hint beside its link, as the description of that link', async () => {
		await show();
		const link = page.getByRole('link', { name: 'Find a meeting' });
		await expect
			.element(link)
			.toHaveAccessibleDescription('The finder shows which meetings give proof of attendance.');
		await expect
			.element(page.getByText('The finder shows which meetings give proof of attendance.'))
			.toBeVisible();
		// A link without a hint has no description.
		await expect
			.element(page.getByRole('link', { name: 'Meet online' }))
			.not.toHaveAttribute('aria-describedby');
	});

	it('opens the panel and shows the hints in Spanish', async () => {
		const i18n = new I18n();
		await i18n.use('es');
		render(StyleCard, {
			props: { ranked, badge: 'Mejor opción' },
			context: i18nContext(i18n)
		});
		await page.getByText('Tu primera reunión').click();
		await expect.element(page.getByText('Puedes solo escuchar.')).toBeVisible();
		await expect
			.element(page.getByRole('link', { name: 'Busca una reunión' }))
			.toHaveAccessibleDescription(
				'El buscador muestra qué reuniones dan comprobante de asistencia.'
			);
	});
});
