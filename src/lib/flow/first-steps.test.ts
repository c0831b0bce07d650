import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { opioidFlow } from '../../../tests/flows';
import { firstSteps } from './first-steps';
import { placeOf, questionnaireMachine } from './machine';
import type { Flow } from './schema';
import { viewOf } from './step';

const flow = opioidFlow();

/** Where the machine goes when the first question gets this answer. */
function after(f: Flow, value: string | string[]) {
	const actor = createActor(questionnaireMachine, { input: { flow: f } }).start();
	actor.send({ type: 'answer.submit', question: f.questions[0]?.id ?? '', value });
	const place = placeOf(actor.getSnapshot());
	actor.stop();
	return place;
}

describe('where each first answer leads, drawn before the app runs', () => {
	it('covers every option of the shipped flow with the screen the machine shows', () => {
		const steps = firstSteps(flow);
		const first = flow.questions[0];
		const options = steps.flatMap((s) => s.options).sort();
		expect(options).toEqual(first?.options.map((o) => o.id).sort());
		for (const step of steps)
			for (const option of step.options) {
				const shown = viewOf(flow, step.place);
				const real = viewOf(flow, after(flow, option));
				expect(shown.kind).toBe('question');
				expect(real.kind).toBe('question');
				if (shown.kind !== 'question' || real.kind !== 'question') continue;
				expect([shown.step, shown.number, shown.total]).toEqual([
					real.step,
					real.number,
					real.total
				]);
			}
	});

	it('draws a screen shared by options once', () => {
		const steps = firstSteps(flow);
		const keys = steps.map((s) => {
			const v = viewOf(flow, s.place);
			return v.kind === 'question' ? `${v.step} ${v.number} ${v.total}` : v.kind;
		});
		expect(new Set(keys).size).toBe(keys.length);
		// Both answers to "who" lead to the substance question, with a different count ahead.
		expect(keys).toHaveLength(2);
		expect(new Set(keys.map((k) => k.split(' ')[0]))).toEqual(new Set(['substance']));
		const shared: Flow = {
			...flow,
			questions: flow.questions.map((q) => ({ ...q, showIf: undefined }))
		};
		expect(firstSteps(shared)).toHaveLength(1);
		expect(firstSteps(shared)[0]?.options).toEqual(['myself', 'loved-one']);
	});

	it('leaves out an answer that sets off an emergency: the app shows that screen itself', () => {
		const dangerFirst: Flow = {
			...flow,
			questions: [
				flow.questions.find((q) => q.id === 'danger-signs') ?? flow.questions[0]!,
				...flow.questions.filter((q) => q.id !== 'danger-signs')
			].map((q) => (q.id === 'danger-signs' ? { ...q, kind: 'single' as const } : q))
		};
		const steps = firstSteps(dangerFirst);
		expect(after(dangerFirst, 'overdose-signs').screen).toBe('emergency');
		expect(steps.flatMap((s) => s.options)).not.toContain('overdose-signs');
		expect(steps.flatMap((s) => s.options)).toContain('none');
	});

	it('has nothing for a multiple-choice first question, whose answer is a combination', () => {
		const multiFirst: Flow = {
			...flow,
			questions: flow.questions.map((q, i) => (i === 0 ? { ...q, kind: 'multi' as const } : q))
		};
		expect(firstSteps(multiFirst)).toEqual([]);
	});
});
