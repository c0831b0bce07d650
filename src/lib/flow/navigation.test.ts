import { describe, expect, it } from 'vitest';
import { minimalFlow, opioidFlow } from '../../../tests/flows';
import {
	activeDangers,
	canOpen,
	dangersSetOff,
	helplinesFor,
	isComplete,
	byUrgency,
	nextStep,
	previousStep,
	progress,
	prune,
	RESULT,
	REVIEW,
	visibleQuestions
} from './navigation';
import type { Answers, DangerRule, Question } from './schema';

// minimal: status (ok | sick) → danger (only if sick) → spiritual → extras (multi, optional)
const minimal = minimalFlow();
const opioid = opioidFlow();

const ids = (questions: Question[]) => questions.map((q) => q.id);

const okDone: Answers = { status: 'ok', spiritual: 'none', extras: [] };
const sickDone: Answers = {
	status: 'sick',
	danger: 'no',
	spiritual: 'welcome',
	extras: ['online']
};

describe('visibleQuestions', () => {
	it('leaves out a conditional question until its condition holds', () => {
		expect(ids(visibleQuestions(minimal, {}))).toEqual(['status', 'spiritual', 'extras']);
		expect(ids(visibleQuestions(minimal, { status: 'ok' }))).toEqual([
			'status',
			'spiritual',
			'extras'
		]);
		expect(ids(visibleQuestions(minimal, { status: 'sick' }))).toEqual([
			'status',
			'danger',
			'spiritual',
			'extras'
		]);
	});

	it('follows conditions on the real flow: a loved one is asked about the person, and about their own group only when they want one', () => {
		const forMe = ids(visibleQuestions(opioid, { who: 'loved-one', 'loved-one-help': 'for-me' }));
		expect(forMe).toContain('person-pregnant');
		expect(forMe).toContain('person-moud-openness');
		expect(forMe).toContain('family-spiritual');
		for (const taste of ['spiritual', 'meditation', 'structure', 'format', 'group-prefs'])
			expect(forMe).not.toContain(taste);
		const forThem = ids(
			visibleQuestions(opioid, { who: 'loved-one', 'loved-one-help': 'for-them' })
		);
		expect(forThem).not.toContain('family-spiritual');
		expect(forThem).not.toContain('family-format');
		const myself = ids(visibleQuestions(opioid, { who: 'myself', 'detox-status': 'on-moud' }));
		expect(myself).not.toContain('loved-one-help');
		expect(myself).not.toContain('moud-openness');
		expect(myself).toContain('moud-medication');
		expect(myself).toContain('danger-signs');
		expect(myself).toContain('meditation');
	});

	it('asks the danger question at every stage, for the person and for a loved one', () => {
		const status = opioid.questions.find((q) => q.id === 'detox-status');
		for (const who of ['myself', 'loved-one'])
			for (const o of status?.options ?? [])
				expect(
					ids(visibleQuestions(opioid, { who, 'detox-status': o.id })),
					`${who} ${o.id}`
				).toContain('danger-signs');
	});
});

describe('prune', () => {
	it('drops the answer of a question that is no longer asked', () => {
		const stale = { status: 'ok', danger: 'yes', spiritual: 'none' };
		expect(prune(minimal, stale)).toEqual({ status: 'ok', spiritual: 'none' });
		// The input is left alone.
		expect(stale).toEqual({ status: 'ok', danger: 'yes', spiritual: 'none' });
	});

	it('drops answers to ids that are not questions of the flow', () => {
		expect(prune(minimal, { status: 'ok', mood: 'fine' })).toEqual({ status: 'ok' });
	});

	it('returns a consistent answer set unchanged, as the same object', () => {
		for (const answers of [{}, { status: 'ok' }, okDone, sickDone]) {
			expect(prune(minimal, answers)).toBe(answers);
		}
	});

	it('judges each question by the answers kept before it, not by stale ones', () => {
		// loved-one-help goes (who is myself), so meditation is asked again and keeps its answer.
		const answers = { who: 'myself', 'loved-one-help': 'for-me', meditation: 'yes' };
		expect(prune(opioid, answers)).toEqual({ who: 'myself', meditation: 'yes' });
		// With loved-one-help still asked, meditation is hidden and its answer goes.
		expect(prune(opioid, { ...answers, who: 'loved-one' })).toEqual({
			who: 'loved-one',
			'loved-one-help': 'for-me'
		});
	});
});

describe('nextStep', () => {
	it('goes to the next question asked, skipping hidden ones, then to review', () => {
		expect(nextStep(minimal, { status: 'ok' }, 'status', false)).toBe('spiritual');
		expect(nextStep(minimal, { status: 'sick' }, 'status', false)).toBe('danger');
		expect(nextStep(minimal, { status: 'sick', danger: 'no' }, 'danger', false)).toBe('spiritual');
		expect(nextStep(minimal, okDone, 'spiritual', false)).toBe('extras');
		expect(nextStep(minimal, okDone, 'extras', false)).toBe(REVIEW);
	});

	it('walks through answered questions when not editing', () => {
		expect(nextStep(minimal, sickDone, 'status', false)).toBe('danger');
	});

	it('when editing, skips answered questions and returns to review', () => {
		expect(nextStep(minimal, sickDone, 'status', true)).toBe(REVIEW);
		expect(nextStep(minimal, okDone, 'status', true)).toBe(REVIEW);
		// Changing status to sick reveals danger, which has no answer yet.
		expect(nextStep(minimal, { ...okDone, status: 'sick' }, 'status', true)).toBe('danger');
		expect(nextStep(minimal, { ...okDone, status: 'sick', danger: 'no' }, 'danger', true)).toBe(
			REVIEW
		);
	});
});

describe('previousStep', () => {
	it('goes to the question asked before, skipping hidden ones', () => {
		expect(previousStep(minimal, sickDone, 'spiritual')).toBe('danger');
		expect(previousStep(minimal, sickDone, 'danger')).toBe('status');
		expect(previousStep(minimal, okDone, 'spiritual')).toBe('status');
	});

	it('is undefined at the first question', () => {
		expect(previousStep(minimal, okDone, 'status')).toBeUndefined();
		expect(previousStep(minimal, {}, 'status')).toBeUndefined();
	});

	it('goes from review and result to the last question asked', () => {
		expect(previousStep(minimal, okDone, REVIEW)).toBe('extras');
		expect(previousStep(minimal, okDone, RESULT)).toBe('extras');
	});
});

describe('canOpen', () => {
	it('opens a question that is asked when everything before it is answered', () => {
		expect(canOpen(minimal, {}, 'status')).toBe(true);
		expect(canOpen(minimal, {}, 'spiritual')).toBe(false);
		expect(canOpen(minimal, { status: 'ok' }, 'spiritual')).toBe(true);
		expect(canOpen(minimal, { status: 'ok' }, 'extras')).toBe(false);
		expect(canOpen(minimal, { status: 'sick' }, 'danger')).toBe(true);
		expect(canOpen(minimal, { status: 'sick' }, 'spiritual')).toBe(false);
		expect(canOpen(minimal, okDone, 'extras')).toBe(true);
	});

	it('never opens a hidden question, an unknown id or a screen', () => {
		expect(canOpen(minimal, okDone, 'danger')).toBe(false);
		expect(canOpen(minimal, okDone, 'mood')).toBe(false);
		expect(canOpen(minimal, okDone, REVIEW)).toBe(false);
	});
});

describe('isComplete', () => {
	it('is true only when every question asked has an answer', () => {
		expect(isComplete(minimal, {})).toBe(false);
		expect(isComplete(minimal, { status: 'ok', spiritual: 'none' })).toBe(false);
		expect(isComplete(minimal, okDone)).toBe(true);
		expect(isComplete(minimal, sickDone)).toBe(true);
		// status sick asks danger, which is missing.
		expect(isComplete(minimal, { ...okDone, status: 'sick' })).toBe(false);
	});
});

describe('progress', () => {
	it('counts the questions asked so far, out of the most any way on could ask', () => {
		// Before "status" is answered, the way through "sick" (4 questions) is the longest.
		expect(progress(minimal, {}, 'status')).toEqual({ number: 1, total: 4 });
		expect(progress(minimal, { status: 'ok' }, 'spiritual')).toEqual({ number: 2, total: 3 });
		expect(progress(minimal, { status: 'sick' }, 'danger')).toEqual({ number: 2, total: 4 });
		expect(progress(minimal, { status: 'sick', danger: 'no' }, 'spiritual')).toEqual({
			number: 3,
			total: 4
		});
	});

	it('grows on the real flow when an answer asks for one more question', () => {
		const before = progress(opioid, { who: 'myself', 'detox-status': 'using' }, 'substance');
		const after = progress(opioid, { who: 'myself', 'detox-status': 'on-moud' }, 'substance');
		expect(after.number).toBe(before.number);
		// On medication: which one is asked, and openness to medication is not.
		expect(after.total).toBe(before.total);
		const loved = progress(opioid, { who: 'loved-one', 'loved-one-help': 'both' }, 'substance');
		const them = progress(opioid, { who: 'loved-one', 'loved-one-help': 'for-them' }, 'substance');
		expect(loved.total).toBe(them.total + 2);
	});

	it('never promises fewer questions than will come: the first screen counts the longest way', () => {
		const start = progress(opioid, {}, 'who').total;
		const myself = progress(opioid, { who: 'myself' }, 'substance').total;
		const loved = progress(opioid, { who: 'loved-one' }, 'substance').total;
		expect(start).toBe(12);
		expect(start).toBe(Math.max(myself, loved));
		expect(loved).toBe(10);
		// Once every answer is in, the total is exactly the questions asked.
		const done = { who: 'loved-one', 'loved-one-help': 'for-them', 'detox-status': 'using' };
		expect(progress(opioid, done, 'substance').total).toBe(visibleQuestions(opioid, done).length);
	});
});

describe('dangersSetOff and activeDangers', () => {
	it('names the rules that read the question just answered and hold', () => {
		const answers = { status: 'sick', danger: 'yes' };
		expect(dangersSetOff(minimal, answers, 'danger')).toEqual(['severe']);
		expect(dangersSetOff(minimal, { status: 'sick', danger: 'no' }, 'danger')).toEqual([]);
		// The rule holds but does not read status: answering status does not set it off.
		expect(dangersSetOff(minimal, answers, 'status')).toEqual([]);
		expect(activeDangers(minimal, answers).map((d) => d.id)).toEqual(['severe']);
	});

	it('sets off the depressants rule on the real flow for alcohol, benzos or both', () => {
		for (const option of ['alcohol', 'benzos', 'both'])
			expect(dangersSetOff(opioid, { 'other-depressants': option }, 'other-depressants')).toEqual([
				'depressants'
			]);
		expect(dangersSetOff(opioid, { 'other-depressants': 'none' }, 'other-depressants')).toEqual([]);
		expect(
			dangersSetOff(
				opioid,
				{ 'detox-status': 'using', 'danger-signs': ['overdose-signs'] },
				'danger-signs'
			)
		).toEqual(['overdose']);
	});

	it('sets off every rule a multi answer holds, together and most urgent first', () => {
		const answers = {
			'other-depressants': 'alcohol',
			'danger-signs': ['cannot-keep-fluids', 'self-harm']
		};
		// Dehydration is "urgent", thoughts of self-harm an "emergency": the emergency comes first.
		expect(dangersSetOff(opioid, answers, 'danger-signs')).toEqual(['self-harm', 'dehydration']);
		expect(activeDangers(opioid, answers).map((d) => [d.id, d.level])).toEqual([
			['self-harm', 'emergency'],
			['dehydration', 'urgent'],
			['depressants', 'urgent']
		]);
		expect(dangersSetOff(opioid, { 'danger-signs': ['none'] }, 'danger-signs')).toEqual([]);
	});

	it('orders by level first and keeps the flow order within a level', () => {
		const [a, b] = opioid.dangers;
		const urgent = { ...(a as DangerRule), id: 'u', level: 'urgent' as const };
		expect(byUrgency([urgent, b as DangerRule]).map((d) => d.id)).toEqual([b?.id, 'u']);
		expect(byUrgency([b as DangerRule, a as DangerRule]).map((d) => d.id)).toEqual([b?.id, a?.id]);
	});
});

describe('helplinesFor', () => {
	it('lists the lines of the rules set off in the rules’ order, each once', () => {
		const rules = (ids: string[]) => opioid.dangers.filter((d) => ids.includes(d.id));
		// Thoughts of self-harm put 988 first, before 911.
		expect(helplinesFor(opioid, rules(['self-harm'])).map((h) => h.id)).toEqual([
			'lifeline-988',
			'emergency-911'
		]);
		const both = helplinesFor(opioid, rules(['severe-withdrawal', 'depressants'])).map((h) => h.id);
		expect(both).toEqual([...new Set(both)]);
		expect(both[0]).toBe('emergency-911');
		expect(helplinesFor(opioid, [])).toEqual([]);
	});
});
