import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILY_ANSWERS, opioidFlow } from '../../../tests/flows';
import { decodeAnswers, encodeAnswers } from './link';
import { openLink } from './open-link';
import { decryptFragment, encryptFragment, isEncrypted } from './passcode';

const flow = opioidFlow();
/** A family member: every question asked of them is answered. */
const answers = FAMILY_ANSWERS;
const plain = encodeAnswers(flow, answers);

describe('passcode-protected links', () => {
	it('round-trips with the right passcode and hides the answers', async () => {
		expect(decodeAnswers(flow, plain)).toEqual({ ok: true, answers, plan: [] });
		const sealed = await encryptFragment(plain, 'river 42');
		expect(isEncrypted(sealed)).toBe(true);
		expect(sealed).not.toContain('opioid-support');
		expect(sealed.length).toBeLessThan(130);
		expect(await decryptFragment(sealed, 'river 42')).toEqual({ ok: true, fragment: plain });
	});

	it('fails safely on a wrong passcode or any changed character', async () => {
		const sealed = await encryptFragment(plain, 'river 42');
		expect(await decryptFragment(sealed, 'river 43')).toEqual({
			ok: false,
			error: 'wrong-passcode'
		});
		const flipped = sealed.slice(0, -5) + (sealed.at(-5) === 'A' ? 'B' : 'A') + sealed.slice(-4);
		expect((await decryptFragment(flipped, 'river 42')).ok).toBe(false);
		expect(await decryptFragment(sealed.slice(0, 30), 'river 42')).toEqual({
			ok: false,
			error: 'damaged'
		});
		expect(await decryptFragment('e1.***', 'x')).toEqual({ ok: false, error: 'damaged' });
	});

	it('opens on the counselor page only with the passcode, recomputing the same result', async () => {
		const sealed = await encryptFragment(plain, '1234');
		expect(await openLink(flow, `#${sealed}`)).toEqual({ state: 'locked' });
		expect(await openLink(flow, `#${sealed}`, '0000')).toEqual({
			state: 'error',
			error: 'wrong-passcode'
		});
		const opened = await openLink(flow, `#${sealed}`, '1234');
		expect(opened.state).toBe('ready');
		expect(opened.state === 'ready' && opened.result.dangers.map((d) => d.id)).toEqual(
			['severe-withdrawal', 'depressants'].sort(
				(a, b) =>
					flow.dangers.findIndex((d) => d.id === a) - flow.dangers.findIndex((d) => d.id === b)
			)
		);
	});

	it('never throws on random encrypted-looking input', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ maxLength: 150 }), async (tail) => {
				const result = await openLink(flow, `e1.${tail}`, 'pass');
				expect(result.state).toBe('error');
			}),
			{ numRuns: 60 }
		);
	});
});
