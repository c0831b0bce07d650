import { describe, expect, it } from 'vitest';
import { minimalFlow, opioidFlow } from '../../../tests/flows';
import { isVisible } from './navigation';
import { recommend, type RankedStyle, type Recommendation } from './recommend';
import type { Answers, Flow } from './schema';

const minimal = minimalFlow();
const opioid = opioidFlow();

/** Answers that move the scores little, so each test sets only what it is about. */
const quiet: Answers = {
	who: 'myself',
	substance: 'opium',
	'other-depressants': 'none',
	'detox-status': 'in-program',
	'danger-signs': 'none',
	'moud-openness': 'maybe',
	'loved-one-help': 'for-them',
	spiritual: 'open',
	meditation: 'maybe',
	structure: 'not-sure',
	format: 'either',
	'group-prefs': []
};

/** A complete answer set: the given answers, and a default for every other question asked. */
function fill(flow: Flow, given: Answers): Answers {
	const answers: Answers = { ...given };
	for (const q of flow.questions) {
		if (answers[q.id] !== undefined || !isVisible(q, answers)) continue;
		const first = q.options[0]?.id ?? '';
		answers[q.id] = quiet[q.id] ?? (q.kind === 'single' ? first : q.optional ? [] : [first]);
	}
	return answers;
}

const styleIds = (list: RankedStyle[]) => list.map((r) => r.style.id);
const best = (rec: Recommendation) => rec.styles[0]?.style.id;

describe('recommend on the minimal flow', () => {
	it('opens safety with the unconditional supervised-detox block and adds conditional ones', () => {
		const ok = recommend(minimal, fill(minimal, { status: 'ok' }));
		expect(ok.safety.map((a) => a.id)).toEqual(['supervised-detox']);
		expect(ok.safety[0]).toBe(minimal.safety[0]);
		const sick = recommend(minimal, fill(minimal, { status: 'sick', danger: 'no' }));
		expect(sick.safety.map((a) => a.id)).toEqual(['supervised-detox', 'sick-advice']);
	});

	it('ranks by score and splits positive and negative weights into reasons and cautions', () => {
		const rec = recommend(minimal, fill(minimal, { spiritual: 'none' }));
		expect(styleIds(rec.styles)).toEqual(['skills', 'steps']);
		expect(rec.styles.map((r) => r.score)).toEqual([3, -2]);
		const [skills, steps] = rec.styles;
		expect(skills?.reasons.map((w) => w.points)).toEqual([3]);
		expect(skills?.cautions).toEqual([]);
		expect(steps?.reasons).toEqual([]);
		expect(steps?.cautions.map((w) => w.reason.en)).toEqual(['Steps groups speak of God.']);
	});

	it('offers a conditional style only when its condition holds', () => {
		const without = recommend(minimal, fill(minimal, { extras: ['online'] }));
		expect(styleIds(without.styles)).not.toContain('women');
		const withWomen = recommend(minimal, fill(minimal, { extras: ['women'] }));
		expect(best(withWomen)).toBe('women');
		expect(withWomen.styles[0]?.reasons.map((w) => w.option)).toEqual(['women']);
	});

	it('breaks ties by the order of the styles in the flow', () => {
		const unweighted: Flow = { ...minimal, weights: [] };
		const answers = fill(minimal, { extras: ['women'] });
		expect(styleIds(recommend(unweighted, answers).styles)).toEqual(['steps', 'skills', 'women']);
		const reversed: Flow = { ...unweighted, styles: [...minimal.styles].reverse() };
		expect(styleIds(recommend(reversed, answers).styles)).toEqual(['women', 'skills', 'steps']);
	});

	it('lists the danger rules the answers set off', () => {
		const rec = recommend(minimal, fill(minimal, { status: 'sick', danger: 'yes' }));
		expect(rec.dangers.map((d) => d.id)).toEqual(['severe']);
		expect(recommend(minimal, fill(minimal, { status: 'sick', danger: 'no' })).dangers).toEqual([]);
	});

	it('ignores answers to questions that are not asked', () => {
		const asked = fill(minimal, { status: 'ok', spiritual: 'none' });
		const rec = recommend(minimal, { ...asked, danger: 'yes' });
		expect(rec.dangers).toEqual([]);
		expect(rec).toEqual(recommend(minimal, asked));
	});
});

describe('recommend on the real flow: structure', () => {
	const samples: Answers[] = [
		fill(opioid, {}),
		fill(opioid, { spiritual: 'none', structure: 'tools-skills', 'group-prefs': ['women-only'] }),
		fill(opioid, { who: 'loved-one', 'loved-one-help': 'both', spiritual: 'welcome' }),
		fill(opioid, { 'detox-status': 'on-moud', spiritual: 'welcome', structure: 'steps-sponsor' }),
		fill(opioid, { 'detox-status': 'using', 'danger-signs': 'severe-symptoms', format: 'online' })
	];

	it.each(samples.map((a, i) => [i, a] as const))(
		'sample %i opens with supervised detox and gives one best style and at most two alternatives',
		(_, answers) => {
			const rec = recommend(opioid, answers);
			expect(rec.safety[0]).toBe(opioid.safety[0]);
			expect(opioid.safety[0]?.showIf).toBeUndefined();
			expect(rec.styles.length).toBeGreaterThanOrEqual(1);
			expect(rec.styles.length).toBeLessThanOrEqual(3);
			expect(rec.styles.every((r) => r.style.audience === 'person')).toBe(true);
			expect(rec.lovedOne.every((r) => r.style.audience === 'loved-one')).toBe(true);
		}
	);

	it.each(samples.map((a, i) => [i, a] as const))(
		'sample %i ranks best first, reasons positive and strongest first, cautions negative',
		(_, answers) => {
			const rec = recommend(opioid, answers);
			for (const list of [rec.styles, rec.lovedOne]) {
				const scores = list.map((r) => r.score);
				expect(scores).toEqual([...scores].sort((a, b) => b - a));
				for (const r of list) {
					expect(r.reasons.every((w) => w.points > 0 && w.style === r.style.id)).toBe(true);
					expect(r.cautions.every((w) => w.points < 0 && w.style === r.style.id)).toBe(true);
					const strength = r.reasons.map((w) => w.points);
					expect(strength).toEqual([...strength].sort((a, b) => b - a));
					const against = r.cautions.map((w) => w.points);
					expect(against).toEqual([...against].sort((a, b) => a - b));
					const sum = [...r.reasons, ...r.cautions].reduce((s, w) => s + w.points, 0);
					expect(r.score).toBe(sum);
				}
			}
		}
	);

	it('breaks a tie by flow order: twelve-step before secular', () => {
		const rec = recommend(opioid, fill(opioid, {}));
		const twelve = rec.styles.find((r) => r.style.id === 'twelve-step');
		const secular = rec.styles.find((r) => r.style.id === 'secular');
		expect(twelve?.score).toBe(secular?.score);
		expect(styleIds(rec.styles).indexOf('twelve-step')).toBeLessThan(
			styleIds(rec.styles).indexOf('secular')
		);
	});

	it('puts the strongest reason first for the best style', () => {
		const rec = recommend(opioid, fill(opioid, { spiritual: 'none', structure: 'tools-skills' }));
		expect(best(rec)).toBe('secular');
		expect(rec.styles[0]?.reasons.map((w) => [w.question, w.points])).toEqual([
			['structure', 5],
			['spiritual', 4],
			['moud-openness', 1]
		]);
	});

	it('offers loved-one styles only when a loved one asks', () => {
		expect(recommend(opioid, fill(opioid, { who: 'myself' })).lovedOne).toEqual([]);
		const rec = recommend(opioid, fill(opioid, { who: 'loved-one' }));
		expect(styleIds(rec.lovedOne).sort()).toEqual(['family-skills', 'family-twelve-step']);
	});

	it('is pure: the same answers give deep-equal results and the input is not changed', () => {
		const answers = fill(opioid, { who: 'loved-one', spiritual: 'christian' });
		const copy = structuredClone(answers);
		const first = recommend(opioid, answers);
		expect(recommend(opioid, Object.freeze({ ...answers }))).toEqual(first);
		expect(recommend(opioid, copy)).toEqual(first);
		expect(answers).toEqual(copy);
	});

	it('ignores answers to questions that are not asked', () => {
		const asked = fill(opioid, { who: 'myself', 'detox-status': 'in-program' });
		const hidden = { ...asked, 'loved-one-help': 'for-me', 'danger-signs': 'overdose-signs' };
		const rec = recommend(opioid, hidden);
		expect(rec).toEqual(recommend(opioid, asked));
		expect(rec.dangers).toEqual([]);
		expect(rec.lovedOne).toEqual([]);
	});
});

describe('recommend on the real flow: what a counselor would check', () => {
	it('no spiritual words and tools and skills → a secular group first', () => {
		const rec = recommend(opioid, fill(opioid, { spiritual: 'none', structure: 'tools-skills' }));
		expect(best(rec)).toBe('secular');
		expect(styleIds(rec.styles)).not.toContain('faith');
	});

	it('spiritual words welcome and steps with a sponsor → a 12-step group first', () => {
		const rec = recommend(
			opioid,
			fill(opioid, { spiritual: 'welcome', structure: 'steps-sponsor' })
		);
		expect(best(rec)).toBe('twelve-step');
	});

	it('a Christian group wanted → a faith-based group first', () => {
		for (const structure of ['steps-sponsor', 'tools-skills', 'open-sharing', 'not-sure'])
			expect(best(recommend(opioid, fill(opioid, { spiritual: 'christian', structure })))).toBe(
				'faith'
			);
	});

	it('meditation wanted and open to spiritual words → a meditation-based group first', () => {
		const rec = recommend(opioid, fill(opioid, { meditation: 'yes', spiritual: 'open' }));
		expect(best(rec)).toBe('meditation');
	});

	it('on medication → a medication-friendly or secular group first', () => {
		for (const spiritual of ['open', 'none']) {
			const rec = recommend(opioid, fill(opioid, { 'detox-status': 'on-moud', spiritual }));
			expect(['medication-friendly', 'secular']).toContain(best(rec));
		}
	});

	it('on medication, a 12-step group cautions about medication', () => {
		const rec = recommend(
			opioid,
			fill(opioid, { 'detox-status': 'on-moud', spiritual: 'welcome', structure: 'steps-sponsor' })
		);
		expect(best(rec)).toBe('medication-friendly');
		const twelve = rec.styles.find((r) => r.style.id === 'twelve-step');
		expect(twelve?.cautions.map((w) => w.reason.en).join(' ')).toMatch(/medication/);
		expect(rec.safety.map((a) => a.id)).toContain('status-on-moud');
	});

	it('a loved one who wants no spiritual words → family skills first among loved-one groups', () => {
		const rec = recommend(opioid, fill(opioid, { who: 'loved-one', spiritual: 'none' }));
		expect(styleIds(rec.lovedOne)[0]).toBe('family-skills');
		expect(rec.complements.map((a) => a.id)).toContain('craft');
	});

	it('a loved one who welcomes spiritual words → family 12-step first', () => {
		const rec = recommend(opioid, fill(opioid, { who: 'loved-one', spiritual: 'welcome' }));
		expect(styleIds(rec.lovedOne)[0]).toBe('family-twelve-step');
	});

	it('in withdrawal now → advice for withdrawal in the safety list', () => {
		const rec = recommend(
			opioid,
			fill(opioid, { 'detox-status': 'withdrawal-now', 'danger-signs': 'none' })
		);
		expect(rec.safety[0]?.id).toBe('supervised-detox');
		expect(rec.safety.map((a) => a.id)).toContain('status-withdrawal-now');
		expect(rec.safety.map((a) => a.id)).not.toContain('status-using');
	});

	it('alcohol as well → depressants advice and the depressants danger', () => {
		const rec = recommend(opioid, fill(opioid, { 'other-depressants': 'alcohol' }));
		expect(rec.safety.map((a) => a.id)).toContain('depressants');
		expect(rec.dangers.map((d) => d.id)).toEqual(['depressants']);
		const none = recommend(opioid, fill(opioid, { 'other-depressants': 'none' }));
		expect(none.safety.map((a) => a.id)).not.toContain('depressants');
		expect(none.dangers).toEqual([]);
	});

	it('women only → the women group is offered and first', () => {
		const rec = recommend(opioid, fill(opioid, { 'group-prefs': ['women-only'] }));
		expect(best(rec)).toBe('women');
		expect(styleIds(recommend(opioid, fill(opioid, {})).styles)).not.toContain('women');
	});
});
