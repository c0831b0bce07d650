import { recommend, type Recommendation } from '../flow/recommend';
import type { Answers, Flow } from '../flow/schema';
import { decodeAnswers, type LinkError } from './link';
import { decryptFragment, isEncrypted } from './passcode';

export type Opened =
	| { state: 'ready'; answers: Answers; result: Recommendation }
	| { state: 'locked' }
	| { state: 'error'; error: LinkError | 'wrong-passcode'; version?: number; flow?: string };

/**
 * What the counselor's page shows for a fragment: the recomputed result, a passcode prompt, or a
 * typed error. Never throws, whatever the fragment holds.
 */
export async function openLink(flow: Flow, fragment: string, passcode?: string): Promise<Opened> {
	try {
		let plain = fragment.replace(/^#/, '');
		if (isEncrypted(plain)) {
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
		return { state: 'ready', answers: decoded.answers, result: recommend(flow, decoded.answers) };
	} catch {
		return { state: 'error', error: 'damaged' };
	}
}
