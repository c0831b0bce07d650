import { describe, expect, it } from 'vitest';
import { match } from './flow';

describe('the [flow=flow] route parameter', () => {
	it('matches a flow id that is not the default', () => {
		expect(match('minimal')).toBe(true);
		expect(match('alcohol-support-2')).toBe(true);
	});

	it('refuses the default flow, which has the short addresses, and anything not an id', () => {
		for (const value of ['opioid-support', '', 'Minimal', 'a--b', '-a', 'a/b', '..', 'a b'])
			expect(match(value)).toBe(false);
	});
});
