#!/usr/bin/env node
// Every browser test uses Debian's Chromium (no test tool can download its own browser here).
// Finds it, installs it with apt when running as root, or stops with the command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.js';

const INSTALL = 'sudo apt-get update && sudo apt-get install -y chromium';

function found() {
	return existsSync(chromiumPath);
}

if (!found()) {
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	const apt = existsSync('/usr/bin/apt-get');
	if (root && apt && !process.env.CHROME_PATH) {
		console.log('Chromium is missing: installing Debian’s chromium package with apt-get…');
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
	}
	if (!found()) {
		console.error(
			`Chromium was not found at ${chromiumPath}.\n` +
				`Install it with:\n\n  ${INSTALL}\n\n` +
				'or set CHROME_PATH to a Chromium or Chrome binary, then run npm test again.'
		);
		process.exit(1);
	}
}
console.log(`Using Chromium at ${chromiumPath}`);
