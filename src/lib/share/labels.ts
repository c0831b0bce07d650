import type { Messages } from '../i18n/locales';
import type { SummaryLabels } from './summary';

/** The summary's headings from the app strings of one language. */
export function summaryLabels(m: Messages, date: Date, locale: string): SummaryLabels {
	return {
		title: m.summaryTitle,
		date: m.summaryDate(date.toLocaleDateString(locale, { dateStyle: 'long' })),
		flags: m.flagsHeading,
		answers: m.answersHeading,
		safety: m.safetyHeading,
		groups: m.groupsHeading,
		bestFit: m.bestFit,
		alternative: m.alternative,
		whyFits: m.whyFits,
		keepInMind: m.keepInMind,
		forLovedOne: m.lovedOneHeading,
		none: m.noneChosen,
		link: m.shareLinkLabel,
		notAdvice: m.notAdvice
	};
}
