import { referencedQuestions } from './conditions';
import { EMERGENCY, RESULT, REVIEW } from './navigation';
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

const node = (id: string) => id.replace(/-/g, '_');

/**
 * A Mermaid flowchart of the flow: each question leads to the later questions it can reach (up to
 * the next one that is always asked), danger rules jump to the emergency screen.
 */
export function toMermaid(flow: Flow): string {
	const lines = ['flowchart TD'];
	for (const q of flow.questions) lines.push(`  ${node(q.id)}["${q.id} (${q.kind})"]`);
	lines.push(
		`  ${EMERGENCY}{{"${EMERGENCY}"}}`,
		`  ${REVIEW}(["${REVIEW}"])`,
		`  ${RESULT}(["${RESULT}"])`
	);
	flow.questions.forEach((q, i) => {
		let alwaysNext = false;
		for (const later of flow.questions.slice(i + 1)) {
			const label = later.showIf ? `|"if ${describeCondition(later.showIf)}"|` : '';
			lines.push(`  ${node(q.id)} -->${label} ${node(later.id)}`);
			if (!later.showIf) {
				alwaysNext = true;
				break;
			}
		}
		if (!alwaysNext) lines.push(`  ${node(q.id)} --> ${REVIEW}`);
	});
	for (const d of flow.dangers) {
		const from = referencedQuestions(d.when).at(-1);
		if (from)
			lines.push(`  ${node(from)} -.->|"${d.id}: ${describeCondition(d.when)}"| ${EMERGENCY}`);
	}
	lines.push(`  ${EMERGENCY} -. "I am safe, continue" .-> ${REVIEW}`, `  ${REVIEW} --> ${RESULT}`);
	return lines.join('\n') + '\n';
}
