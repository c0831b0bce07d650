import type { Plan } from '../flow/meetings';
import { recommend, type Recommendation } from '../flow/recommend';
import type { Answers, Flow } from '../flow/schema';
import { SEALED_PREFIX } from './invite-names';
import type { CounselorKey } from './keystore';
import { decodeAnswers, type LinkError } from './link';
import { decryptFragment, isEncrypted } from './passcode';

export type OpenError = LinkError | 'wrong-passcode' | 'no-key' | 'other-key';

export type Opened =
	| { state: 'ready'; answers: Answers; result: Recommendation; plan: Plan; lockedTo?: string }
	| { state: 'locked' }
	| { state: 'error'; error: OpenError; version?: number; flow?: string };

/**
 * What the counselor's page shows for a fragment: the recomputed result, a passcode prompt, or a
 * typed error. A link locked to an invite opens only with that invite's key (`key`, kept by the
 * counselor's browser). Never throws, whatever the fragment holds.
 */
export async function openLink(
	flow: Flow,
	fragment: string,
	passcode?: string,
	key?: CounselorKey | null
): Promise<Opened> {
	try {
		let plain = fragment.replace(/^#/, '');
		let lockedTo: string | undefined;
		if (plain.startsWith(SEALED_PREFIX)) {
			if (!key) return { state: 'error', error: 'no-key' };
			// The invite's crypto is loaded only for a link that needs it.
			const { openSealed } = await import('./invite');
			const opened = await openSealed(plain, key);
			if (!opened.ok) return { state: 'error', error: opened.error };
			plain = opened.fragment;
			lockedTo = key.name;
		} else if (isEncrypted(plain)) {
			if (passcode === undefined) return { state: 'locked' };
			const opened = await decryptFragment(plain, passcode);
			if (!opened.ok) return { state: 'error', error: opened.error };
			plain = opened.fragment;
		}
		const decoded = decodeAnswers(flow, plain);
		if (!decoded.ok) {
			const { error, version, flow: other } = decoded;
			return { state: 'error', error, version, flow: other };
		}
		const { answers, plan } = decoded;
		return { state: 'ready', answers, plan, result: recommend(flow, answers), lockedTo };
	} catch {
		return { state: 'error', error: 'damaged' };
	}
}
