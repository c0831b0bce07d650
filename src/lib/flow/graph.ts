import { referencedQuestions } from './conditions';
import { forEachAnswerSet } from './enumerate';
import { withAncestors } from './factor';
import { dangersSetOff, EMERGENCY, nextStep, RESULT, REVIEW } from './navigation';
import { planOf } from './plan';
import type { Condition, Flow } from './schema';

/** A short, readable form of a condition for diagrams and messages. */
export function describeCondition(c: Condition): string {
	if ('all' in c) return c.all.map(describeCondition).join(' and ');
	if ('any' in c) return `(${c.any.map(describeCondition).join(' or ')})`;
	if ('not' in c) return `not ${describeCondition(c.not)}`;
	if ('answered' in c) return `${c.answered} answered`;
	if ('equals' in c) return `${c.question} = ${c.equals}`;
	return `${c.question} in ${c.in.join('/')}`;
}

/**
 * The steps a first pass through the flow can take, found by answering it every way that matters:
 * after each question, where an answer goes on to (`next`), which danger rules it sets off, and
 * where the emergency screen's "I am safe, continue" resumes once that question set it off.
 */
interface FlowSteps {
	next: Map<string, Set<string>>;
	dangers: Map<string, Set<string>>;
	resume: Map<string, Set<string>>;
}

/**
 * Walks every answer to the questions that decide what is asked or set off a danger (each other
 * question takes its first answer: it changes no step), asking the navigation functions the machine
 * asks at each answer. Answers are given in order, as on a first pass, with nothing answered ahead.
 */
function flowSteps(flow: Flow): FlowSteps {
	const steps: FlowSteps = { next: new Map(), dangers: new Map(), resume: new Map() };
	const add = (map: Map<string, Set<string>>, from: string, to: string) => {
		const set = map.get(from) ?? new Set();
		map.set(from, set.add(to));
	};
	const branchOn = withAncestors(flow, [
		...planOf(flow).gating,
		...flow.dangers.flatMap((d) => referencedQuestions(d.when))
	]);
	forEachAnswerSet(flow, () => {}, {
		branchOn,
		enter: (question, answers) => {
			const target = nextStep(flow, answers, question.id, false);
			const dangers = dangersSetOff(flow, answers, question.id);
			for (const id of dangers) add(steps.dangers, question.id, id);
			add(dangers.length > 0 ? steps.resume : steps.next, question.id, target);
			return true;
		}
	});
	return steps;
}

const node = (id: string) => id.replace(/-/g, '_');

/**
 * A Mermaid flowchart of what the questionnaire machine does on a first pass: each question leads
 * to the steps its answers can go on to (an edge to a conditional question carries its condition),
 * danger rules jump to the emergency screen, which goes on where the question that set it off
 * would have, or Back to that question; review leads to the result, whose Back returns to review.
 * Back from a question or from review returns along the edge it came in by, so it is not drawn;
 * neither are edits from review, moves through the browser history, nor Restart.
 */
export function toMermaid(flow: Flow): string {
	const { next, dangers, resume } = flowSteps(flow);
	const order = [...flow.questions.map((q) => q.id), REVIEW];
	const inOrder = (ids: Set<string> | undefined) => order.filter((id) => ids?.has(id));
	const ifShown = (id: string) => {
		const showIf = flow.questions.find((q) => q.id === id)?.showIf;
		return showIf ? `if ${describeCondition(showIf)}` : '';
	};

	const lines = ['flowchart TD'];
	for (const q of flow.questions) lines.push(`  ${node(q.id)}["${q.id} (${q.kind})"]`);
	// A flow whose danger rules no answer sets off never shows the emergency screen.
	if (resume.size > 0) lines.push(`  ${EMERGENCY}{{"${EMERGENCY}"}}`);
	lines.push(`  ${REVIEW}(["${REVIEW}"])`, `  ${RESULT}(["${RESULT}"])`);
	for (const q of flow.questions) {
		for (const to of inOrder(next.get(q.id))) {
			const label = ifShown(to);
			lines.push(`  ${node(q.id)} -->${label ? `|"${label}"|` : ''} ${node(to)}`);
		}
		for (const d of flow.dangers)
			if (dangers.get(q.id)?.has(d.id))
				lines.push(`  ${node(q.id)} -.->|"${d.id}: ${describeCondition(d.when)}"| ${EMERGENCY}`);
	}
	for (const q of flow.questions) {
		const targets = inOrder(resume.get(q.id));
		if (targets.length === 0) continue;
		for (const to of targets) {
			const label = [`after ${q.id}: I am safe, continue`, ifShown(to)].filter(Boolean).join(', ');
			lines.push(`  ${EMERGENCY} -.->|"${label}"| ${node(to)}`);
		}
		lines.push(`  ${EMERGENCY} -.->|"after ${q.id}: Back"| ${node(q.id)}`);
	}
	lines.push(`  ${REVIEW} --> ${RESULT}`, `  ${RESULT} -.->|"Back"| ${REVIEW}`);
	return lines.join('\n') + '\n';
}
