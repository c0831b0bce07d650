import { compileCondition, referencedQuestions } from './conditions';
import type { Answers, Condition, FirstMeetingPoint, Flow, Note, Weight } from './schema';

type Test = (answers: Answers) => boolean;

const always: Test = () => true;
const test = (c: Condition | undefined): Test => (c ? compileCondition(c) : always);

/**
 * A flow's conditions compiled to functions and its weights indexed, built once per flow object:
 * `recommend` and the exhaustive check run through millions of answer sets.
 */
export interface FlowPlan {
	asked: Test[];
	/** Questions some showIf reads: their answers decide what else is asked. */
	gating: Set<string>;
	safety: Test[];
	complements: Test[];
	checklists: Test[];
	dangers: Test[];
	styles: Test[];
	/** True for someone on medication or open to it (never, when the flow has no `medication`). */
	medication: Test;
	/** Notes by answer, in the flow's order: the general note and each style's own. */
	notes: { question: string; option: string; general?: Note; own: Map<string, Note> }[];
	/** Every weight with the index of its style, strongest first (ties keep the flow's order). */
	weights: { weight: Weight; style: number }[];
	/** The first-meeting points each style's card may list, by style id, in the flow's order. */
	firstMeeting: Map<string, { point: FirstMeetingPoint; test: Test }[]>;
}

const plans = new WeakMap<Flow, FlowPlan>();

export function planOf(flow: Flow): FlowPlan {
	let plan = plans.get(flow);
	if (!plan) {
		const weights = flow.weights
			.map((weight) => ({ weight, style: flow.styles.findIndex((s) => s.id === weight.style) }))
			.sort((a, b) => Math.abs(b.weight.points) - Math.abs(a.weight.points));
		plan = {
			asked: flow.questions.map((q) => test(q.showIf)),
			gating: new Set(
				flow.questions.flatMap((q) => (q.showIf ? referencedQuestions(q.showIf) : []))
			),
			safety: flow.safety.map((a) => test(a.showIf)),
			complements: flow.complements.map((a) => test(a.showIf)),
			checklists: flow.checklists.map((a) => test(a.showIf)),
			dangers: flow.dangers.map((d) => test(d.when)),
			styles: flow.styles.map((s) => test(s.showIf)),
			medication: flow.medication ? compileCondition(flow.medication.when) : () => false,
			notes: groupNotes(flow.notes),
			weights,
			firstMeeting: pointsByStyle(flow)
		};
		plans.set(flow, plan);
	}
	return plan;
}

function groupNotes(notes: Note[]): FlowPlan['notes'] {
	const groups: FlowPlan['notes'] = [];
	for (const note of notes) {
		let group = groups.find((g) => g.question === note.question && g.option === note.option);
		if (!group) {
			group = { question: note.question, option: note.option, own: new Map() };
			groups.push(group);
		}
		if (note.style === undefined) group.general = note;
		else group.own.set(note.style, note);
	}
	return groups;
}

function pointsByStyle(flow: Flow): FlowPlan['firstMeeting'] {
	const points = flow.firstMeeting.map((point) => ({ point, test: test(point.showIf) }));
	return new Map(
		flow.styles.map((s) => [
			s.id,
			points.filter(({ point }) => !point.styles || point.styles.includes(s.id))
		])
	);
}
