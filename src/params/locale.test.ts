import { describe, expect, it } from 'vitest';
import { match } from './locale';

describe('the [lang=locale] route parameter', () => {
	it('matches the languages that have a prefix', () => {
		expect(match('es')).toBe(true);
	});

	it('refuses the default language, which has plain paths, and anything else', () => {
		for (const value of ['en', 'fr', 'ES', 'es-MX', '', 'check', 'help', 'es '])
			expect(match(value)).toBe(false);
	});
});
