import { resolve } from '$app/paths';
import type { ResultPart } from '../flow/split';

/**
 * The result part of a flow in a language: a prerendered file of the site (cached by the service
 * worker for offline use), fetched when the questions are done.
 */
export async function loadResultPart(flowId: string, locale: string): Promise<ResultPart> {
	const response = await fetch(resolve('/flows/[id]/[locale].json', { id: flowId, locale }));
	if (!response.ok) throw new Error(`The result part of ${flowId} (${locale}): ${response.status}`);
	return (await response.json()) as ResultPart;
}
