import { createActor } from 'xstate';
import { placeOf, questionnaireMachine } from './machine';
import type { Flow } from './schema';
import { viewOf, type Place } from './step';

/**
 * Where each answer to the first question leads, as the machine decides it: the question the page
 * can show at once when the first answer is given before the app has started (the page's inline
 * handler, src/lib/questionnaire/early.inline.js). Options that lead to the same screen (same
 * question, same "Question 2 of about 9") share one entry. Options that lead elsewhere (an
 * emergency screen) have none: the app shows those once it runs.
 *
 * Computed where the page is built, so the browser needs no engine for it; only a single-choice
 * first question has entries (a multiple-choice answer is a combination).
 */
export interface FirstStep {
	/** The first question's options that lead here. */
	options: string[];
	place: Place;
}

export function firstSteps(flow: Flow): FirstStep[] {
	const first = flow.questions[0];
	if (!first || first.kind !== 'single') return [];
	const steps: FirstStep[] = [];
	const seen = new Map<string, FirstStep>();
	for (const option of first.options) {
		const actor = createActor(questionnaireMachine, { input: { flow } }).start();
		actor.send({ type: 'answer.submit', question: first.id, value: option.id });
		const place = placeOf(actor.getSnapshot());
		actor.stop();
		const view = viewOf(flow, place);
		if (view.kind !== 'question') continue;
		const key = `${view.step} ${view.number} ${view.total}`;
		const known = seen.get(key);
		if (known) {
			known.options.push(option.id);
			continue;
		}
		const step = { options: [option.id], place };
		seen.set(key, step);
		steps.push(step);
	}
	return steps;
}
