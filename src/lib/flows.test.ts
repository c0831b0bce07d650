import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW, flowPath } from './flows';

describe('flowPath', () => {
	it('keeps the short addresses for the default flow, in every language', () => {
		expect(flowPath('check', DEFAULT_FLOW, 'en')).toBe('/check');
		expect(flowPath('shared', DEFAULT_FLOW, 'es')).toBe('/es/shared');
	});

	it('puts another flow under its id', () => {
		expect(flowPath('check', 'minimal', 'en')).toBe('/check/minimal');
		expect(flowPath('shared', 'minimal', 'es')).toBe('/es/shared/minimal');
	});
});
