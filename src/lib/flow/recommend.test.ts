import { describe, expect, it } from 'vitest';
import { minimalFlow, opioidFlow } from '../../../tests/flows';
import { isVisible } from './navigation';
import { recommend, type RankedStyle, type Recommendation } from './recommend';
import type { Answers, Flow, Style, Weight } from './schema';

const minimal = minimalFlow();
const opioid = opioidFlow();

/** Answers that move the scores little, so each test sets only what it is about. */
const quiet: Answers = {
	who: 'myself',
	substance: 'opium',
	'other-depressants': 'none',
	'detox-status': 'in-program',
	'danger-signs': ['none'],
	'moud-medication': 'methadone',
	pregnant: 'no',
	'person-pregnant': 'no',
	'moud-openness': 'maybe',
	'person-moud-openness': 'unknown',
	'loved-one-help': 'for-them',
	spiritual: 'open',
	'family-spiritual': 'open',
	meditation: 'maybe',
	structure: 'not-sure',
	format: 'either',
	'family-format': 'either',
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
	it('opens safety with the opening block and adds conditional ones', () => {
		const ok = recommend(minimal, fill(minimal, { status: 'ok' }));
		expect(ok.safety.map((a) => a.id)).toEqual(['supervised-detox']);
		expect(ok.safety[0]).toBe(minimal.safety[0]);
		const sick = recommend(minimal, fill(minimal, { status: 'sick', danger: 'no' }));
		expect(sick.safety.map((a) => a.id)).toEqual(['supervised-detox', 'sick-advice']);
	});

	it('ranks by score and splits positive and negative weights into reasons and cautions', () => {
		// Only the steps style is offered: its negative score cannot hide it, it is the best fit.
		const flow: Flow = { ...minimal, styles: minimal.styles.filter((s) => s.id !== 'skills') };
		const rec = recommend(flow, fill(flow, { spiritual: 'none' }));
		expect(styleIds(rec.styles)).toEqual(['steps']);
		expect(rec.styles[0]?.score).toBe(-2);
		expect(rec.styles[0]?.reasons).toEqual([]);
		expect(rec.styles[0]?.cautions.map((w) => w.reason.en)).toEqual(['Steps groups speak of God.']);
		const welcome = recommend(minimal, fill(minimal, { spiritual: 'welcome' }));
		expect(welcome.styles.map((r) => [r.style.id, r.score, r.rank])).toEqual([
			['steps', 3, 1],
			['skills', 0, 2]
		]);
		expect(welcome.styles[0]?.reasons.map((w) => w.points)).toEqual([3]);
		expect(welcome.styles[0]?.cautions).toEqual([]);
	});

	it('offers a conditional style only when its condition holds', () => {
		const without = recommend(minimal, fill(minimal, { extras: ['online'] }));
		expect(styleIds(without.styles)).not.toContain('women');
		const withWomen = recommend(minimal, fill(minimal, { extras: ['women'] }));
		expect(best(withWomen)).toBe('women');
		expect(withWomen.styles[0]?.reasons.map((w) => w.option)).toEqual(['women']);
	});

	it('gives styles the answers cannot tell apart the same rank, whatever the file order', () => {
		const unweighted: Flow = { ...minimal, weights: [] };
		const answers = fill(minimal, { extras: ['women'] });
		const rec = recommend(unweighted, answers);
		expect(rec.styles.map((r) => r.rank)).toEqual([1, 1, 1]);
		const reversed: Flow = { ...unweighted, styles: [...minimal.styles].reverse() };
		const again = recommend(reversed, answers);
		expect(again.styles.map((r) => [r.style.id, r.rank]).sort()).toEqual(
			rec.styles.map((r) => [r.style.id, r.rank]).sort()
		);
	});

	it('on a tie of points, puts the style with less against it first', () => {
		// steps: +3 -3 = 0 (a caution), skills: 0 with nothing against it.
		const flow: Flow = {
			...minimal,
			weights: [
				...minimal.weights.filter((w) => w.style !== 'steps'),
				{ ...(minimal.weights[0] as Weight), option: 'none', points: 3 },
				{ ...(minimal.weights[0] as Weight), option: 'none', style: 'steps', points: -3 }
			].filter((w) => w.style !== 'skills')
		};
		const rec = recommend(flow, fill(flow, { spiritual: 'none' }));
		expect(rec.styles.map((r) => [r.style.id, r.score, r.rank])).toEqual([
			['skills', 0, 1],
			['steps', 0, 2]
		]);
	});

	it('for someone on medication, prefers the group that welcomes it on a tie and cautions the rest', () => {
		const flow: Flow = {
			...minimal,
			weights: [],
			styles: minimal.styles.map((s) => ({
				...s,
				stance: s.id === 'skills' ? ('welcomes' as const) : ('may-limit' as const)
			})),
			medication: {
				when: { question: 'spiritual', equals: 'welcome' },
				caution: { en: 'Ask about medication.', es: 'Pregunta por los medicamentos.' }
			}
		};
		const on = recommend(flow, fill(flow, { spiritual: 'welcome' }));
		expect(on.styles.map((r) => [r.style.id, r.rank, r.medicationCaution])).toEqual([
			['skills', 1, false],
			['steps', 2, true]
		]);
		// For anyone else the stance decides nothing: the two are equals.
		const off = recommend(flow, fill(flow, { spiritual: 'none' }));
		expect(off.styles.map((r) => [r.rank, r.medicationCaution])).toEqual([
			[1, false],
			[1, false]
		]);
	});

	it('shows no alternative that the answers count against', () => {
		const rec = recommend(minimal, fill(minimal, { spiritual: 'none' }));
		expect(styleIds(rec.styles)).toEqual(['skills']);
	});

	it('shows every best fit and only whole groups of equal alternatives within three cards', () => {
		const styles = ['a', 'b', 'c', 'd'].map((id) => ({
			...(minimal.styles[1] as Style),
			id,
			programs: []
		}));
		const flow: Flow = {
			...minimal,
			styles: [...minimal.styles, ...styles],
			weights: [{ ...(minimal.weights[0] as Weight), style: 'a', points: 2 }]
		};
		// a leads; steps, skills, b, c and d tie behind it: too many to show as equals.
		const rec = recommend(flow, fill(flow, { spiritual: 'welcome' }));
		expect(styleIds(rec.styles)).toEqual(['a']);
		// With no weights at all, all six offered styles tie for best: all are shown.
		const all = recommend({ ...flow, weights: [] }, fill(flow, {}));
		expect(all.styles.length).toBe(6);
		expect(all.styles.every((r) => r.rank === 1)).toBe(true);
	});

	it("adds one note per chosen option to each card: the style's own, else the general one", () => {
		const text = (en: string) => ({ en, es: en });
		const flow: Flow = {
			...minimal,
			weights: [],
			notes: [
				{ question: 'extras', option: 'online', text: text('Ask about online meetings.') },
				{
					question: 'extras',
					option: 'online',
					style: 'skills',
					text: text('Skills meets online.')
				},
				{ question: 'extras', option: 'women', text: text('Ask about women only.') }
			]
		};
		const rec = recommend(flow, fill(flow, { extras: ['online'] }));
		const notes = Object.fromEntries(
			rec.styles.map((r) => [r.style.id, r.notes.map((n) => n.text.en)])
		);
		expect(notes).toEqual({
			steps: ['Ask about online meetings.'],
			skills: ['Skills meets online.']
		});
		// A reason that already speaks of the answer replaces the note on that card.
		const withReason = recommend(
			{ ...flow, weights: minimal.weights },
			fill(flow, { extras: ['women', 'online'] })
		);
		const women = withReason.styles.find((r) => r.style.id === 'women');
		expect(women?.reasons.map((w) => w.option)).toEqual(['women']);
		expect(women?.notes.map((n) => n.text.en)).toEqual(['Ask about online meetings.']);
	});

	it("lists each card's first-meeting points: its style's, whose conditions hold, in file order", () => {
		const text = (en: string) => ({ en, es: en });
		const flow: Flow = {
			...minimal,
			weights: [],
			firstMeeting: [
				{ id: 'listen', text: text('You can just listen.') },
				{ id: 'facilitator', styles: ['skills'], text: text('A facilitator leads.') },
				{
					id: 'camera',
					showIf: { question: 'extras', equals: 'online' },
					text: text('Online, keep your camera off.')
				},
				{
					id: 'unwell',
					styles: ['women', 'steps'],
					showIf: { question: 'status', equals: 'sick' },
					text: text('Tell the group if you feel unwell.')
				}
			]
		};
		const points = (given: Answers) =>
			Object.fromEntries(
				recommend(flow, fill(flow, given)).styles.map((r) => [
					r.style.id,
					r.firstMeeting.map((p) => p.id)
				])
			);
		// No weights: every offered style is a best fit, so each one is a card.
		expect(points({ status: 'ok', extras: [] })).toEqual({
			steps: ['listen'],
			skills: ['listen', 'facilitator']
		});
		expect(points({ status: 'ok', extras: ['online', 'women'] })).toEqual({
			steps: ['listen', 'camera'],
			skills: ['listen', 'facilitator', 'camera'],
			women: ['listen', 'camera']
		});
		expect(points({ status: 'sick', danger: 'no', extras: ['women'] })).toEqual({
			steps: ['listen', 'unwell'],
			skills: ['listen', 'facilitator'],
			women: ['listen', 'unwell']
		});
		// The points are the flow's own, so every view reads the same texts.
		const rec = recommend(flow, fill(flow, { status: 'ok' }));
		expect(rec.styles[0]?.firstMeeting[0]).toBe(flow.firstMeeting[0]);
	});

	it('lists a first-meeting point about medication only for someone on or open to it', () => {
		const flow: Flow = {
			...minimal,
			weights: [],
			styles: minimal.styles.map((s) => ({ ...s, stance: 'ask' as const })),
			medication: {
				when: { question: 'spiritual', equals: 'welcome' },
				caution: { en: 'Ask about medication.', es: 'Pregunta por los medicamentos.' }
			},
			firstMeeting: [
				{
					id: 'ask-about-medication',
					styles: ['steps'],
					medication: true,
					text: { en: 'Ask if people on medication can share.', es: 'Pregunta si pueden.' }
				}
			]
		};
		const points = (spiritual: string) =>
			recommend(flow, fill(flow, { spiritual })).styles.map((r) => [
				r.style.id,
				r.firstMeeting.map((p) => p.id)
			]);
		expect(points('welcome')).toEqual([
			['steps', ['ask-about-medication']],
			['skills', []]
		]);
		expect(points('none')).toEqual([
			['steps', []],
			['skills', []]
		]);
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
		fill(opioid, { who: 'loved-one', 'loved-one-help': 'both', 'family-spiritual': 'welcome' }),
		fill(opioid, { 'detox-status': 'on-moud', spiritual: 'welcome', structure: 'steps-sponsor' }),
		fill(opioid, { 'detox-status': 'using', 'danger-signs': ['severe-symptoms'], format: 'online' })
	];

	it.each(samples.map((a, i) => [i, a] as const))(
		'sample %i opens with one opening block, and shows the best fits and at most two alternatives',
		(_, answers) => {
			const rec = recommend(opioid, answers);
			expect(rec.safety[0]?.opening).toBe(true);
			expect(rec.safety.filter((a) => a.opening)).toHaveLength(1);
			expect(rec.styles[0]?.rank).toBe(1);
			expect(rec.styles.filter((r) => r.rank > 1).length).toBeLessThanOrEqual(2);
			// More than three cards only when that many tie for the best fit.
			if (rec.styles.length > 3) expect(rec.styles.every((r) => r.rank === 1)).toBe(true);
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
				const ranks = list.map((r) => r.rank);
				expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
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

	it('opens every first-meeting panel with one point on speaking, and none twice', () => {
		for (const answers of samples) {
			const rec = recommend(opioid, answers);
			for (const r of [...rec.styles, ...rec.lovedOne]) {
				const ids = r.firstMeeting.map((p) => p.id);
				const speaking = ids.filter((id) => id === 'no-need-to-speak' || id === 'speaking-varies');
				expect(speaking, r.style.id).toHaveLength(1);
				expect(new Set(ids).size).toBe(ids.length);
			}
		}
	});

	it('asks about medication on every card but MARA, only for someone on or open to it', () => {
		// Without weights, and with one stance for all, every style offered is a card.
		const flat: Flow = {
			...opioid,
			weights: [],
			styles: opioid.styles.map((s) => ({ ...s, stance: 'welcomes' as const }))
		};
		const asks = (given: Answers) => {
			const rec = recommend(flat, fill(flat, given));
			return Object.fromEntries(
				[...rec.styles, ...rec.lovedOne].map((r) => [
					r.style.id,
					r.firstMeeting.some((p) => p.id === 'ask-about-medication')
				])
			);
		};
		expect(asks({ 'detox-status': 'on-moud' })).toEqual({
			'twelve-step': true,
			meditation: true,
			secular: true,
			online: true,
			'medication-friendly': false,
			faith: true
		});
		expect(Object.values(asks({ 'moud-openness': 'no' })).some(Boolean)).toBe(false);
		const family = asks({
			who: 'loved-one',
			'loved-one-help': 'both',
			'person-moud-openness': 'yes'
		});
		expect(family).toMatchObject({
			'twelve-step': true,
			'family-twelve-step': false,
			'family-skills': false
		});
	});

	it('lists the question to ask on every card that leads with the medication caution', () => {
		// The caution says "ask first"; the card's first-meeting point says what to ask.
		const question = opioid.firstMeeting.find((p) => p.id === 'ask-about-medication');
		expect(question?.medication).toBe(true);
		expect(question?.showIf).toBeUndefined();
		for (const style of opioid.styles)
			if (style.audience === 'person' && style.stance !== 'welcomes')
				expect(question?.styles, style.id).toContain(style.id);
		const rec = recommend(
			opioid,
			fill(opioid, {
				'detox-status': 'on-moud',
				spiritual: 'welcome',
				structure: 'steps-sponsor',
				format: 'in-person'
			})
		);
		const cautioned = rec.styles.filter((r) => r.medicationCaution);
		expect(cautioned.length).toBeGreaterThan(0);
		for (const r of cautioned) expect(r.firstMeeting).toContain(question);
	});

	it('leaves out the camera point for someone who wants to meet in person', () => {
		const camera = (given: Answers) => {
			const rec = recommend(opioid, fill(opioid, given));
			return [...rec.styles, ...rec.lovedOne]
				.filter((r) => r.firstMeeting.some((p) => p.id === 'camera-off'))
				.map((r) => r.style.id);
		};
		expect(camera({ spiritual: 'none', structure: 'tools-skills', format: 'online' })).toContain(
			'secular'
		);
		expect(camera({ spiritual: 'none', structure: 'tools-skills', format: 'in-person' })).toEqual(
			[]
		);
		const family = { who: 'loved-one', 'loved-one-help': 'for-me' } as const;
		expect(camera({ ...family, 'family-format': 'online' })).toContain('family-skills');
		expect(camera({ ...family, 'family-format': 'in-person' })).toEqual([]);
	});

	it('is pure: the same answers give deep-equal results and the input is not changed', () => {
		const answers = fill(opioid, { who: 'loved-one', 'family-spiritual': 'none' });
		const copy = structuredClone(answers);
		const first = recommend(opioid, answers);
		expect(recommend(opioid, Object.freeze({ ...answers }))).toEqual(first);
		expect(recommend(opioid, copy)).toEqual(first);
		expect(answers).toEqual(copy);
	});

	it('ignores answers to questions that are not asked', () => {
		const asked = fill(opioid, { who: 'myself', 'detox-status': 'in-program' });
		const hidden = { ...asked, 'loved-one-help': 'for-me', 'moud-medication': 'naltrexone' };
		const rec = recommend(opioid, hidden);
		expect(rec).toEqual(recommend(opioid, asked));
		expect(rec.lovedOne).toEqual([]);
	});
});
