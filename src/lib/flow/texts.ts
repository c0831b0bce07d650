import type { Advice, Flow, Text } from './schema';

export type TextPath = (string | number)[];

function* adviceTexts(blocks: Advice[], key: string): Generator<[TextPath, Text]> {
	for (const [i, block] of blocks.entries()) {
		yield [[key, i, 'title'], block.title];
		for (const [j, p] of block.body.entries()) yield [[key, i, 'body', j], p];
	}
}

/** Every user-visible text of a flow with its JSON path: for translation and readability checks. */
export function* flowTexts(flow: Flow): Generator<[TextPath, Text]> {
	yield [['title'], flow.title];
	for (const [i, q] of flow.questions.entries()) {
		yield [['questions', i, 'prompt'], q.prompt];
		yield [['questions', i, 'help'], q.help];
		for (const [j, o] of q.options.entries())
			yield [['questions', i, 'options', j, 'label'], o.label];
	}
	for (const [i, h] of flow.helplines.entries()) {
		yield [['helplines', i, 'name'], h.name];
		yield [['helplines', i, 'description'], h.description];
	}
	for (const [i, d] of flow.dangers.entries()) {
		yield [['dangers', i, 'title'], d.title];
		for (const [j, s] of d.steps.entries()) yield [['dangers', i, 'steps', j], s];
	}
	yield* adviceTexts(flow.safety, 'safety');
	for (const [i, s] of flow.styles.entries()) {
		for (const key of ['name', 'summary', 'firstMeeting', 'medication'] as const)
			yield [['styles', i, key], s[key]];
		for (const [j, p] of s.programs.entries()) {
			yield [['styles', i, 'programs', j, 'description'], p.description];
			for (const [k, f] of p.finders.entries()) {
				yield [['styles', i, 'programs', j, 'finders', k, 'label'], f.label];
				if (f.hint) yield [['styles', i, 'programs', j, 'finders', k, 'hint'], f.hint];
			}
		}
	}
	for (const [i, w] of flow.weights.entries()) yield [['weights', i, 'reason'], w.reason];
	for (const [i, n] of flow.notes.entries()) yield [['notes', i, 'text'], n.text];
	if (flow.medication) yield [['medication', 'caution'], flow.medication.caution];
	for (const [i, p] of flow.firstMeeting.entries()) yield [['firstMeeting', i, 'text'], p.text];
	yield* adviceTexts(flow.complements, 'complements');
	yield* adviceTexts(flow.checklists, 'checklists');
}
