/**
 * Every engine: a smoke suite in Firefox ESR and WebKitGTK, Debian's packages, beside the Chromium
 * suite (tests/e2e). In each engine: the questionnaire to the result in English and in Spanish, the
 * emergency screens, the counselor's link in a fresh session, an invite made on the counselor's
 * page before its app runs, quick exit and offline after one visit; then a passcode link made in
 * each engine is opened in the other.
 *
 * Run with `npm run test:engines` (node's test runner, through tsx). It builds the site and serves
 * it on a port of its own; ENGINES=firefox or ENGINES=webkit runs one engine only, and
 * ENGINES_BUILD=0 serves the build that is there instead of building again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { en } from '../../src/lib/i18n/en';
import { es } from '../../src/lib/i18n/es';
import { sharingEn } from '../../src/lib/i18n/sharing/en';
import { NEUTRAL_SITE } from '../../src/lib/safety/quick-exit';
import {
	launchFirefox,
	launchWebKit,
	type Engine,
	type EngineName,
	type Tab
} from '../../scripts/engines/browsers';
import { startProxy, STAND_IN_TITLE, type Proxy } from '../../scripts/engines/proxy';
import { build, preview, type Server } from '../../scripts/engines/server';
import { danger, FLOW, labelOf, LINK_HEADER, prompt, type Locale } from '../e2e/flow';

/** Ports of the suite's own: the site, and a second copy that goes away to test offline use. */
const PORT = Number(process.env.ENGINES_PORT ?? 4322);
const OFFLINE_PORT = PORT + 1;
const M = { en, es };
const NAMES: Record<EngineName, string> = { firefox: 'Firefox ESR', webkit: 'WebKitGTK' };
/** The name a counselor gives their invite. */
const INVITE_NAME = 'Clinic: Room 4';

const WANTED = (process.env.ENGINES ?? 'firefox,webkit').split(',') as EngineName[];
for (const name of WANTED)
	if (!(name in NAMES)) throw new Error(`ENGINES: unknown engine "${name}" (firefox, webkit)`);
/** Each test takes 1–16 s here, busy machine or not: a hung browser fails its test, not the run. */
const TEST = { timeout: 90_000 };

/**
 * Where an engine cannot do something here, headless, the test is skipped with this reason, and
 * says so. Both engines run service workers here, so nothing is skipped today.
 */
const CANNOT: Record<EngineName, { offline?: string }> = { firefox: {}, webkit: {} };

let site: Server;
let proxy: Proxy;
const engines: Partial<Record<EngineName, Engine>> = {};
/** Passcode-protected links made in each engine, opened by the other at the end. */
const protectedLinks: Partial<Record<EngineName, { link: string; passcode: string }>> = {};

// ---------------------------------------------------------------------------------------------
// Waiting for what a person would see.

async function waitFor<T>(
	tab: Tab,
	what: string,
	read: () => Promise<T>,
	ok: (value: T) => boolean = Boolean,
	timeout = 10_000
): Promise<T> {
	const deadline = Date.now() + timeout;
	let last = 'nothing yet';
	for (;;) {
		try {
			const value = await read();
			if (ok(value)) return value;
			last = JSON.stringify(value) ?? 'undefined';
		} catch (error) {
			// A page that is navigating cannot answer yet.
			last = String(error);
		}
		if (Date.now() > deadline) {
			const screen = await tab.call('state').catch((e: unknown) => String(e));
			throw new Error(
				`${tab.engine}: ${what}\n  last seen: ${last}\n  on screen: ${JSON.stringify(screen)}`
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Waits until a page.js function returns exactly this. */
function see(tab: Tab, what: string, expected: unknown, helper: string, ...args: unknown[]) {
	return waitFor(
		tab,
		`expected ${what} to be ${JSON.stringify(expected)}`,
		() => tab.call(helper, ...args),
		(value) => JSON.stringify(value) === JSON.stringify(expected)
	);
}

/** Waits until a page.js function returns a text that contains this. */
function seeText(tab: Tab, what: string, part: string, helper: string, ...args: unknown[]) {
	return waitFor(
		tab,
		`expected ${what} to contain ${JSON.stringify(part)}`,
		() => tab.call<string | null>(helper, ...args),
		(text) => typeof text === 'string' && text.includes(part)
	);
}

async function hydrated(tab: Tab) {
	await see(tab, 'the page to handle input (its app runs, or it has none)', true, 'hydrated');
}

/** Loads a page of the site and waits until it handles input (clicks before that are lost). */
async function open(tab: Tab, path: string, origin = site.origin) {
	await tab.goto(new URL(path, origin).href);
	await hydrated(tab);
}

async function heading(tab: Tab, level: number, name: string) {
	await see(
		tab,
		`a level-${level} heading "${name}" to be shown`,
		true,
		'has',
		'heading',
		name,
		level
	);
}

// ---------------------------------------------------------------------------------------------
// Walking the questionnaire as a person does: read the question, tap the answers, Continue.

type Step = { q: string; a: string[]; emergency?: 'emergency' | 'urgent' };

async function answer(tab: Tab, locale: Locale, { q, a }: Step) {
	await see(tab, 'the question (the legend)', prompt(q, locale), 'text', 'fieldset legend');
	const before = await tab.call<string>('attr', '[data-step]', 'data-step');
	for (const option of a) {
		const label = labelOf(q, option, locale);
		await tab.click('label', label);
		await see(tab, `"${label}" to be ticked`, true, 'checked', label);
	}
	await tab.click('byRole', 'button', M[locale].continue);
	await waitFor(
		tab,
		`the next screen after ${q}`,
		() => tab.call<string>('attr', '[data-step]', 'data-step'),
		(step) => step !== before
	);
}

async function emergencyScreen(tab: Tab, locale: Locale, level: 'emergency' | 'urgent') {
	const title =
		level === 'emergency' ? M[locale].emergencyHeading : M[locale].emergencyUrgentHeading;
	await see(tab, 'the emergency screen', 'emergency', 'attr', '[data-step]', 'data-step');
	await heading(tab, 1, title);
}

async function walk(tab: Tab, locale: Locale, steps: Step[]) {
	for (const step of steps) {
		await answer(tab, locale, step);
		if (step.emergency) {
			await emergencyScreen(tab, locale, step.emergency);
			await tab.click('byRole', 'button', M[locale].emergencyContinue);
		}
	}
	await see(tab, 'the review screen', 'review', 'attr', '[data-step]', 'data-step');
	await heading(tab, 1, M[locale].reviewHeading);
	await tab.click('byRole', 'button', M[locale].seeResult);
	await heading(tab, 1, M[locale].resultHeading);
}

/** For myself, heroin, still using, no spiritual words, tools, online: a secular group fits best. */
const SECULAR_ONLINE: Step[] = [
	{ q: 'who', a: ['myself'] },
	{ q: 'substance', a: ['heroin'] },
	{ q: 'other-depressants', a: ['none'] },
	{ q: 'detox-status', a: ['using'] },
	{ q: 'danger-signs', a: ['none'] },
	{ q: 'pregnant', a: ['no'] },
	{ q: 'moud-openness', a: ['maybe'] },
	{ q: 'spiritual', a: ['none'] },
	{ q: 'meditation', a: ['no'] },
	{ q: 'structure', a: ['tools-skills'] },
	{ q: 'format', a: ['online'] },
	{ q: 'group-prefs', a: [] }
];

/** A loved one, in Spanish: questions about the person, then about a group for themselves. */
const LOVED_ONE: Step[] = [
	{ q: 'who', a: ['loved-one'] },
	{ q: 'substance', a: ['fentanyl'] },
	{ q: 'other-depressants', a: ['none'] },
	{ q: 'detox-status', a: ['in-program'] },
	{ q: 'danger-signs', a: ['none'] },
	{ q: 'person-pregnant', a: ['no'] },
	{ q: 'person-moud-openness', a: ['yes'] },
	{ q: 'loved-one-help', a: ['both'] },
	{ q: 'family-spiritual', a: ['welcome'] },
	{ q: 'family-format', a: ['in-person'] }
];

function styleName(id: string, locale: Locale) {
	const style = FLOW.styles.find((s) => s.id === id);
	if (!style) throw new Error(`no style ${id} in the flow`);
	return style.name[locale];
}

/** Checks the result page in the order design.md promises, and its best fit (in `where`). */
async function checkResult(tab: Tab, locale: Locale, best: string, where = '[data-style]') {
	const m = M[locale];
	await see(tab, 'the first section', 'safety', 'attr', 'section[data-section]', 'data-section');
	const advice = await tab.call<string>('attr', '[data-advice]', 'data-advice');
	assert.match(advice, /^opening-/, 'the result opens with the medical-help advice');
	const bestFit = `${where}[data-rank="1"] h3`;
	await seeText(tab, 'the best fit', styleName(best, locale), 'text', bestFit);
	await seeText(tab, 'the best fit', m.bestFit, 'text', bestFit);
	await heading(tab, 2, m.shareHeading);
	const sections = await tab.call<string[]>('texts', 'section[data-section] > h2');
	assert.equal(sections.at(-1), m.shareHeading, 'sharing comes last');
}

// ---------------------------------------------------------------------------------------------
// One fresh tab per test: a picture of the screen when it fails, and always closed.

async function inTab(name: EngineName, what: string, body: (tab: Tab) => Promise<void>) {
	const engine = engines[name];
	if (!engine) throw new Error(`${NAMES[name]} did not start (see the first test)`);
	proxy.take();
	const tab = await engine.open();
	try {
		await body(tab);
		assert.deepEqual(tab.problems(), [], 'console errors or page errors');
		assert.deepEqual(proxy.take(), [], 'requests that left the machine');
	} catch (error) {
		const file = `test-results/engines/${name}-${what.replace(/\W+/g, '-').toLowerCase()}.png`;
		const saved = await tab.screenshot(file).then(
			() => `screenshot: ${file}`,
			(e: unknown) => `no screenshot (${String(e)})`
		);
		if (error instanceof Error) error.message += `\n  ${saved}`;
		throw error;
	} finally {
		await tab.close().catch(() => undefined);
	}
}

// ---------------------------------------------------------------------------------------------

before(
	async () => {
		const started = Date.now();
		proxy = await startProxy(NEUTRAL_SITE);
		// ENGINES_BUILD=0 serves the build/ that is there, for a second run on an unchanged tree.
		if (process.env.ENGINES_BUILD !== '0') build();
		site = await preview(PORT);
		console.log(`# built and serving ${site.origin} in ${Date.now() - started} ms`);
	},
	{ timeout: 240_000 }
);

after(async () => {
	for (const engine of Object.values(engines)) await engine.close().catch(() => undefined);
	await site?.stop();
	await proxy?.close();
});

function engineSuite(name: EngineName) {
	const passcode = name === 'firefox' ? 'blue door 7' : 'green gate 4';
	let shareLink = '';
	let started = 0;

	describe(NAMES[name], { concurrency: 1 }, () => {
		before(
			async () => {
				started = Date.now();
				const launch = name === 'firefox' ? launchFirefox : launchWebKit;
				engines[name] = await launch({ proxy: proxy.port });
			},
			{ timeout: 60_000 }
		);
		after(() => {
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			console.log(`# ${NAMES[name]} (${engines[name]?.version ?? 'did not start'}): ${seconds} s`);
		});

		test('in English: the whole questionnaire to the result, then a share link', TEST, async () => {
			await inTab(name, 'english result', async (tab) => {
				await open(tab, '/');
				await heading(tab, 1, en.welcomeTitle);
				await tab.click('byRole', 'link', en.start);
				await walk(tab, 'en', SECULAR_ONLINE);
				await checkResult(tab, 'en', 'secular');
				await seeText(
					tab,
					'a reason',
					'You said you prefer no spiritual words',
					'text',
					'[data-rank="1"]'
				);

				shareLink = await tab.call<string>('valueOf', en.shareLinkLabel);
				assert.match(shareLink, new RegExp(`/shared#${LINK_HEADER.replace(/\./g, '\\.')}[\\w-]+$`));

				await tab.click('label', en.protect);
				await see(
					tab,
					'no plain link while a passcode is asked for',
					null,
					'valueOf',
					en.shareLinkLabel
				);
				await tab.type(passcode, 'control', en.passcodeLabel);
				await tab.click('byRole', 'button', en.passcodeMake);
				await see(
					tab,
					'the status',
					en.passcodeReady,
					'text',
					'section[data-section="share"] [role="status"]'
				);
				const link = await tab.call<string>('valueOf', en.shareLinkLabel);
				assert.match(link, /\/shared#e1\./);
				assert.ok(!link.includes(FLOW.id), 'a protected link does not name the questionnaire');
				protectedLinks[name] = { link, passcode };
			});
		});

		test(
			'the share link, opened in a fresh session, shows the counselor summary',
			TEST,
			async () => {
				assert.ok(shareLink, 'the English test made no share link');
				await inTab(name, 'share link', async (tab) => {
					await open(tab, shareLink);
					await heading(tab, 1, en.sharedTitle);
					await heading(tab, 2, en.flagsHeading);
					await see(tab, 'the safety flags', en.noFlags, 'text', '[data-flags]');
					await seeText(
						tab,
						'the answers',
						labelOf('spiritual', 'none'),
						'text',
						'section[data-section="answers"]'
					);
					await seeText(
						tab,
						'the recommendation',
						styleName('secular', 'en'),
						'text',
						'section[data-section="groups"]'
					);
				});
			}
		);

		test('en español: todo el cuestionario hasta el resultado', TEST, async () => {
			await inTab(name, 'spanish result', async (tab) => {
				await open(tab, '/es');
				await see(tab, 'the language of the page', 'es', 'attr', 'html', 'lang');
				await tab.click('byRole', 'link', es.start);
				await waitFor(
					tab,
					'the Spanish questionnaire',
					() => tab.url(),
					(url) => url.endsWith('/es/check')
				);
				await walk(tab, 'es', LOVED_ONE);
				await see(tab, 'the language of the page', 'es', 'attr', 'html', 'lang');
				await checkResult(
					tab,
					'es',
					'family-twelve-step',
					'[data-section="loved-one"] [data-style]'
				);
				await heading(tab, 2, es.lovedOneHeading);
				await heading(tab, 2, es.groupsForPerson);
			});
		});

		test('emergency screens: alcohol too, then an overdose sign', TEST, async () => {
			await inTab(name, 'emergency', async (tab) => {
				await open(tab, '/check');
				await answer(tab, 'en', { q: 'who', a: ['myself'] });
				await answer(tab, 'en', { q: 'substance', a: ['fentanyl'] });
				await answer(tab, 'en', { q: 'other-depressants', a: ['alcohol'] });
				await emergencyScreen(tab, 'en', 'urgent');
				await heading(tab, 2, danger('depressants').title.en);
				await tab.click('byRole', 'button', en.emergencyContinue);
				await answer(tab, 'en', { q: 'detox-status', a: ['stopped-alone'] });
				await answer(tab, 'en', { q: 'danger-signs', a: ['overdose-signs'] });
				await emergencyScreen(tab, 'en', 'emergency');
				await heading(tab, 2, danger('overdose').title.en);
				await see(
					tab,
					'the call button',
					'tel:911',
					'attr',
					'[data-step="emergency"] a[href^="tel:"]',
					'href'
				);
				await see(tab, 'a "Call 911" link to be shown', true, 'has', 'link', `${en.call} 911`);
				await tab.click('byRole', 'button', en.emergencyContinue);
				await see(tab, 'the next question', prompt('pregnant'), 'text', 'fieldset legend');
			});
		});

		test('the counselor page with no link: an invite made before its app runs', TEST, async () => {
			await inTab(name, 'invite', async (tab) => {
				// As a counselor arrives: nothing has touched the page, so its app has not started.
				await tab.goto(new URL('/shared', site.origin).href);
				await heading(tab, 2, sharingEn.receiveHeading);
				assert.equal(await tab.call('attr', 'html', 'data-hydrated'), null, 'the app ran unused');
				// The tap into the name field starts it; the name and the press are not lost.
				await tab.type(INVITE_NAME, 'control', sharingEn.receiveName);
				await tab.click('byRole', 'button', sharingEn.receiveMake);
				await heading(tab, 3, sharingEn.receiveReady(INVITE_NAME));
				await seeText(tab, 'the invite link', '/invite#i1.', 'valueOf', sharingEn.inviteLinkLabel);
			});
		});

		test('quick exit leaves for a neutral site and takes the answers with it', TEST, async () => {
			await inTab(name, 'quick exit', async (tab) => {
				await open(tab, '/check');
				await answer(tab, 'en', { q: 'who', a: ['myself'] });
				await answer(tab, 'en', { q: 'substance', a: ['heroin'] });
				assert.match(
					await tab.call<string>('stored'),
					/heroin/,
					'the answers are kept for a reload'
				);
				await tab.click('byRole', 'button', en.quickExit);
				await waitFor(
					tab,
					`the tab to go to ${NEUTRAL_SITE}`,
					() => tab.url(),
					(url) => url === NEUTRAL_SITE
				);
				await heading(tab, 1, STAND_IN_TITLE);
				// Back lands on an earlier page of the app at most, and the answers are gone.
				await tab.back();
				await waitFor(
					tab,
					'Back to return to the app',
					() => tab.url(),
					(url) => url.startsWith(site.origin)
				);
				await hydrated(tab);
				assert.doesNotMatch(await tab.call<string>('stored'), /heroin|answers/i);
				const ticked = await tab.call<string[]>('texts', 'label:has(input:checked)');
				assert.deepEqual(ticked, [], 'answers ticked on the page Back returns to');
				assert.equal(await tab.call('hasControl', labelOf('substance', 'heroin')), false);
			});
		});

		test('offline after the first visit', TEST, async (t) => {
			const cannot = CANNOT[name].offline;
			if (cannot) {
				t.skip(cannot);
				return;
			}
			const copy = await preview(OFFLINE_PORT);
			let stopped = false;
			try {
				await inTab(name, 'offline', async (tab) => {
					await open(tab, '/', copy.origin);
					await waitFor(
						tab,
						'the service worker to control the page with the site cached',
						() => tab.call('offlineReady'),
						(ready) => ready === true,
						20_000
					);
					await copy.stop();
					stopped = true;
					const down = await fetch(copy.origin).then(
						() => 'up',
						() => 'down'
					);
					assert.equal(down, 'down', 'the server is gone');

					await tab.reload();
					await hydrated(tab);
					await heading(tab, 1, en.welcomeTitle);
					await tab.click('byRole', 'link', en.start);
					await answer(tab, 'en', { q: 'who', a: ['myself'] });
					await see(tab, 'the next question', prompt('substance'), 'text', 'fieldset legend');
					// A Spanish page never visited: the whole site was cached.
					await open(tab, '/es/help', copy.origin);
					await see(tab, 'the language of the page', 'es', 'attr', 'html', 'lang');
					await heading(tab, 1, es.helpTitle);
					await see(
						tab,
						'a "Llamar al 911" link to be shown',
						true,
						'has',
						'link',
						`${es.call} 911`
					);
				});
			} finally {
				if (!stopped) await copy.stop();
			}
		});
	});
}

for (const name of WANTED) engineSuite(name);

if (WANTED.includes('firefox') && WANTED.includes('webkit'))
	describe('across engines', { concurrency: 1 }, () => {
		for (const [maker, opener] of [
			['firefox', 'webkit'],
			['webkit', 'firefox']
		] as const)
			test(`a passcode link made in ${NAMES[maker]} opens in ${NAMES[opener]}`, TEST, async () => {
				const made = protectedLinks[maker];
				assert.ok(made, `${NAMES[maker]} made no protected link (its English test failed)`);
				await inTab(opener, `passcode from ${maker}`, async (tab) => {
					await open(tab, made.link);
					await heading(tab, 1, en.sharedTitle);
					await see(tab, 'the passcode field to be shown', true, 'hasControl', en.passcodeInput);
					await tab.type(`${made.passcode}x`, 'control', en.passcodeInput);
					await tab.click('byRole', 'button', en.unlock);
					await see(tab, 'the alert', en.wrongPasscode, 'text', '[role="alert"]');
					assert.equal(
						await tab.call('count', '[data-style]'),
						0,
						'nothing shows without the passcode'
					);
					// The typo fixed as a person fixes it.
					await tab.erase(1, 'control', en.passcodeInput);
					await tab.click('byRole', 'button', en.unlock);
					await see(tab, 'the safety flags', en.noFlags, 'text', '[data-flags]');
					await seeText(
						tab,
						'the recommendation',
						styleName('secular', 'en'),
						'text',
						'section[data-section="groups"]'
					);
				});
			});
	});
