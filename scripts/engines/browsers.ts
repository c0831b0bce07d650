/**
 * The two engines Debian ships besides Chromium, behind one small interface for the smoke suite
 * (tests/engines): Firefox ESR through puppeteer-core over WebDriver BiDi, and WebKitGTK through
 * WebKitWebDriver, a W3C WebDriver server, driven over HTTP with fetch, under xvfb-run (WebKitGTK
 * has no headless mode). Neither downloads a browser: both use Debian's packages
 * (scripts/ensure-engines.mjs installs them).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import puppeteer, { type ElementHandle } from 'puppeteer-core';
import { endOnExit } from './cleanup';

export type EngineName = 'firefox' | 'webkit';

/** A phone-sized window, as the Chromium tests use. */
export const VIEWPORT = { width: 390, height: 844 };

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const xvfbRunPath = process.env.XVFB_RUN_PATH ?? '/usr/bin/xvfb-run';

/** WebKitGTK's MiniBrowser, which libwebkit2gtk ships under the machine's multiarch folder. */
export function miniBrowserPath(): string | undefined {
	if (process.env.WEBKIT_BROWSER_PATH) return process.env.WEBKIT_BROWSER_PATH;
	const lib = '/usr/lib';
	const arches = existsSync(lib) ? readdirSync(lib).filter((d) => d.endsWith('-linux-gnu')) : [];
	return arches
		.map((arch) => `${lib}/${arch}/webkit2gtk-4.1/MiniBrowser`)
		.find((path) => existsSync(path));
}

/** One browser window with fresh storage: nothing carries over from another tab of the suite. */
export interface Tab {
	readonly engine: EngineName;
	goto(url: string): Promise<void>;
	url(): Promise<string>;
	back(): Promise<void>;
	reload(): Promise<void>;
	/** Calls a function of page.js in the page, with arguments that survive JSON. */
	call<T = unknown>(helper: string, ...args: unknown[]): Promise<T>;
	/** Finds an element with a function of page.js and clicks it with real input events. */
	click(helper: string, ...args: unknown[]): Promise<void>;
	/** Clicks the element a function of page.js finds, then types into it, key by key. */
	type(text: string, helper: string, ...args: unknown[]): Promise<void>;
	/** Puts the caret at the end of the field a function of page.js finds and presses Backspace. */
	erase(times: number, helper: string, ...args: unknown[]): Promise<void>;
	/** A picture of the window (the whole page: element pictures are unreliable in WebKitGTK). */
	screenshot(file: string): Promise<void>;
	/**
	 * What went wrong out of sight: console errors and uncaught errors. Only Firefox reports these
	 * (classic WebDriver gives WebKit no console); requests off the machine the proxy records.
	 */
	problems(): string[];
	close(): Promise<void>;
}

/**
 * proxy: the port of scripts/engines/proxy.ts, through which the browser reaches every host but
 * this machine; its certificate is made for the run, so the session accepts untrusted ones.
 */
export type LaunchOptions = { proxy: number };

export interface Engine {
	readonly name: EngineName;
	readonly version: string;
	open(): Promise<Tab>;
	close(): Promise<void>;
}

const PAGE_JS = readFileSync(new URL('./page.js', import.meta.url), 'utf8')
	.trim()
	.replace(/;$/, '');

/** The source of a call to one of page.js's functions. */
function callSource(helper: string, args: unknown[]) {
	return `(${PAGE_JS})()[${JSON.stringify(helper)}](...${JSON.stringify(args)})`;
}

function describeCall(helper: string, args: unknown[]) {
	return `${helper}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
}

function save(file: string, png: Uint8Array) {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, png);
}

// ---------------------------------------------------------------------------------------------
// Firefox ESR: puppeteer-core over WebDriver BiDi.

export async function launchFirefox({ proxy }: LaunchOptions): Promise<Engine> {
	const browser = await puppeteer.launch({
		browser: 'firefox',
		protocol: 'webDriverBiDi',
		executablePath: firefoxPath,
		headless: true,
		acceptInsecureCerts: true,
		protocolTimeout: 45_000,
		// Release builds honour services.settings.server (below) only with this set.
		env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
		extraPrefsFirefox: {
			// A closed network: no captive-portal or connectivity probes in the background.
			'network.captive-portal-service.enabled': false,
			'network.connectivity-service.enabled': false,
			// Remote Settings, Firefox's own downloads of blocklists and the like: not the app's.
			'services.settings.server': 'data:,#remote-settings-dummy/v1',
			// Every other host through the proxy; this machine (127.0.0.1) directly.
			'network.proxy.type': 1,
			'network.proxy.http': '127.0.0.1',
			'network.proxy.http_port': proxy,
			'network.proxy.ssl': '127.0.0.1',
			'network.proxy.ssl_port': proxy,
			'network.proxy.no_proxies_on': '127.0.0.1,localhost'
		}
	});
	return {
		name: 'firefox',
		version: await browser.version(),
		async open() {
			// A new user context is a fresh profile within the browser: its own storage, cookies,
			// service workers and caches.
			const context = await browser.createBrowserContext();
			const page = await context.newPage();
			await page.setViewport(VIEWPORT);
			const problems: string[] = [];
			page.on('console', (m) => {
				if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
			});
			page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
			const element = async (helper: string, args: unknown[]) => {
				const handle = await page.evaluateHandle(callSource(helper, args));
				const found = handle.asElement();
				if (!found) {
					await handle.dispose();
					throw new Error(`firefox: nothing on the page for ${describeCall(helper, args)}`);
				}
				// page.js finds elements only (labels, buttons, links, fields).
				return found as ElementHandle<Element>;
			};
			return {
				engine: 'firefox',
				async goto(url) {
					await page.goto(url);
				},
				async url() {
					return page.url();
				},
				async back() {
					await page.goBack();
				},
				async reload() {
					await page.reload();
				},
				async call<T>(helper: string, ...args: unknown[]) {
					return (await page.evaluate(callSource(helper, args))) as T;
				},
				async click(helper, ...args) {
					const found = await element(helper, args);
					await found.click();
					await found.dispose();
				},
				async type(text, helper, ...args) {
					const found = await element(helper, args);
					await found.click();
					await found.type(text);
					await found.dispose();
				},
				async erase(times, helper, ...args) {
					const found = await element(helper, args);
					await found.focus();
					await page.keyboard.press('End');
					for (let i = 0; i < times; i++) await page.keyboard.press('Backspace');
					await found.dispose();
				},
				async screenshot(file) {
					save(file, await page.screenshot());
				},
				problems: () => [...problems],
				async close() {
					await context.close();
				}
			};
		},
		async close() {
			await browser.close();
		}
	};
}

// ---------------------------------------------------------------------------------------------
// WebKitGTK: WebKitWebDriver (W3C WebDriver over HTTP) under xvfb-run.

/** The key under which W3C WebDriver returns an element reference. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
/** WebDriver's codes for keys that type no character. */
const KEY = { backspace: '\uE003', end: '\uE010' };

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function launchWebKit({ proxy }: LaunchOptions): Promise<Engine> {
	const binary = miniBrowserPath();
	if (!binary)
		throw new Error('WebKitGTK’s MiniBrowser was not found (package libwebkit2gtk-4.1-0)');
	/** The driver (under xvfb-run) and how to reach it; started again if it stops answering. */
	type Driver = { base: string; end: () => Promise<void> };
	async function startDriver(): Promise<Driver> {
		const port = await freePort();
		// Its own process group, so that closing ends xvfb-run, Xvfb, the driver and the browser.
		const driver = spawn(
			xvfbRunPath,
			['-a', '-s', '-screen 0 1280x1024x24', webkitDriverPath, `--port=${port}`],
			{ detached: true, stdio: ['ignore', 'ignore', 'pipe'] }
		);
		const forget = endOnExit(driver.pid, 'group');
		let log = '';
		driver.stderr?.on('data', (chunk: Buffer) => {
			log = (log + chunk.toString()).slice(-4000);
		});
		const exited = new Promise<void>((resolve) => driver.once('exit', () => resolve()));
		exited.then(forget, forget);
		const end = async () => {
			if (driver.exitCode !== null || driver.signalCode !== null || !driver.pid) return;
			try {
				process.kill(-driver.pid, 'SIGTERM');
			} catch {
				return;
			}
			const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
			if (!done)
				try {
					process.kill(-driver.pid, 'SIGKILL');
				} catch {
					// Already gone.
				}
		};
		const started = { base: `http://127.0.0.1:${port}`, end };
		const ready = Date.now() + 20_000;
		for (;;) {
			if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited early:\n${log}`);
			try {
				if ((await wd<{ ready: boolean }>('GET', '/status', undefined, started)).ready)
					return started;
			} catch {
				// Not listening yet.
			}
			if (Date.now() > ready) {
				await end();
				throw new Error(`WebKitWebDriver did not start within 20 s:\n${log}`);
			}
			await sleep(100);
		}
	}

	async function wd<T = unknown>(
		method: string,
		path: string,
		body?: unknown,
		to: Driver = driver,
		timeout = 45_000
	): Promise<T> {
		const response = await fetch(to.base + path, {
			method,
			headers: { 'content-type': 'application/json; charset=utf-8' },
			body: body === undefined ? undefined : JSON.stringify(body),
			// No command of the suite takes this long: a hung browser fails the test, not the run.
			signal: AbortSignal.timeout(timeout)
		}).catch((error: unknown) => {
			throw new Error(`webkit: WebDriver ${method} ${path}: ${String(error)}`);
		});
		const json = (await response.json()) as { value: T & { error?: string; message?: string } };
		const value = json.value;
		if (!response.ok || (value && typeof value === 'object' && 'error' in value && value.error))
			throw new Error(`webkit: WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
		return value;
	}

	let driver = await startDriver();

	/** A new session: a MiniBrowser through the suite's proxy. */
	const SESSION = {
		capabilities: {
			alwaysMatch: {
				// MiniBrowser's own proxy options: with WebDriver's sslProxy, WebKitGTK speaks
				// TLS to the proxy itself instead of asking it to CONNECT.
				'webkitgtk:browserOptions': {
					binary,
					args: [
						'--automation',
						`--proxy=http://127.0.0.1:${proxy}`,
						'--ignore-host=127.0.0.1',
						'--ignore-host=localhost'
					]
				},
				acceptInsecureCerts: true,
				timeouts: { script: 15_000, pageLoad: 30_000, implicit: 0 }
			}
		}
	};

	let open: string | null = null;
	let version = 'WebKitGTK';
	return {
		name: 'webkit',
		get version() {
			return version;
		},
		async open() {
			// WebKitWebDriver drives one session at a time; each is a new MiniBrowser with fresh,
			// ephemeral storage.
			if (open) throw new Error('webkit: a session is still open (WebKitWebDriver allows one)');
			type Created = { sessionId: string; capabilities: { browserVersion: string } };
			const create = (timeout: number) => wd<Created>('POST', '/session', SESSION, driver, timeout);
			// Now and then (1 run in about 7 here) the driver never answers a new session: it is
			// started again, once, rather than failing a test that has not begun.
			const created = await create(20_000).catch(async () => {
				await driver.end();
				driver = await startDriver();
				return create(45_000);
			});
			const id = created.sessionId;
			open = id;
			version = `WebKitGTK ${created.capabilities.browserVersion}`;
			const s = `/session/${id}`;
			await wd('POST', `${s}/window/rect`, VIEWPORT);
			const element = async (helper: string, args: unknown[]) => {
				const found = await wd<Record<string, string> | null>('POST', `${s}/execute/sync`, {
					script: `return ${callSource(helper, args)}`,
					args: []
				});
				const ref = found?.[ELEMENT];
				if (!ref) throw new Error(`webkit: nothing on the page for ${describeCall(helper, args)}`);
				// Mid-screen, as a person would bring it: WebKitWebDriver's own scrolling may leave it
				// under the sticky header (Quick exit), and then it is "not interactable".
				await wd('POST', `${s}/execute/sync`, {
					script: "arguments[0].scrollIntoView({ block: 'center' })",
					args: [{ [ELEMENT]: ref }]
				});
				return `${s}/element/${ref}`;
			};
			return {
				engine: 'webkit',
				async goto(url) {
					await wd('POST', `${s}/url`, { url });
				},
				url: () => wd<string>('GET', `${s}/url`),
				async back() {
					await wd('POST', `${s}/back`, {});
				},
				async reload() {
					await wd('POST', `${s}/refresh`, {});
				},
				call: <T>(helper: string, ...args: unknown[]) =>
					wd<T>('POST', `${s}/execute/sync`, {
						script: `return ${callSource(helper, args)}`,
						args: []
					}),
				async click(helper, ...args) {
					await wd('POST', `${await element(helper, args)}/click`, {});
				},
				async type(text, helper, ...args) {
					const found = await element(helper, args);
					await wd('POST', `${found}/click`, {});
					await wd('POST', `${found}/value`, { text });
				},
				async erase(times, helper, ...args) {
					const keys = KEY.end + KEY.backspace.repeat(times);
					await wd('POST', `${await element(helper, args)}/value`, { text: keys });
				},
				async screenshot(file) {
					save(file, Buffer.from(await wd<string>('GET', `${s}/screenshot`), 'base64'));
				},
				problems: () => [],
				async close() {
					if (open !== id) return;
					open = null;
					await wd('DELETE', s);
				}
			};
		},
		async close() {
			if (open) await wd('DELETE', `/session/${open}`).catch(() => undefined);
			open = null;
			await driver.end();
		}
	};
}
