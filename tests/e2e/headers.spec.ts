/**
 * The security policy, read from the built site (Playwright builds it before these tests run):
 * a test fails when a directive is missing or weakened, in the pages or in the host config.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../../src/lib/i18n/locales';
import { localizedPath } from '../../src/lib/i18n/paths';
import { expect, open, test } from './fixtures';

function pages(dir = 'build'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return path.includes('_app') ? [] : pages(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

function directives(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name as string, values])
	);
}

const HEADER_POLICY = [
	['frame-ancestors', ["'none'"]],
	['base-uri', ["'none'"]],
	['form-action', ["'self'"]],
	['object-src', ["'none'"]],
	['connect-src', ["'self'"]]
] as const;

test('every built page carries a strict Content-Security-Policy meta tag', () => {
	const built = pages();
	// Six pages, in each language.
	expect(built.length).toBeGreaterThanOrEqual(12);
	for (const file of built) {
		const html = readFileSync(file, 'utf8');
		const meta = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/);
		expect(meta, `${file} has no CSP meta tag`).not.toBeNull();
		const csp = directives(meta?.[1] ?? '');
		expect(csp.get('default-src'), file).toEqual(["'self'"]);
		expect(csp.get('connect-src'), file).toEqual(["'self'"]);
		expect(csp.get('form-action'), file).toEqual(["'self'"]);
		expect(csp.get('base-uri'), file).toEqual(["'none'"]);
		expect(csp.get('object-src'), file).toEqual(["'none'"]);
		const scripts = csp.get('script-src') ?? [];
		expect(scripts[0], file).toBe("'self'");
		for (const source of scripts.slice(1))
			expect(source, file).toMatch(/^'sha256-[A-Za-z0-9+/=]+'$/);
		expect(scripts.join(' '), file).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
		for (const [name, values] of csp)
			for (const value of values) expect(value, `${file} ${name}`).not.toMatch(/^(https?:\/\/|\*)/);
		// Every inline script is covered by its own hash, and the policy comes before it (a
		// script above the meta tag would run unchecked).
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
		for (const script of inline) {
			const hash = `'sha256-${createHash('sha256')
				.update(script[1] ?? '')
				.digest('base64')}'`;
			expect(scripts, `${file}: an inline script without its hash`).toContain(hash);
			expect(script.index, file).toBeGreaterThan(meta?.index ?? Infinity);
		}
		expect(inline.length, file).toBe(scripts.length - 1);
	}
});

test('host configs ship the headers a meta tag cannot: framing, referrer, permissions, HSTS', () => {
	const netlify = readFileSync('build/_headers', 'utf8');
	const nginx = readFileSync('docs/hosting/nginx.conf', 'utf8');
	for (const [name, text] of [
		['_headers', netlify],
		['nginx.conf', nginx]
	] as const) {
		const policy =
			text.match(/^\s*(?:add_header\s+)?Content-Security-Policy:?\s+"?([^"\n]+)"?/m)?.[1] ?? '';
		const csp = directives(policy);
		for (const [directive, values] of HEADER_POLICY)
			expect(csp.get(directive), `${name} ${directive}`).toEqual(values);
		expect(policy, name).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
		// A header policy must not restrict scripts: the per-page meta policy carries their hashes.
		expect(csp.has('script-src') || csp.has('default-src'), name).toBe(false);
		expect(text, name).toMatch(/Referrer-Policy:?\s+"?no-referrer"?/);
		expect(text, name).toMatch(
			/Permissions-Policy:?\s+"?camera=\(\), microphone=\(\), geolocation=\(\)/
		);
		expect(text, name).toMatch(/X-Content-Type-Options:?\s+"?nosniff"?/);
		expect(text, name).toMatch(/Strict-Transport-Security:?\s+"?max-age=(\d+)/);
		const maxAge = Number(text.match(/max-age=(\d+); includeSubDomains/)?.[1] ?? 0);
		expect(maxAge, name).toBeGreaterThanOrEqual(31_536_000);
	}
});

test('the pages run under the policy without a single violation', async ({ page }) => {
	const violations: string[] = [];
	await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { reportViolation: (v: string) => void }).reportViolation(
				`${e.violatedDirective} ${e.blockedURI}`
			)
		);
	});
	for (const locale of LOCALES)
		for (const path of ['/', '/check', '/help', '/about', '/privacy', '/shared'])
			await open(page, localizedPath(path, locale));
	expect(violations).toEqual([]);
});
