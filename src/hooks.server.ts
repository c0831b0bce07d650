import type { Handle } from '@sveltejs/kit';
import { localeOf } from '$lib/i18n/paths';

/** Each prerendered page names its own language on the root element (`%lang%` in app.html). */
export const handle: Handle = ({ event, resolve }) => {
	const lang = localeOf(event.url.pathname);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
