import { localeEntries } from '$lib/i18n/paths';

/** One prerendered page per language. */
export const entries = localeEntries;
