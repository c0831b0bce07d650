import type { Handle } from '@sveltejs/kit';
import { localeOf } from '$lib/i18n/paths';
import { scriptHash } from '$lib/server/csp-hash';

/** The script's source as the page's policy writes it. */
const hash = (text: string) => `'${scriptHash(text)}'`;

/** SvelteKit's preload links for the app's modules, as it writes them into a page's head. */
const PRELOAD = /<link href="([^"]+)" rel="modulepreload">/g;

/**
 * On every page that runs the app, SvelteKit's start is handed to the inline script (`sggBoot`,
 * early.inline.js), with its preload links: loaded with the page, the app's modules (47 to 64 KB
 * gzip) competed with the first paint on a slow phone; the inline script adds them, all at once,
 * when the start runs. That is once the page has painted, or, on the questionnaire's page (the one
 * with a form the inline script answers early), at the first touch outside that form or once the
 * first answer shows: hydrating never holds up the first answer; on the counselor's page with no
 * link, at the first touch (see early.inline.js). The script's hash in the page's
 * policy is replaced by the new one, so the policy stays exact. A page that runs no app (`csr =
 * false`) has no start script and is left as it is.
 */
export function deferStart(html: string): string {
	const script = html.match(/<script>(\s*\{\s*__sveltekit_[\s\S]*?)<\/script>/)?.[1];
	const from = script?.indexOf('Promise.all([') ?? -1;
	const to = script?.lastIndexOf('});') ?? -1;
	if (script === undefined || from < 0 || to < from || !html.includes(hash(script))) {
		// Any other page (an error page rendered on the fly has no hashed script) starts as Kit
		// writes it; the questionnaire's page cannot do without its deferred start.
		if (!/<form[^>]*\sdata-early-live/.test(html)) return html;
		throw new Error("deferStart: SvelteKit's start script is not as expected");
	}
	const preloads = [...html.matchAll(PRELOAD)].map((link) => link[1]);
	const deferred = `${script.slice(0, from)}sggBoot(() => ${script.slice(from, to + 2)}, ${JSON.stringify(preloads)})${script.slice(to + 2)}`;
	return html.replace(PRELOAD, '').replace(script, deferred).replace(hash(script), hash(deferred));
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
