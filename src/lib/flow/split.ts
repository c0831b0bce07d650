import type { Flow } from './schema';

/**
 * The parts of a flow only a result reads (advice, groups, scoring, checklists). The first
 * question does not need them, so the questionnaire's page carries the rest and loads these when
 * the questions are done (review and result): the first page stays small on a slow phone.
 */
export type ResultPart = Pick<
	Flow,
	| 'safety'
	| 'styles'
	| 'weights'
	| 'notes'
	| 'medication'
	| 'firstMeeting'
	| 'complements'
	| 'checklists'
>;

export function resultPartOf(flow: Flow): ResultPart {
	const { safety, styles, weights, notes, medication, firstMeeting, complements, checklists } =
		flow;
	return { safety, styles, weights, notes, medication, firstMeeting, complements, checklists };
}

/**
 * The flow without its result part: everything the questions, the emergency screens and review
 * read, with nothing to recommend from. `withResultPart` makes it whole again.
 */
export function questionsOnly(flow: Flow): Flow {
	return {
		...flow,
		safety: [],
		styles: [],
		weights: [],
		notes: [],
		medication: undefined,
		firstMeeting: [],
		complements: [],
		checklists: []
	};
}

export function withResultPart(flow: Flow, part: ResultPart): Flow {
	return { ...flow, ...part };
}
