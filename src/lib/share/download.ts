import { CONFIGURED_SITE_URL } from '../config';
import type { Answers, Flow } from '../flow/schema';
import { toQuestionnaireResponse } from './fhir';

/**
 * Saves the answers as a FHIR R4 QuestionnaireResponse file. The file is made in the browser
 * (a blob: address on this origin): nothing is uploaded. It points to the Questionnaire of the
 * language it was answered in, under the site's configured address (PUBLIC_SITE_URL).
 */
export function downloadFhir(flow: Flow, answers: Answers, locale: string, now: Date) {
	const resource = toQuestionnaireResponse(flow, answers, locale, now, CONFIGURED_SITE_URL);
	const blob = new Blob([JSON.stringify(resource, null, 2)], { type: 'application/fhir+json' });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = `${flow.id}-response-${now.toISOString().slice(0, 10)}.json`;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
