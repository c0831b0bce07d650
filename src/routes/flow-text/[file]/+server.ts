import { error, json } from '@sveltejs/kit';
import { textTable } from '$lib/flow/localize';
import { LOCALES } from '$lib/i18n/locales';
import { mainFlow } from '$lib/server/flows';

export const prerender = true;

/** One file per language: pages ship English and fetch another language's texts when chosen. */
export function entries() {
	return LOCALES.map((locale) => ({ file: `${locale}.json` }));
}

export function GET({ params }) {
	const locale = params.file.replace(/\.json$/, '');
	if (!mainFlow().locales.includes(locale)) error(404, 'unknown language');
	return json(textTable(mainFlow(), locale));
}
