/**
 * Where a flow's pages are. Every flow the site serves (src/lib/server/flows.ts) has its own
 * questionnaire and counselor page; the default flow keeps the short addresses (/check, /shared),
 * the others live under their id (/check/<id>, /shared/<id>), in every language (/es/check/<id>).
 */
import type { AppLocale } from './i18n/locales';
import { localizedPath } from './i18n/paths';

export const DEFAULT_FLOW = 'opioid-support';

/** A flow id as an address may carry it: lower-case words joined by hyphens. */
export const FLOW_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The path of a flow's questionnaire (`check`), counselor page (`shared`) or a counselor's invite
 * to it (`invite`) in a language.
 */
export function flowPath(
	page: 'check' | 'shared' | 'invite',
	flowId: string,
	locale: AppLocale
): string {
	return localizedPath(flowId === DEFAULT_FLOW ? `/${page}` : `/${page}/${flowId}`, locale);
}
