import { describe, expect, it } from 'vitest';
import { opioidFlow } from '../../../tests/flows';
import { recommend } from './recommend';
import { questionsOnly, resultPartOf, withResultPart } from './split';

const flow = opioidFlow();

describe('a flow split for the first page', () => {
	it('keeps everything the questions read, and nothing a result reads', () => {
		const first = questionsOnly(flow);
		expect(first.questions).toEqual(flow.questions);
		expect(first.dangers).toEqual(flow.dangers);
		expect(first.helplines).toEqual(flow.helplines);
		expect(first.styles).toEqual([]);
		expect(first.safety).toEqual([]);
		expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(flow).length / 2);
	});

	it('is whole again with its result part: the same result for the same answers', () => {
		const joined = withResultPart(questionsOnly(flow), resultPartOf(flow));
		expect(joined).toEqual({ ...flow });
		const answers = {
			who: 'myself',
			substance: 'heroin',
			'other-depressants': 'none',
			'detox-status': 'finished-detox',
			'danger-signs': ['none']
		};
		expect(recommend(joined, answers)).toEqual(recommend(flow, answers));
	});
});
