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

describe("SvelteKit's start, handed to the inline script on every page that runs the app", () => {
	it.each([
		['the questionnaire', '<form data-early="who" data-early-live></form>'],
		["the counselor's page", '<main><h1>Shared result</h1></main>']
	])('%s: wraps the start and its preloads in sggBoot, and keeps the policy exact', (_, body) => {
		const out = deferStart(page(body));
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

	it('leaves a page that runs no app as it is', () => {
		const html = `<html><head></head><body><main>help lines</main><style>form[data-early-live]{}</style><script>(() => {})()</script></body></html>`;
		expect(deferStart(html)).toBe(html);
	});

	it('fails the build when the questionnaire page has lost its start script', () => {
		const html = `<html><head></head><body><form data-early="who" data-early-live></form></body></html>`;
		expect(() => deferStart(html)).toThrow(/not as expected/);
	});

	it("fails the build when the questionnaire page's start script is not as expected", () => {
		const odd = page('<form data-early-live></form>').replace('Promise.all([', 'Promise.any([');
		expect(() => deferStart(odd)).toThrow(/not as expected/);
	});

	it('leaves any other page with an unexpected start as Kit wrote it', () => {
		// An error page rendered on the fly: its start is not in a hashed policy.
		const html = page('<main>Not found</main>').replace(hash(START), "'nonce-x'");
		expect(deferStart(html)).toBe(html);
	});
});
