/**
 * The long texts of the help, "How it works" and privacy pages: loaded by those pages only, so
 * the strings every page carries stay short.
 */
export const pagesEn = {
	overdoseSigns: [
		'Very small, "pinpoint" pupils',
		'Falling asleep or passing out',
		'Slow, shallow breathing',
		'Choking or gurgling sounds',
		'A limp body',
		'Pale, blue or cold skin'
	],
	overdoseSteps: [
		'If in doubt, treat it as an overdose. Call 911.',
		'Give naloxone (Narcan) if you have it. Call 911 even after you give it.',
		'Do not leave the person alone.'
	],
	aboutParagraphs: [
		'You answer up to 12 short questions. Some questions only show up when they matter to you.',
		'Each answer adds or takes away points for each group style. For example, if you prefer no spiritual language, secular groups get points and 12-step groups lose some. The styles with the most points come first. The result shows the reasons, taken from your own answers.',
		'The same answers always give the same result, in English or Spanish.',
		'Every result starts with safety advice. Stopping opioids is safest with medical help. Some answers, such as danger signs, show emergency help right away.',
		'Support groups can help many people. They work best alongside treatment, medication and counseling, not instead of them.'
	],
	aboutSourcesHeading: 'Where the facts come from',
	aboutSources: [
		'Medication and treatment: SAMHSA (the US Substance Abuse and Mental Health Services Administration), NIDA, and the BC Centre on Substance Use.',
		'Safety with alcohol and benzodiazepines: the US Food and Drug Administration (FDA).',
		'Overdose signs and naloxone: the CDC and the FDA.',
		'Groups: each group’s own website and published material, checked where we could. Where we could not confirm a group’s view, we say "ask the group".'
	],
	aboutOpenSource:
		'This app is open source. The questions and scoring are plain data anyone can read.',
	privacyParagraphs: [
		'This site has no accounts, no cookies, no ads and no tracking. It sends your answers nowhere.',
		'While you answer, your answers are kept in this browser tab’s session storage, so a reload does not lose them. They are deleted when you close the tab, press "Forget my answers", or use Quick exit.',
		'The language you read in is part of the page address, such as /es/ for Spanish. It is not stored.',
		'After your first visit, the site’s own files are saved by your browser so it works without a connection. These files hold no answers.',
		'When you share with a counselor, you choose how. Nothing is shared unless you do it.'
	],
	privacyLimitsHeading: 'What this site cannot protect',
	privacyLimits: [
		'Your browser history may still show that you visited this site. Use a private window if you are worried.',
		'Quick exit hides this page from someone looking over your shoulder. It cannot undo history or beat a monitored device.',
		'If someone may be watching your phone or computer, use a device you trust, such as a library computer.'
	],
	notFoundTitle: 'Page not found',
	notFoundText:
		'There is no page at this address. It may have moved, or the link may be cut short. Your answers are not affected.',
	notFoundHome: 'Go to the start page',
	notFoundHelp: 'Help lines: free, day and night'
};

export type PageTexts = typeof pagesEn;
