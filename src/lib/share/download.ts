import { CONFIGURED_SITE_URL } from '../config';
import type { Plan } from '../flow/meetings';
import type { Answers, Flow } from '../flow/schema';
import { toQuestionnaireResponse } from './fhir';

/**
 * Saves text as a file made in the browser (a blob: address on this origin): nothing is uploaded.
 */
export function saveFile(name: string, type: string, text: string) {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Saves the answers (and the meeting plan) as a FHIR R4 QuestionnaireResponse file. It points to
 * the Questionnaire of the language it was answered in, under the site's configured address
 * (PUBLIC_SITE_URL).
 */
export function downloadFhir(flow: Flow, answers: Answers, plan: Plan, locale: string, now: Date) {
	const resource = toQuestionnaireResponse(flow, answers, locale, now, CONFIGURED_SITE_URL, plan);
	saveFile(
		`${flow.id}-response-${now.toISOString().slice(0, 10)}.json`,
		'application/fhir+json',
		JSON.stringify(resource, null, 2)
	);
}
