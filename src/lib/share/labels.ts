import type { Messages } from '../i18n/locales';
import { planLabels } from './plan-labels';
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
		equalFit: m.equalFit,
		alternative: m.alternative,
		moreStyles: m.moreStyles,
		stance: m.stance,
		checklists: m.checklistsHeading,
		flagsNone: m.noFlags,
		flagsNotAsked: m.flagsNotAsked,
		whyFits: m.whyFits,
		keepInMind: m.keepInMind,
		forLovedOne: m.lovedOneHeading,
		none: m.noneChosen,
		link: m.shareLinkLabel,
		notAdvice: m.notAdvice,
		plan: planLabels(locale)
	};
}
