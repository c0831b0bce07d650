/**
 * Every English string of the app's own screens. Flow content (questions, groups, advice) lives in
 * the flow file; this holds the frame around it. es.ts must have exactly the same keys.
 */
export const en = {
	appName: 'Support Group Guide',
	skipToContent: 'Skip to main content',
	mainNav: 'Main',
	getHelpNow: 'Get help now',
	quickExit: 'Quick exit',
	quickExitHint: 'Leave this site now. Or press Esc twice.',
	footerNote: 'Guidance, not medical advice. In an emergency, call 911.',
	navAbout: 'How it works',
	navPrivacy: 'Privacy',
	navHelp: 'Help lines',

	welcomeTitle: 'Find a support group that fits you',
	welcomeIntro:
		'Answer a few short questions about opioids and what you like in a group. We suggest group styles that may fit, and show you how to find a first meeting.',
	welcomeLovedOne: 'You can also answer for someone you care about.',
	welcomeTime: 'It takes about 2 minutes.',
	welcomePrivate:
		'Your answers stay on this device. Nothing is sent anywhere unless you choose to share it.',
	welcomeNotAdvice:
		'This is guidance, not medical advice. It does not replace a doctor or counselor.',
	start: 'Start',
	resume: 'Your earlier answers are kept: Start picks up where you left off.',
	emergencyBanner: 'If someone may be overdosing or cannot be woken up, call 911 now.',
	call: 'Call',
	text: 'Text',
	noScript:
		'This questionnaire needs JavaScript. The help lines work without it: open "Get help now" at the top of the page.',

	questionProgress: (n: number, total: number) => `Question ${n} of about ${total}`,
	whyWeAsk: 'Why we ask',
	continue: 'Continue',
	errorSummary: 'There is a problem',
	passcodeUnprotected:
		'The passcode protects only the link. "Copy as text" and "E-mail" share all your answers without it.',
	forgetConfirm: 'Forget all your answers?',
	forgetYes: 'Yes, forget',
	forgetKeep: 'Keep them',
	back: 'Back',
	chooseOne: 'Choose one answer to continue.',
	chooseAtLeastOne: 'Tick at least one answer to continue.',

	emergencyHeading: 'Get help now',
	emergencyUrgentHeading: 'Please get medical help today',
	emergencyIntro: 'Your answer shows there may be danger. Please act on this first.',
	emergencyLines: 'Help lines',
	emergencyContinue: 'I am safe, continue',
	emergencyContinueNote:
		'You can come back to this page from "Get help now" at the top of every screen.',

	reviewHeading: 'Check your answers',
	reviewIntro: 'You can change any answer before you see your result.',
	change: 'Change',
	changeAnswer: (question: string) => `Change: ${question}`,
	noneChosen: 'None',
	seeResult: 'See my result',
	forget: 'Forget my answers',
	forgetDone: 'Your answers were deleted from this device.',

	resultHeading: 'Your result',
	resultIntro: 'Based on your answers. You can try any group, and change your mind later.',
	resultNavLabel: 'On this page',
	resultNavFirst: 'What to do first',
	resultNavGroups: 'Groups',
	resultNavShare: 'Share',
	moreSafetyHeading: 'More safety advice',
	readMore: 'Read more',
	aboutGroup: 'More about this group',
	safetyHeading: 'First, your safety',
	dangerReminder: 'You told us about danger signs. Please get help first.',
	groupsHeading: 'Group styles that may fit',
	groupsForPerson: 'Group styles that may fit the person you care about',
	bestFit: 'Best fit',
	equalFit: 'One of the best fits',
	equalFits:
		'Your answers fit these groups equally well, so we show them side by side. Any of them is a good start.',
	equalFitsPerson:
		'Your answers fit these groups equally well for the person, so we show them side by side. The person can choose.',
	alternative: 'Also worth a look',
	moreStyles: 'Other styles that fit just as well as each other:',
	whyAndMore: 'Why it may fit, and more',
	whyFits: 'Why this may fit',
	keepInMind: 'Good to know',
	firstMeeting: 'Your first meeting',
	medicationStance: 'Medication for opioid use disorder',
	stance: {
		welcomes: 'Welcomes people on medication',
		ask: 'Ask the group about medication',
		'may-limit': 'May limit people on medication'
	},
	programs: 'Groups to try',
	noLinkYet: 'We could not confirm an official website. Ask at a local treatment center.',
	lovedOneHeading: 'Support for you',
	lovedOneIntro:
		'Caring for someone who uses opioids is hard. These groups are for family and friends.',
	complementsHeading: 'Help that works alongside groups',
	tryAndChange: 'You can try a group and switch. Many people try a few before one feels right.',
	notAdvice:
		'This is guidance, not medical advice. Talk with a doctor or counselor about your choices.',
	shareHeading: 'Share with your counselor',
	shareConsent:
		'Nothing leaves this device unless you share it. Your counselor will see your answers, the safety notes and this result.',
	shareMore: 'Other ways to share',
	shareLinkNote:
		'The answers are in the part of the link after "#". Browsers never send that part to any server.',
	protect: 'Protect the link with a passcode',
	passcodeLabel: 'Passcode (tell it to your counselor in person, not with the link)',
	passcodeMake: 'Make the protected link',
	passcodeTooShort: 'Use a passcode of at least 5 characters.',
	passcodeReady: 'The protected link is ready.',
	shareLinkLabel: 'Link to your answers',
	copyLink: 'Copy link',
	copied: 'The link was copied.',
	copiedText: 'The summary was copied.',
	copyFailed: 'Copying did not work. Select the text and copy it yourself.',
	showQr: 'Show QR code',
	hideQr: 'Hide QR code',
	qrLabel: 'QR code of the link. Your counselor can scan it from your screen.',
	print: 'Print or save as PDF',
	copyText: 'Copy as text',
	email: 'E-mail',
	emailSubject: 'My support group result',
	downloadFhir: 'Download for health records (FHIR)',
	summaryTitle: 'Support Group Guide: result',
	summaryDate: (date: string) => `Date: ${date}`,
	flagsHeading: 'Safety flags',
	noFlags: 'No danger signs were reported.',
	flagsNotAsked: 'Danger signs were not asked about.',
	checklistsHeading: 'Questions to take along',
	answersHeading: 'Answers',
	yourAnswers: 'Your answers',
	sharedTitle: 'Shared result',
	sharedIntro:
		'Someone shared these answers with you. This page worked them out on this device: nothing was sent to a server.',
	sharedEmpty: 'This page shows a result that someone shared with you. Open the link they sent.',
	sharedOpening: 'Opening the link…',
	sharedLoadFailed:
		'We could not load what this page needs to show the result. Check your connection, then try again.',
	sharedDamaged: 'This link is damaged or cut short. Ask for the link again.',
	sharedOlder: (version: number) =>
		`This link comes from an older version of the questions (version ${version}). It cannot be shown the same way. Please answer the questions again together.`,
	sharedNewer: (version: number) =>
		`This link comes from a newer version of the questions (version ${version}). Reload this page to get the newest version.`,
	sharedOtherFlow: 'This link belongs to a different questionnaire. Ask for the link again.',
	sharedIncomplete: 'This link does not hold a full set of answers. Ask for the link again.',
	passcodePrompt: 'This result is protected. Enter the passcode you were told.',
	passcodeInput: 'Passcode',
	unlock: 'Open',
	wrongPasscode: 'That passcode did not open the result. Check it and try again.',
	recommendationHeading: 'Recommendation',
	startOver: 'Start over',

	laterFailed:
		'We could not load the rest of the questionnaire. Your answers are kept. Check your connection, then try again.',
	tryAgain: 'Try again',
	restoreFailed:
		'We could not restore your earlier answers, so we started fresh. Nothing else was affected.',
	unknownLocale: (code: string) => `The language "${code}" is not available, so we show English.`,
	dismiss: 'Dismiss',

	helpTitle: 'Help lines',
	helpIntro: 'Free help, any time of day or night. In an emergency, call 911.',
	overdoseHeading: 'Signs of an opioid overdose',

	aboutTitle: 'How it works',

	privacyTitle: 'Privacy'
} satisfies Record<
	string,
	string | readonly string[] | Record<string, string> | ((...args: never[]) => string)
>;
