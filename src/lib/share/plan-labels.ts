/**
 * The words a meeting plan needs outside the screen that makes it (the text summary, the FHIR
 * export), in each language of the app, taken from the app's sharing strings.
 */
import type { MeetingMode, MeetingStatus } from '../flow/meetings';
import type { AppLocale } from '../i18n/locales';
import type { SharingTexts } from '../i18n/sharing';
import { meetingDay, meetingTime } from '../result/meeting-text';
import { sharingEn } from '../i18n/sharing/en';
import { sharingEs } from '../i18n/sharing/es';

export interface PlanLabels {
	/** The language the labels are in, for writing days and times ("es": martes, 10 de marzo). */
	locale: string;
	/** The plan's heading. */
	heading: string;
	/** What each field of a meeting is called (the FHIR item texts). */
	program: string;
	mode: string;
	date: string;
	time: string;
	note: string;
	status: string;
	/** Said in place of a time when the person gave none. */
	noTime: string;
	modes: Record<MeetingMode, string>;
	statuses: Record<MeetingStatus, string>;
}

/** A plan's words from the app's sharing strings of a language: one place for each word. */
function fromTexts(t: SharingTexts, locale: string): PlanLabels {
	return {
		locale,
		heading: t.planCounselorHeading,
		program: t.planGroup,
		mode: t.planModeField,
		date: t.planDate,
		time: t.planTimeField,
		note: t.planNoteField,
		status: t.planStatusField,
		noTime: t.planAnyTime,
		modes: t.modes,
		statuses: t.statuses
	};
}

export const PLAN_LABELS = {
	en: fromTexts(sharingEn, 'en'),
	es: fromTexts(sharingEs, 'es')
} satisfies Record<AppLocale, PlanLabels>;

/** The labels of a language, English for one the plan has no words in yet. */
export function planLabels(locale: string): PlanLabels {
	return locale === 'es' ? PLAN_LABELS.es : PLAN_LABELS.en;
}

/** A plan's day in words of the labels' language, with its year: "Tuesday, March 10, 2026". */
export function dayText(date: string, labels: PlanLabels): string {
	return meetingDay(date, labels.locale, true);
}

/** A plan's time as the labels' language writes it ("7:00 PM", "19:00"), or `noTime` for ''. */
export function timeText(time: string, labels: PlanLabels): string {
	return meetingTime(time, labels.locale, labels.noTime);
}
