import { describe, expect, it } from 'vitest';
import { FAMILY_ANSWERS, opioidFlow } from '../../../tests/flows';
import { plannablePrograms } from '../flow/meetings';
import { recommend } from '../flow/recommend';
import { inviteOf, createCounselorKey } from './keystore';
import { sealFragment } from './invite';
import { encodeAnswers } from './link';
import { openLink } from './open-link';

const flow = opioidFlow();
const answers = FAMILY_ANSWERS;
const result = recommend(flow, answers);
const program = plannablePrograms(flow, result)[0]?.program.id as string;
const plan = [
	{
		program,
		mode: 'online' as const,
		date: '2026-12-03',
		time: '19:30',
		note: 'with Mom',
		status: 'went' as const
	}
];

describe('openLink', () => {
	it('opens a plain link with its plan, and recomputes the result', async () => {
		const opened = await openLink(flow, encodeAnswers(flow, answers, plan));
		expect(opened).toMatchObject({ state: 'ready', answers, plan });
		if (opened.state === 'ready') expect(opened.result).toEqual(result);
	});

	it('opens a locked link only with the key of its invite, and names the invite', async () => {
		const key = await createCounselorKey('Clinic: Room 4');
		const other = await createCounselorKey('Another clinic');
		const locked = await sealFragment(encodeAnswers(flow, answers, plan), inviteOf(key));
		expect(await openLink(flow, locked, undefined, key)).toMatchObject({
			state: 'ready',
			plan,
			lockedTo: 'Clinic: Room 4'
		});
		expect(await openLink(flow, locked)).toEqual({ state: 'error', error: 'no-key' });
		expect(await openLink(flow, locked, 'a passcode', null)).toEqual({
			state: 'error',
			error: 'no-key'
		});
		expect(await openLink(flow, locked, undefined, other)).toEqual({
			state: 'error',
			error: 'other-key'
		});
		expect(await openLink(flow, locked.slice(0, -4), undefined, key)).toEqual({
			state: 'error',
			error: 'damaged'
		});
	});
});
