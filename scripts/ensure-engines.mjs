#!/usr/bin/env node
// The smoke suite in other engines (tests/engines) uses Debian's Firefox ESR and WebKitGTK: no
// test tool can download its own browser here, and Playwright's Firefox and WebKit are patched
// builds it would have to download. Finds them, installs what is missing with apt when running as
// root, or stops with the command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What the suite runs, and the Debian package that brings it. */
const NEEDED = [
	{ pkg: 'firefox-esr', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
	{
		pkg: 'webkit2gtk-driver',
		path: process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver'
	},
	// WebKitGTK has no headless mode: it runs on a virtual X display.
	{ pkg: 'xvfb', path: process.env.XVFB_RUN_PATH ?? '/usr/bin/xvfb-run' },
	// xvfb-run needs xauth, which xvfb only recommends.
	{ pkg: 'xauth', path: '/usr/bin/xauth' },
	// Makes the certificate of the stand-in neutral site (scripts/engines/proxy.ts).
	{ pkg: 'openssl', path: '/usr/bin/openssl' }
];

function missing() {
	return NEEDED.filter(({ path }) => !existsSync(path));
}

let absent = missing();
if (absent.length > 0) {
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	const apt = existsSync('/usr/bin/apt-get');
	const packages = absent.map((n) => n.pkg);
	if (root && apt) {
		console.log(`Installing Debian’s ${packages.join(', ')} with apt-get…`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
		absent = missing();
	}
	if (absent.length > 0) {
		console.error(
			`Not found: ${absent.map((n) => n.path).join(', ')}.\n` +
				`Install them with:\n\n  sudo apt-get update && sudo apt-get install -y ${absent
					.map((n) => n.pkg)
					.join(' ')}\n\n` +
				'or set FIREFOX_PATH, WEBKIT_DRIVER_PATH or XVFB_RUN_PATH, then run npm run test:engines again.'
		);
		process.exit(1);
	}
}
console.log(
	`Using ${NEEDED.slice(0, 3)
		.map((n) => n.path)
		.join(', ')}`
);
