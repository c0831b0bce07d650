import type { SharingTexts } from '$lib/i18n/sharing';

/**
 * The words of the counselor's invite form ("Receive results securely"), which the counselor's
 * page draws before its app runs: the page's data carries them, in the page's language; the rest of
 * the sharing strings load with the app.
 */
export const FORM_TEXTS = [
	'receiveHeading',
	'receiveIntro',
	'receiveName',
	'receiveNameHint',
	'receiveKeep',
	'receiveKeepHint',
	'receiveMake',
	'receiveNameMissing',
	'receiveUnsupported',
	'receiveStoreFailed'
] as const;

export type FormTexts = Pick<SharingTexts, (typeof FORM_TEXTS)[number]>;

export const formTexts = (s: SharingTexts): FormTexts =>
	Object.fromEntries(FORM_TEXTS.map((k) => [k, s[k]])) as FormTexts;
