/**
 * The official R4 JSON schema (tests/fhir/official.ts) is the one HL7 publishes, and it catches
 * what it should: these are the checks the app's exports are held to besides ./schema.ts.
 */
import { describe, expect, it } from 'vitest';
import { officialIssues, R4_SCHEMA_DRAFT, R4_SCHEMA_ID } from './official';

const response = (more: Record<string, unknown> = {}) => ({
	resourceType: 'QuestionnaireResponse',
	questionnaire: 'https://guide.example.test/fhir/Questionnaire/x|1',
	status: 'completed',
	authored: '2026-03-01T10:00:00.000Z',
	...more
});
const answered = (answer: unknown) =>
	response({ item: [{ linkId: 'g', item: [{ linkId: 'g.a', answer: [answer] }] }] });

describe("HL7's JSON schema for FHIR R4", () => {
	it('is the R4 schema, in JSON Schema draft-06', () => {
		expect(R4_SCHEMA_ID).toBe('http://hl7.org/fhir/json-schema/4.0');
		expect(R4_SCHEMA_DRAFT).toBe('http://json-schema.org/draft-06/schema#');
	});

	it('accepts a response with a repeating group of a date, a time, a string and a coding', () => {
		expect(officialIssues(answered({ valueDate: '2026-03-10' }))).toEqual([]);
		expect(officialIssues(answered({ valueTime: '19:00:00' }))).toEqual([]);
		expect(officialIssues(answered({ valueString: 'with Mom' }))).toEqual([]);
		expect(
			officialIssues(answered({ valueCoding: { system: 'https://x.test/cs', code: 'a' } }))
		).toEqual([]);
	});

	it.each([
		['a key R4 does not define', response({ subject2: {} }), /additional properties \(subject2\)/],
		[
			'a status outside its value set',
			response({ status: 'done' }),
			/status must be equal to one of/
		],
		// A local time cannot be an R4 dateTime: with hours and minutes, a time zone is required.
		[
			'a dateTime with a time and no zone',
			answered({ valueDateTime: '2026-03-10T19:00:00' }),
			/valueDateTime must match pattern/
		],
		['a time without seconds', answered({ valueTime: '19:00' }), /valueTime must match pattern/],
		['an empty string', answered({ valueString: '' }), /valueString must match pattern/],
		[
			'answers that are not an array',
			response({ item: [{ linkId: 'q', answer: { valueString: 'x' } }] }),
			/answer must be array/
		],
		['an unknown resource type', { resourceType: 'Meeting' }, /no R4 resource type "Meeting"/]
	])('refuses %s', (_, resource, message) => {
		const issues = officialIssues(resource);
		expect(
			issues.some((i) => message.test(i)),
			issues.join('\n')
		).toBe(true);
	});
});
