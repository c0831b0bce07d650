import { localeEntries } from '$lib/i18n/paths';

/** One prerendered page per language. */
export const entries = localeEntries;

/**
 * A page to read, with links: it runs no app and ships no JavaScript but the inline script every
 * page carries (quick exit, old ?lang= links, offline: src/lib/questionnaire/early.inline.js).
 */
export const csr = false;
