import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deferStart } from './hooks.server';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** SvelteKit's start script as it writes it into a prerendered page. */
const START = `
	{
		__sveltekit_x = { base: new URL(".", location).pathname.slice(0, -1) };
		const element = document.currentScript.parentElement;
		Promise.all([
			import("./_app/immutable/entry/start.js"),
			import("./_app/immutable/entry/app.js")
		]).then(([kit, app]) => {
			kit.start(app, element, { node_ids: [0, 4], data: [{ text: "a }); b" }] });
		});
	}
`;

/** Its preload links, in the head. */
const PRELOADS =
	'<link href="./_app/immutable/entry/start.js" rel="modulepreload">' +
	'<link href="./_app/immutable/chunks/a.js" rel="modulepreload">';

const page = (body: string) =>
	`<html><head><meta http-equiv="content-security-policy" content="script-src 'self' ${hash(START)}">${PRELOADS}</head><body>${body}<script>${START}</script></body></html>`;

describe("SvelteKit's start, handed to the inline script on the questionnaire's page", () => {
	it('wraps the start and its preloads in sggBoot, and keeps the policy exact', () => {
		const out = deferStart(page('<form data-early="who" data-early-live></form>'));
		const script = out.match(/<script>([\s\S]*)<\/script>/)?.[1] ?? '';
		expect(script).toContain('sggBoot(() => Promise.all([');
		expect(script).toMatch(/kit\.start\([\s\S]*\}\), \[[^\]]*\]\);\s*\}\s*$/);
		// The modules are preloaded when the start runs, no longer with the page.
		expect(out).not.toContain('rel="modulepreload"');
		expect(out).toContain(hash(script));
		expect(out).not.toContain(hash(START));
		// The wrapped start still runs: sggBoot gets a function that starts the app, and the
		// modules to preload first.
		const started: unknown[] = [];
		new Function('sggBoot', 'document', 'location', script)(
			(go: () => Promise<unknown>, preload: string[]) => started.push(typeof go, preload),
			{ currentScript: { parentElement: {} } },
			new URL('http://localhost/check')
		);
		expect(started).toEqual([
			'function',
			['./_app/immutable/entry/start.js', './_app/immutable/chunks/a.js']
		]);
	});

	it('leaves every other page as it is', () => {
		const html = page('<main>help lines</main><style>form[data-early-live]{}</style>');
		expect(deferStart(html)).toBe(html);
	});

	it('fails the build when the start script is not as expected', () => {
		const odd = page('<form data-early-live></form>').replace('Promise.all([', 'Promise.any([');
		expect(() => deferStart(odd)).toThrow(/not as expected/);
	});
});
