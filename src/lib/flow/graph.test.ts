import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalFlow, opioidFlow } from '../../../tests/flows';
import { referencedQuestions } from './conditions';
import { forEachAnswerSet, possibleAnswers } from './enumerate';
import { forEachProjection } from './factor';
import { describeCondition, toMermaid } from './graph';
import {
	dangersSetOff,
	EMERGENCY,
	isComplete,
	nextStep,
	previousStep,
	RESULT,
	REVIEW,
	visibleQuestions
} from './navigation';
import { planOf } from './plan';
import type { Answers, Flow } from './schema';

// minimal: status (ok | sick) → danger (only if sick; yes sets off "severe") → spiritual → extras
const minimal = minimalFlow();
const opioid = opioidFlow();

const edge = (from: string, arrow: string, to: string, label = '') =>
	`${from} ${arrow} ${to}${label ? ` "${label}"` : ''}`;

/**
 * The edges of a chart as `from arrow to "label"`, with Mermaid node names mapped back to step
 * ids. Fails on any line that is neither a node nor an edge, so no edge escapes the comparison.
 */
function edgesOf(flow: Flow, chart: string): Set<string> {
	const steps = new Map(
		[...flow.questions.map((q) => q.id), EMERGENCY, REVIEW, RESULT].map((id) => [
			id.replace(/-/g, '_'),
			id
		])
	);
	const [header, ...lines] = chart.trimEnd().split('\n');
	expect(header).toBe('flowchart TD');
	const edges = new Set<string>();
	const declared = new Set<string>();
	for (const line of lines) {
		const declaration = /^ {2}(\w+)(\[".*"\]|\{\{".*"\}\}|\(\[".*"\]\))$/.exec(line);
		if (declaration) {
			declared.add(declaration[1] as string);
			continue;
		}
		const match = /^ {2}(\w+) (-->|-\.->)(?:\|"([^"]*)"\|)? (\w+)$/.exec(line);
		if (!match) expect.fail(`not a node or an edge: ${line}`);
		const [, from, arrow, label, to] = match as string[];
		const ids = [steps.get(from as string), steps.get(to as string)];
		if (ids.includes(undefined)) expect.fail(`an edge between unknown steps: ${line}`);
		if (!declared.has(from as string) || !declared.has(to as string))
			expect.fail(`an edge from or to an undeclared node: ${line}`);
		edges.add(edge(ids[0] as string, arrow as string, ids[1] as string, label));
	}
	return edges;
}

/**
 * The edges a first pass with these complete answers takes, as the machine takes them: each asked
 * question in turn is answered, with only the answers before it given; an answer that sets off a
 * danger goes to the emergency screen, whose continue resumes at the step after that question.
 */
function walk(flow: Flow, answers: Answers): string[] {
	const ifShown = (id: string) => {
		const showIf = flow.questions.find((q) => q.id === id)?.showIf;
		return showIf ? `if ${describeCondition(showIf)}` : '';
	};
	const asked = visibleQuestions(flow, answers);
	const given: Answers = {};
	const edges: string[] = [];
	asked.forEach((q, i) => {
		given[q.id] = answers[q.id] as string | string[];
		const to = nextStep(flow, given, q.id, false);
		// The walk is the machine's path: the next step is the next question asked.
		expect(to).toBe(asked[i + 1]?.id ?? REVIEW);
		// Back from there returns here, whether the way on went through the emergency screen or not.
		expect(previousStep(flow, given, to)).toBe(q.id);
		const dangers = dangersSetOff(flow, given, q.id);
		if (dangers.length === 0) {
			edges.push(edge(q.id, '-->', to, ifShown(to)));
			return;
		}
		for (const rule of flow.dangers.filter((d) => dangers.includes(d.id)))
			edges.push(edge(q.id, '-.->', EMERGENCY, `${rule.id}: ${describeCondition(rule.when)}`));
		const resume = [`after ${q.id}: I am safe, continue`, ifShown(to)].filter(Boolean).join(', ');
		edges.push(edge(EMERGENCY, '-.->', to, resume));
		edges.push(edge(EMERGENCY, '-.->', q.id, `after ${q.id}: Back`));
	});
	expect(isComplete(flow, given)).toBe(true);
	edges.push(edge(REVIEW, '-->', RESULT), edge(RESULT, '-.->', REVIEW, 'Back'));
	return edges;
}

/** Every edge the walks of these answer sets take. */
function taken(flow: Flow, each: (visit: (answers: Answers) => void) => void): Set<string> {
	const edges = new Set<string>();
	each((answers) => {
		for (const e of walk(flow, answers)) edges.add(e);
	});
	return edges;
}

describe('toMermaid draws what the machine does, and nothing else', () => {
	it('minimal: every edge is taken by some answer set, and every answer set takes only drawn edges', () => {
		const edges = taken(minimal, (visit) => forEachAnswerSet(minimal, visit));
		expect(edges).toEqual(edgesOf(minimal, toMermaid(minimal)));
	});

	it('draws no emergency screen for a flow whose answers set off no danger', () => {
		const safe: Flow = { ...minimal, dangers: [] };
		const chart = toMermaid(safe);
		expect(chart).not.toContain(EMERGENCY);
		const edges = taken(safe, (visit) => forEachAnswerSet(safe, visit));
		expect(edges).toEqual(edgesOf(safe, chart));
	});

	it('opioid-support: the same, over every combination of the answers that decide a step', () => {
		// A step reads only which questions are asked (the answers their showIf reads) and which
		// danger rules hold: every other question may keep its first answer without losing a step.
		const decide = [
			...planOf(opioid).gating,
			...opioid.dangers.flatMap((d) => referencedQuestions(d.when))
		];
		let sets = 0;
		const edges = taken(opioid, (visit) => {
			sets = forEachProjection(opioid, decide, visit);
		});
		expect(sets).toBeGreaterThan(1000);
		expect(edges).toEqual(edgesOf(opioid, toMermaid(opioid)));
	});

	it('opioid-support: random complete answer sets take only drawn edges', () => {
		const drawn = edgesOf(opioid, toMermaid(opioid));
		// One pick per question; a question not asked ignores its pick.
		const picks = fc.tuple(...opioid.questions.map(() => fc.nat()));
		fc.assert(
			fc.property(picks, (chosen) => {
				const answers: Answers = {};
				opioid.questions.forEach((q, i) => {
					if (!planOf(opioid).asked[i]?.(answers)) return;
					const all = possibleAnswers(q);
					answers[q.id] = all[(chosen[i] as number) % all.length] as string | string[];
				});
				for (const e of walk(opioid, answers)) expect(drawn).toContain(e);
			}),
			{ numRuns: 500 }
		);
	});

	it('resumes after the emergency screen at the next question asked, never at review (issue #10)', () => {
		const chart = toMermaid(opioid);
		const resumes = chart.split('\n').filter((l) => l.includes('I am safe, continue'));
		expect(resumes).toEqual([
			'  emergency -.->|"after other-depressants: I am safe, continue"| detox_status',
			'  emergency -.->|"after danger-signs: I am safe, continue, if detox-status = on-moud"| moud_medication',
			'  emergency -.->|"after danger-signs: I am safe, continue, if who = myself"| pregnant',
			'  emergency -.->|"after danger-signs: I am safe, continue, if who = loved-one"| person_pregnant'
		]);
		expect(chart).toContain('  emergency -.->|"after danger-signs: Back"| danger_signs');
		expect(chart).toContain('  emergency -.->|"after other-depressants: Back"| other_depressants');
	});

	it('draws no edge to a question that a nearer one always comes before (issue #10)', () => {
		// who is myself or loved-one, so pregnant or person-pregnant always follows danger-signs.
		const chart = toMermaid(opioid);
		expect(chart).not.toMatch(/danger_signs -->.* (moud_openness|spiritual|review)$/m);
		expect(chart).toContain('  danger_signs -->|"if who = myself"| pregnant');
	});
});
