import type { AppLocale } from '../locales';
import type { SharingTexts } from './en';

export type { SharingTexts };

/** The plan's and the invite's strings in a language, loaded by the parts that show them. */
export const loadSharingTexts: Record<AppLocale, () => Promise<SharingTexts>> = {
	en: async () => (await import('./en')).sharingEn,
	es: async () => (await import('./es')).sharingEs
};
