import { z } from 'zod';
import { evaluate, referencedOptions, referencedQuestions } from './conditions';
import { forEachAnswerSet } from './enumerate';
import { RESERVED_STEPS } from './navigation';
import { planOf } from './plan';
import { FlowSchema, type Condition, type Flow } from './schema';
import { flowTexts } from './texts';

type Path = (string | number)[];
type Report = (message: string, path: Path) => void;

function checkDuplicates(ids: string[], report: Report, pathOf: (i: number) => Path, kind: string) {
	const seen = new Set<string>();
	ids.forEach((id, i) => {
		if (seen.has(id)) report(`duplicate ${kind} id "${id}"`, pathOf(i));
		seen.add(id);
	});
}

/**
 * Checks a condition's references. `before` is the number of questions it may read: a question's
 * own condition may only read earlier questions, anything else may read them all.
 */
function checkCondition(
	flow: Flow,
	condition: Condition,
	path: Path,
	before: number,
	report: Report
) {
	const position = new Map(flow.questions.map((q, i) => [q.id, i]));
	for (const id of new Set(referencedQuestions(condition))) {
		const at = position.get(id);
		if (at === undefined) report(`unknown question "${id}"`, path);
		else if (at >= before)
			report(`refers to question "${id}", which is not asked before it (a cycle)`, path);
	}
	for (const ref of referencedOptions(condition, path)) {
		const question = flow.questions.find((q) => q.id === ref.question);
		if (question && !question.options.some((o) => o.id === ref.option))
			report(`unknown option "${ref.option}" of question "${ref.question}"`, ref.path);
	}
}

/** Questions no reachable set of answers ever shows. */
function unreachableQuestions(flow: Flow): Set<string> {
	// Only answers that some condition reads can change what is shown: branch on those alone.
	const read = planOf(flow).gating;
	const unseen = new Set(flow.questions.map((q) => q.id));
	forEachAnswerSet(flow, () => {}, {
		branchOn: read,
		enter: (question) => {
			unseen.delete(question.id);
			return true;
		}
	});
	return unseen;
}

/**
 * Exactly one opening block shows for every reachable set of answers, so every result opens with
 * medical-help advice written for that person. Branches only on the questions that decide what is
 * asked and on those the openings read: no other answer can change which opening shows.
 */
function checkOpenings(flow: Flow, report: Report) {
	const openings = flow.safety
		.map((block, index) => ({ block, index }))
		.filter(({ block }) => block.opening);
	const read = new Set(planOf(flow).gating);
	for (const { block } of openings)
		if (block.showIf) for (const id of referencedQuestions(block.showIf)) read.add(id);
	const problems = new Set<string>();
	forEachAnswerSet(
		flow,
		(answers) => {
			const shown = openings.filter(
				({ block }) => !block.showIf || evaluate(block.showIf, answers)
			);
			if (shown.length === 1) return;
			const when =
				[...read]
					.filter((id) => answers[id] !== undefined)
					.map((id) => `${id}=${String(answers[id])}`)
					.join(', ') || 'any answers are given';
			const key = shown.map((s) => s.block.id).join('+');
			if (problems.has(key)) return;
			problems.add(key);
			if (shown.length === 0) report(`no opening block shows when ${when}`, ['safety']);
			else {
				const second = shown[1] as (typeof shown)[number];
				report(
					`opening blocks ${shown.map((s) => `"${s.block.id}"`).join(' and ')} ${shown.length > 2 ? 'all' : 'both'} show when ${when}`,
					second.block.showIf ? ['safety', second.index, 'showIf'] : ['safety', second.index]
				);
			}
		},
		{ branchOn: read }
	);
}

/** Integrity rules a schema alone cannot express; every problem carries its JSON path. */
export function checkIntegrity(flow: Flow, ctx: z.core.$RefinementCtx<Flow>) {
	let problems = 0;
	const report: Report = (message, path) => {
		problems++;
		ctx.addIssue({ code: 'custom', message, path });
	};
	const all = flow.questions.length;
	if (flow.answersSince !== undefined && flow.answersSince > flow.version)
		report(`must not be after the version (${flow.version})`, ['answersSince']);

	checkDuplicates(
		flow.questions.map((q) => q.id),
		report,
		(i) => ['questions', i, 'id'],
		'question'
	);
	flow.questions.forEach((q, i) => {
		if ((RESERVED_STEPS as readonly string[]).includes(q.id))
			report(`"${q.id}" is reserved for a screen; choose another question id`, [
				'questions',
				i,
				'id'
			]);
		checkDuplicates(
			q.options.map((o) => o.id),
			report,
			(j) => ['questions', i, 'options', j, 'id'],
			'option'
		);
		if (q.optional && q.kind !== 'multi')
			report('only multi questions can be optional', ['questions', i, 'optional']);
		q.options.forEach((o, j) => {
			if (o.exclusive && q.kind !== 'multi')
				report('only options of multi questions can be exclusive', [
					'questions',
					i,
					'options',
					j,
					'exclusive'
				]);
		});
		if (q.kind === 'multi' && q.options.filter((o) => !o.exclusive).length < 2)
			report('a multi question needs at least two options that can be ticked together', [
				'questions',
				i,
				'options'
			]);
		if (q.showIf) checkCondition(flow, q.showIf, ['questions', i, 'showIf'], i, report);
	});
	if (flow.questions[0]?.showIf)
		report('the first question must always be asked', ['questions', 0, 'showIf']);

	checkDuplicates(
		flow.helplines.map((h) => h.id),
		report,
		(i) => ['helplines', i, 'id'],
		'helpline'
	);
	checkDuplicates(
		flow.dangers.map((d) => d.id),
		report,
		(i) => ['dangers', i, 'id'],
		'danger'
	);
	const helplines = new Set(flow.helplines.map((h) => h.id));
	flow.dangers.forEach((d, i) => {
		checkCondition(flow, d.when, ['dangers', i, 'when'], all, report);
		d.helplines.forEach((id, j) => {
			if (!helplines.has(id)) report(`unknown helpline "${id}"`, ['dangers', i, 'helplines', j]);
		});
	});

	const openings = flow.safety.filter((a) => a.opening).length;
	if (openings === 0)
		report(
			'a flow needs an opening safety block (opening: true): the medical-help advice that opens every result',
			['safety']
		);
	const firstOther = flow.safety.findIndex((a) => !a.opening);
	flow.safety.forEach((a, i) => {
		if (a.opening && firstOther >= 0 && i > firstOther)
			report('opening blocks come first in safety, before every other block', [
				'safety',
				i,
				'opening'
			]);
	});
	for (const key of ['safety', 'complements', 'checklists'] as const) {
		const blocks = flow[key];
		checkDuplicates(
			blocks.map((a) => a.id),
			report,
			(i) => [key, i, 'id'],
			'advice'
		);
		blocks.forEach((a, i) => {
			if (a.showIf) checkCondition(flow, a.showIf, [key, i, 'showIf'], all, report);
			if (a.opening && key !== 'safety')
				report('only safety blocks can open the result', [key, i, 'opening']);
		});
	}

	checkDuplicates(
		flow.styles.map((s) => s.id),
		report,
		(i) => ['styles', i, 'id'],
		'style'
	);
	checkDuplicates(
		flow.styles.flatMap((s) => s.programs.map((p) => p.id)),
		report,
		() => ['styles'],
		'program'
	);
	flow.styles.forEach((s, i) => {
		if (s.showIf) checkCondition(flow, s.showIf, ['styles', i, 'showIf'], all, report);
		if (s.programs.every((p) => p.finders.length === 0))
			report(`style "${s.id}" has no meeting-finder link`, ['styles', i, 'programs']);
	});
	if (!flow.styles.some((s) => s.audience === 'person' && s.showIf === undefined))
		report('at least one style for the person must always be offered', ['styles']);
	if (flow.medication) {
		checkCondition(flow, flow.medication.when, ['medication', 'when'], all, report);
		flow.styles.forEach((s, i) => {
			if (s.audience === 'person' && s.stance === undefined)
				report('a style for the person needs a stance on medication (welcomes, ask or may-limit)', [
					'styles',
					i,
					'stance'
				]);
		});
	}

	const styles = new Set(flow.styles.map((s) => s.id));
	flow.weights.forEach((w, i) => {
		const question = flow.questions.find((q) => q.id === w.question);
		if (!question) report(`unknown question "${w.question}"`, ['weights', i, 'question']);
		else if (!question.options.some((o) => o.id === w.option))
			report(`unknown option "${w.option}" of question "${w.question}"`, ['weights', i, 'option']);
		if (!styles.has(w.style)) report(`unknown style "${w.style}"`, ['weights', i, 'style']);
	});

	const noted = new Set<string>();
	flow.notes.forEach((n, i) => {
		const question = flow.questions.find((q) => q.id === n.question);
		if (!question) report(`unknown question "${n.question}"`, ['notes', i, 'question']);
		else if (!question.options.some((o) => o.id === n.option))
			report(`unknown option "${n.option}" of question "${n.question}"`, ['notes', i, 'option']);
		if (n.style !== undefined && !styles.has(n.style))
			report(`unknown style "${n.style}"`, ['notes', i, 'style']);
		const key = `${n.question}=${n.option}@${n.style ?? '*'}`;
		if (noted.has(key))
			report(
				`a second note for option "${n.option}" of "${n.question}" on ${n.style ? `style "${n.style}"` : 'every card'}`,
				['notes', i]
			);
		noted.add(key);
	});

	checkDuplicates(
		flow.firstMeeting.map((p) => p.id),
		report,
		(i) => ['firstMeeting', i, 'id'],
		'first-meeting point'
	);
	flow.firstMeeting.forEach((p, i) => {
		p.styles?.forEach((id, j) => {
			if (!styles.has(id)) report(`unknown style "${id}"`, ['firstMeeting', i, 'styles', j]);
		});
		if (p.showIf) checkCondition(flow, p.showIf, ['firstMeeting', i, 'showIf'], all, report);
		if (p.medication && !flow.medication)
			report(
				"a point for people on medication needs the flow's `medication`, which says who they are",
				['firstMeeting', i, 'medication']
			);
	});

	for (const [path, text] of flowTexts(flow)) {
		for (const locale of flow.locales)
			if (text[locale] === undefined) report(`missing "${locale}" translation`, path);
		for (const locale of Object.keys(text))
			if (!flow.locales.includes(locale))
				report(`"${locale}" is not one of the flow's locales (${flow.locales.join(', ')})`, [
					...path,
					locale
				]);
	}

	// Reachability needs sound references; skip it when they are broken, so each mistake is named once.
	// The schema's own problems (an empty condition list, say) count too: they are in ctx.issues.
	if (problems === 0 && ctx.issues.length === 0) {
		const unreachable = unreachableQuestions(flow);
		flow.questions.forEach((q, i) => {
			if (unreachable.has(q.id))
				report(`question "${q.id}" can never be asked: no answers satisfy its showIf`, [
					'questions',
					i,
					'showIf'
				]);
		});
		if (openings > 0) checkOpenings(flow, report);
	}
}

/** The flow schema with integrity checks: what the CLI, the build and the tests validate with. */
export const ValidFlowSchema = FlowSchema.superRefine(checkIntegrity);

export type FlowCheck = { ok: true; flow: Flow } | { ok: false; message: string };

/** Parses flow JSON text; on failure every problem is listed with its JSON path. */
export function parseFlowText(text: string): FlowCheck {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return { ok: false, message: `✖ not valid JSON: ${(error as Error).message}\n  → at (root)` };
	}
	const result = ValidFlowSchema.safeParse(json);
	return result.success
		? { ok: true, flow: result.data }
		: { ok: false, message: z.prettifyError(result.error) };
}
