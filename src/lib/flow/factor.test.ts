/**
 * The factoring behind the exhaustive proof must be sound: each part of a recommendation is the
 * same for a full answer set and for its projection onto the questions that part reads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalFlow, opioidFlow } from '../../../tests/flows';
import { possibleAnswers, forEachAnswerSet } from './enumerate';
import {
	completions,
	countAnswerSets,
	forEachProjection,
	partReads,
	project,
	withAncestors,
	type PartName
} from './factor';
import { prune } from './navigation';
import { planOf } from './plan';
import { recommend, type RankedStyle } from './recommend';
import type { Answers, Flow } from './schema';

const opioid = opioidFlow();
const minimal = minimalFlow();

const card = (r: RankedStyle) =>
	[
		r.style.id,
		r.rank,
		r.medicationCaution,
		...[...r.reasons, ...r.cautions, ...r.notes].map((c) => `${c.question}=${c.option}`)
	].join();

/** What each part of the recommendation shows, as text. */
function part(flow: Flow, answers: Answers, name: PartName): string {
	const rec = recommend(flow, answers);
	if (name === 'safety')
		return [...rec.safety, ...rec.complements, ...rec.checklists].map((b) => b.id).join();
	if (name === 'dangers') return rec.dangers.map((d) => d.id).join();
	return [...rec.styles, ...rec.lovedOne].map(card).join('|');
}

/** A reachable, complete answer set chosen by the numbers in `picks`. */
function answerSet(flow: Flow, picks: number[]): Answers {
	const asked = planOf(flow).asked;
	const answers: Answers = {};
	flow.questions.forEach((q, i) => {
		if (!asked[i]?.(answers)) return;
		const choices = possibleAnswers(q);
		answers[q.id] = choices[(picks[i] ?? 0) % choices.length] as string | string[];
	});
	return answers;
}

const PARTS: PartName[] = ['safety', 'dangers', 'groups'];

/** Answer sets where a part differs from the same part of the projection onto `reads`. */
function counterexamples(
	flow: Flow,
	sets: Iterable<Answers>,
	reads: Record<PartName, Set<string>>
) {
	const found: string[] = [];
	for (const answers of sets)
		for (const name of PARTS)
			if (part(flow, answers, name) !== part(flow, project(flow, reads[name], answers), name))
				found.push(`${name}: ${JSON.stringify(answers)}`);
	return found;
}

describe('what each part of a recommendation reads', () => {
	it('keeps the danger question apart from the advice and the groups', () => {
		const reads = partReads(opioid);
		expect([...reads.dangers].sort()).toEqual(['danger-signs', 'other-depressants']);
		expect(reads.groups.has('danger-signs')).toBe(false);
		expect(reads.safety.has('danger-signs')).toBe(false);
		for (const taste of ['spiritual', 'meditation', 'structure', 'format', 'group-prefs'])
			expect(reads.safety.has(taste), taste).toBe(false);
		for (const fact of ['pregnant', 'moud-medication'])
			expect(reads.groups.has(fact), fact).toBe(false);
	});

	it('sees a new reader at once: a safety block that reads a taste joins it to safety', () => {
		const flow: Flow = {
			...opioid,
			safety: [
				...opioid.safety,
				{
					...(opioid.safety.at(-1) as Flow['safety'][number]),
					id: 'x',
					showIf: { question: 'meditation', equals: 'yes' }
				}
			]
		};
		expect(partReads(flow).safety.has('meditation')).toBe(true);
	});

	it('adds every question that decides whether a read question is asked', () => {
		expect([...withAncestors(opioid, ['family-spiritual'])].sort()).toEqual([
			'family-spiritual',
			'loved-one-help',
			'who'
		]);
		expect([...withAncestors(opioid, ['moud-medication'])].sort()).toEqual([
			'detox-status',
			'moud-medication'
		]);
	});
});

describe('counting and projecting answer sets', () => {
	it('counts exactly the answer sets a full walk visits', () => {
		expect(countAnswerSets(minimal)).toBe(forEachAnswerSet(minimal, () => {}));
		// The loved-one side of the real flow, walked in full (1.6 million sets).
		const lovedOnly: Flow = {
			...opioid,
			questions: opioid.questions.map((q, i) =>
				i === 0 ? { ...q, options: q.options.filter((o) => o.id === 'loved-one') } : q
			)
		};
		expect(countAnswerSets(lovedOnly)).toBe(forEachAnswerSet(lovedOnly, () => {}));
	});

	it("partitions the answer space: a part's combinations stand for every answer set once", () => {
		for (const flow of [minimal, opioid])
			for (const reads of Object.values(partReads(flow))) {
				let total = 0;
				forEachProjection(flow, reads, (_, n) => (total += n));
				expect(total).toBe(countAnswerSets(flow));
			}
	});

	it('gives a projection that is itself a reachable answer set, with the read answers kept', () => {
		const reads = partReads(opioid).groups;
		const answers = answerSet(
			opioid,
			opioid.questions.map((_, i) => i * 7 + 3)
		);
		const projected = project(opioid, reads, answers);
		expect(prune(opioid, projected)).toEqual(projected);
		for (const id of reads) expect(projected[id]).toEqual(answers[id]);
		expect(completions(opioid, withAncestors(opioid, reads), projected)).toBeGreaterThan(1);
	});
});

describe('the factoring is sound', () => {
	it('on the minimal flow, for every answer set', () => {
		const sets: Answers[] = [];
		forEachAnswerSet(minimal, (a) => sets.push(prune(minimal, { ...a })));
		expect(sets.length).toBeGreaterThan(10);
		expect(counterexamples(minimal, sets, partReads(minimal))).toEqual([]);
	});

	it('on the real flow, for 3,000 answer sets drawn across the whole space', () => {
		const picks = fc.array(fc.nat(1000), {
			minLength: opioid.questions.length,
			maxLength: opioid.questions.length
		});
		const sets = fc.sample(picks, { numRuns: 3000, seed: 9 }).map((p) => answerSet(opioid, p));
		expect(counterexamples(opioid, sets, partReads(opioid))).toEqual([]);
	});

	it('would catch a part that reads more than the factoring says', () => {
		const reads = partReads(opioid);
		const wrong = { ...reads, groups: new Set([...reads.groups].filter((q) => q !== 'spiritual')) };
		const sets = fc
			.sample(fc.array(fc.nat(1000), { minLength: 18, maxLength: 18 }), { numRuns: 300, seed: 3 })
			.map((p) => answerSet(opioid, p));
		expect(counterexamples(opioid, sets, wrong).length).toBeGreaterThan(0);
	});
});
