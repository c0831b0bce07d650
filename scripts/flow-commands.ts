import { basename } from 'node:path';
import { toMermaid } from '../src/lib/flow/graph.ts';
import { parseFlowText } from '../src/lib/flow/integrity.ts';
import { siteUrl, toQuestionnaire } from '../src/lib/share/fhir.ts';

/** Checks flow files; the output has one summary line per valid file and every problem otherwise. */
export function checkFiles(files: string[], read: (file: string) => string) {
	let ok = true;
	let output = '';
	for (const file of files) {
		let text: string;
		try {
			text = read(file);
		} catch (error) {
			ok = false;
			output += `${file}: cannot read: ${(error as Error).message}\n`;
			continue;
		}
		const result = parseFlowText(text);
		if (result.ok) {
			const f = result.flow;
			output +=
				`${basename(file)}: ok: "${f.id}" v${f.version}, ${f.questions.length} questions, ` +
				`${f.styles.length} styles, ${f.weights.length} weights, ${f.dangers.length} danger rules, ` +
				`locales ${f.locales.join('+')}\n`;
		} else {
			ok = false;
			output += `${file}: invalid\n${result.message}\n`;
		}
	}
	return { ok, output };
}

export function graphOf(text: string) {
	const result = parseFlowText(text);
	return result.ok ? { ok: true as const, diagram: toMermaid(result.flow) } : result;
}

/**
 * The flow as a FHIR R4 Questionnaire, pretty-printed with tabs. `locale` defaults to the flow's
 * first locale, `base` (the site's https address) to `DEFAULT_SITE_URL`; `baseFrom` names where it
 * came from in a message. An unknown locale or a base that is not https fails with `misuse` set
 * (a wrong argument, not a broken flow).
 */
export function fhirOf(text: string, locale?: string, base?: string, baseFrom = '--base') {
	let root: string;
	try {
		root = siteUrl(base, baseFrom);
	} catch (error) {
		return { ok: false as const, misuse: true as const, message: (error as Error).message };
	}
	const result = parseFlowText(text);
	if (!result.ok) return result;
	const { flow } = result;
	const chosen = locale ?? (flow.locales[0] as string);
	if (!flow.locales.includes(chosen))
		return {
			ok: false as const,
			misuse: true as const,
			locales: flow.locales,
			message: `unknown locale "${chosen}": this flow has ${flow.locales.join(', ')}`
		};
	try {
		return {
			ok: true as const,
			json: JSON.stringify(toQuestionnaire(flow, chosen, root), null, '\t') + '\n'
		};
	} catch (error) {
		return { ok: false as const, message: `✖ ${(error as Error).message}` };
	}
}
