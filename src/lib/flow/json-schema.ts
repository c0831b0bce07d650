import { z } from 'zod';
import { FlowSchema } from './schema';

/** The JSON Schema editors use to validate flow files, generated from the Zod schema. */
export function flowJsonSchema() {
	return {
		...z.toJSONSchema(FlowSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
		$id: 'https://support-group-guide.invalid/flow.schema.json',
		title: 'Support Group Guide flow'
	};
}
