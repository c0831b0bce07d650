/**
 * The strings of the meeting plan, the counselor invite and locked links: loaded only by the parts
 * of a page that use them, so the first question does not carry them.
 */
export const sharingEn = {
	planHeading: 'Your two-week plan',
	planIntro: 'Pick up to three meetings to try in the next two weeks.',
	planFormIntro:
		'Type the day and time you mean to go. Nothing is looked up, and the plan stays on this device unless you share it.',
	planAddHeading: 'Add a meeting',
	planGroup: 'Group',
	planMode: 'How you will go',
	modes: { 'in-person': 'In person', online: 'Online', phone: 'By phone' },
	planDate: 'Day',
	planTime: 'Time (if you know it)',
	planNote: 'Note (if you like)',
	planNoteHint: 'For example, who is going with you. Up to 80 characters.',
	planAdd: 'Add to my plan',
	planFull: 'Your plan has three meetings. Remove one to add another.',
	errorsHeading: 'There is a problem',
	planGroupMissing: 'Choose a group.',
	planDateMissing: 'Enter the day you mean to go.',
	planAdded: (name: string) => `${name} was added to your plan.`,
	planRemoved: (name: string) => `${name} was removed from your plan.`,
	planAnyTime: 'time not set',
	planCalendar: 'Add to calendar',
	planCalendarHint: 'Saves a calendar file with a reminder. Open it to add the meeting.',
	planRemove: 'Remove',
	planStatusLegend: (name: string) => `How did it go at ${name}?`,
	statuses: {
		planned: 'Not yet',
		went: 'Went',
		'not-for-me': 'Not for me',
		'didnt-go': "Didn't go"
	},
	planModeField: 'How',
	planTimeField: 'Time',
	planNoteField: 'Note',
	planStatusField: 'How it went',
	planStatusSaved: 'Saved.',
	planReshare:
		'Changed your plan? Make the link again below and send the new one. An old link shows the plan as it was.',
	planDropped: (names: string) =>
		`Your answers changed, so these are no longer in your plan: ${names}.`,
	planCorrupt: 'We could not read your saved plan, so we started a new one.',
	planEventTitle: (name: string) => `${name} meeting`,
	planEventText: 'A meeting from your plan. At many meetings, you can just listen.',
	planCounselorHeading: 'Meeting plan',
	planCounselorNone: 'No meetings planned yet.',

	inviteTitle: 'An invite from your counselor',
	inviteFrom: (name: string) => `${name} invited you to answer a few short questions.`,
	inviteWhat: (name: string) =>
		`When you share your result, the link is locked so that only ${name} can open it, on the device where they made this invite. You do not need a passcode.`,
	inviteStart: 'Start the questions',
	inviteBad:
		'This invite link is damaged or cut short. Ask your counselor to send it again. You can still answer the questions and share your result with a passcode.',
	inviteNoScript:
		'This invite needs JavaScript to read the counselor\u2019s key. You can still answer the questions and share your result with a passcode.',
	inviteCrypto:
		'This browser cannot lock a link to an invite. You can still share your result with a passcode.',
	shareLockedTo: (name: string) =>
		`This link is locked: only ${name} can open it, on the device where they made your invite.`,
	shareLockedWarning:
		'Copy as text and E-mail are not locked: anyone who sees them can read every answer.',
	shareStopInvite: 'Share without the invite',

	receiveHeading: 'Receive results securely',
	receiveIntro:
		'Make an invite for the people you work with. A result shared from it is locked so that only this browser, on this device, can open it. Nothing is sent to a server.',
	receiveName: 'Name they will see',
	receiveNameHint: 'For example "Clinic: Room 4". Up to 40 characters.',
	receiveNameMissing: 'Enter a name of up to 40 characters.',
	receiveKeep: 'Keep the key in this browser, so I can open results later',
	receiveKeepHint:
		'The key stays on this device and never holds anyone\u2019s answers. If you leave this unticked, results can be opened only until you close or reload this page.',
	receiveMake: 'Make my invite',
	receiveUnsupported:
		'This browser cannot make secure invites. Try an up-to-date browser, or ask people to share with a passcode.',
	receiveStoreFailed:
		'This browser would not keep the key (a private window may block it). It is kept only until you close or reload this page.',
	receiveReady: (name: string) => `Your invite: ${name}`,
	receiveKept: (date: string) => `Made on ${date}. The key is kept in this browser.`,
	receiveTemporary:
		'The key is kept only until you close or reload this page. Results can be opened only until then.',
	inviteLinkLabel: 'Invite link',
	copyInvite: 'Copy invite link',
	inviteCopied: 'The invite link was copied.',
	printCard: 'Print invite card',
	cardScan: 'Scan to answer a few short questions. Your result will be locked to your counselor.',
	cardQrLabel: 'QR code of the invite link.',
	forgetKey: 'Forget this key',
	forgetKeyConfirm:
		'Results shared with this invite can then never be opened again, on any device. Forget the key?',
	forgetKeyYes: 'Yes, forget the key',
	cancel: 'Cancel',
	keyForgotten: 'The key is forgotten. Links made with its invite can no longer be opened.',

	sealedPrompt: 'This result is locked to a counselor\u2019s invite.',
	sealedNoKey:
		'This result is locked to a counselor\u2019s invite, and this browser does not hold its key. Open the link in the browser where the invite was made. If that is not you, ask the person to share it again with a passcode.',
	sealedOtherKey:
		'This result is locked to a different invite from the one kept in this browser. Open it where that invite was made, or ask the person to share it again.',
	sealedOpened: (name: string) => `Opened with the key of your invite "${name}".`
} satisfies Record<string, string | Record<string, string> | ((...args: never[]) => string)>;

export type SharingTexts = typeof sharingEn;
