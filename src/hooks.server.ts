import type { Handle } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { localeOf } from '$lib/i18n/paths';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * On the questionnaire's page (the one with a form the inline script answers early), SvelteKit's
 * start is handed to the inline script (`sggBoot`, early.inline.js), which runs it at the first
 * touch outside that form or once the first answer shows: hydrating never holds up the first
 * answer. The registration of the service worker is left as it is. The script's hash in the
 * page's policy is replaced by the new one, so the policy stays exact.
 */
export function deferStart(html: string): string {
	if (!/<form[^>]*\sdata-early-live/.test(html)) return html;
	const script = html.match(/<script>(\s*\{\s*__sveltekit_[\s\S]*?)<\/script>/)?.[1];
	const from = script?.indexOf('Promise.all([') ?? -1;
	const worker = script?.indexOf("if ('serviceWorker' in navigator)") ?? -1;
	const to = script?.lastIndexOf('});', worker < 0 ? undefined : worker) ?? -1;
	if (script === undefined || from < 0 || to < from || !html.includes(hash(script)))
		throw new Error("deferStart: SvelteKit's start script is not as expected");
	const deferred = `${script.slice(0, from)}sggBoot(() => ${script.slice(from, to + 2)})${script.slice(to + 2)}`;
	return html.replace(script, deferred).replace(hash(script), hash(deferred));
}

/**
 * Each prerendered page names its own language on the root element (`%lang%` in app.html) and
 * carries the inline script that takes the first answer before the app runs (`%sgg.early%`; its
 * hash is in the page's CSP, svelte.config.js).
 */
export const handle: Handle = ({ event, resolve }) => {
	const lang = localeOf(event.url.pathname);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			deferStart(
				html.replace('%lang%', lang).replace('%sgg.early%', `<script>${__EARLY_SCRIPT__}</script>`)
			)
	});
};
