/**
 * The flow tool: `npm run flows -- check <file...>`, `graph <file>`, `fhir <file>`, `schema`.
 * Exit 0 when everything is valid, 1 with every problem and its JSON path otherwise, 2 on misuse.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { flowJsonSchema } from '../src/lib/flow/json-schema.ts';
import { checkFiles, fhirOf, graphOf } from './flow-commands.ts';

const USAGE = `Usage:
  npm run flows -- check <file.json...>            validate flow files (exit 1 on any problem)
  npm run flows -- graph <file.json>               print a Mermaid diagram of a flow
  npm run flows -- fhir <file.json> [--locale xx] [--base https://…]
                                                   print the flow as a FHIR R4 Questionnaire
                                                   (default locale: the flow's first; default
                                                   base: $PUBLIC_SITE_URL as in the site build)
  npm run flows -- schema                          write flows/flow.schema.json from the Zod schema`;

const [command, ...files] = process.argv.slice(2);

switch (command) {
	case 'check': {
		if (files.length === 0) usage();
		const { output, ok } = checkFiles(files, (f) => readFileSync(f, 'utf8'));
		process.stdout.write(output);
		process.exit(ok ? 0 : 1);
		break;
	}
	case 'graph': {
		if (files.length !== 1) usage();
		const result = graphOf(readFileSync(files[0] as string, 'utf8'));
		if (!result.ok) {
			process.stderr.write(`${basename(files[0] as string)}: invalid\n${result.message}\n`);
			process.exit(1);
		}
		process.stdout.write(result.diagram);
		break;
	}
	case 'fhir': {
		const locale = option(files, '--locale');
		const flag = option(files, '--base');
		if (files.length !== 1) usage();
		const file = files[0] as string;
		// As the site build does, unless --base says otherwise.
		const [base, from] =
			flag === undefined ? [process.env.PUBLIC_SITE_URL, 'PUBLIC_SITE_URL'] : [flag, '--base'];
		const result = fhirOf(readFileSync(file, 'utf8'), locale, base, from);
		if (!result.ok) {
			if ('misuse' in result) {
				console.error(`${basename(file)}: ${result.message}`);
				process.exit(2);
			}
			process.stderr.write(`${basename(file)}: invalid\n${result.message}\n`);
			process.exit(1);
		}
		process.stdout.write(result.json);
		break;
	}
	case 'schema':
		writeFileSync('flows/flow.schema.json', JSON.stringify(flowJsonSchema(), null, '\t') + '\n');
		console.log('wrote flows/flow.schema.json');
		break;
	default:
		usage();
}

/** Removes `name value` from the arguments and returns the value; misuse without a value. */
function option(args: string[], name: string): string | undefined {
	const at = args.indexOf(name);
	if (at < 0) return undefined;
	const value = args[at + 1];
	if (value === undefined || value.startsWith('-')) usage();
	args.splice(at, 2);
	return value;
}

function usage(): never {
	console.error(USAGE);
	process.exit(2);
}
