/** The persona table: what a careful counselor expects for each person, checked by `recommend`. */
import { describe, expect, it } from 'vitest';
import { isComplete, prune } from '../src/lib/flow/navigation';
import { recommend } from '../src/lib/flow/recommend';
import { opioidFlow } from './flows';
import { PERSONAS } from './personas';

const flow = opioidFlow();

describe('the persona table', () => {
	it('covers at least 30 people: each medication, pregnancy, loved ones, co-use, languages', () => {
		expect(PERSONAS.length).toBeGreaterThanOrEqual(30);
		const has = (q: string, o: string) =>
			PERSONAS.some((p) => {
				const a = p.answers[q];
				return a === o || (Array.isArray(a) && a.includes(o));
			});
		for (const [q, o] of [
			['moud-medication', 'methadone'],
			['moud-medication', 'buprenorphine'],
			['moud-medication', 'naltrexone'],
			['pregnant', 'yes'],
			['person-pregnant', 'unknown'],
			['loved-one-help', 'for-me'],
			['loved-one-help', 'for-them'],
			['loved-one-help', 'both'],
			['detox-status', 'not-ready'],
			['detox-status', 'finished-detox'],
			['other-depressants', 'alcohol'],
			['other-depressants', 'benzos'],
			['substance', 'street-moud'],
			['group-prefs', 'spanish'],
			['group-prefs', 'lgbtq'],
			['group-prefs', 'young'],
			['group-prefs', 'women-only']
		])
			expect(has(q as string, o as string), `${q}=${o}`).toBe(true);
	});

	it.each(PERSONAS.map((p) => [p.name, p] as const))('%s', (_, p) => {
		// Each persona is a whole, real answer set: every question asked is answered, nothing else.
		expect(prune(flow, p.answers)).toEqual(p.answers);
		expect(isComplete(flow, p.answers)).toBe(true);
		const rec = recommend(flow, p.answers);
		expect(rec.safety[0]?.id, p.fact).toBe(p.opening);
		expect(rec.safety.slice(1).map((b) => b.id)).toEqual(p.safety);
		const ranked = (rank: (n: number) => boolean) =>
			rec.styles.filter((r) => rank(r.rank)).map((r) => r.style.id);
		expect(ranked((n) => n === 1).sort(), p.fact).toEqual([...p.best].sort());
		expect(ranked((n) => n > 1)).toEqual(p.alternatives);
		expect(rec.styles.filter((r) => r.medicationCaution).map((r) => r.style.id)).toEqual(
			p.cautioned
		);
		expect(rec.dangers.map((d) => d.id)).toEqual(p.dangers);
		expect(rec.moreStyles.map((r) => r.style.id).sort()).toEqual([...(p.more ?? [])].sort());
		if (p.family)
			expect(
				rec.lovedOne
					.filter((r) => r.rank === 1)
					.map((r) => r.style.id)
					.sort()
			).toEqual([...p.family].sort());
		else expect(rec.lovedOne).toEqual([]);
	});
});
