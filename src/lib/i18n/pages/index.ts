import type { AppLocale } from '../locales';
import type { PageTexts } from './en';

export type { PageTexts };

/** The long page texts of a language, loaded by the pages that show them. */
export const loadPageTexts: Record<AppLocale, () => Promise<PageTexts>> = {
	en: async () => (await import('./en')).pagesEn,
	es: async () => (await import('./es')).pagesEs
};
