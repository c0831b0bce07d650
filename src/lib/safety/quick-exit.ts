/**
 * Quick exit, after GOV.UK's "Exit this page": where it goes. The header's link leads there (it
 * works without script), and the inline script every page carries leaves by it, with the app or
 * without (src/lib/questionnaire/early.inline.js): it wipes what this tab holds, blanks the page,
 * and replaces this history entry with the neutral site, so Back does not land on the answers.
 */
export const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';
