import type { Flow } from './schema';
import { flowTexts } from './texts';

/** A flow's texts in one language, in `flowTexts` order, tied to the flow and its version. */
export interface TextTable {
	id: string;
	version: number;
	locale: string;
	texts: string[];
}

/** A copy of the flow carrying one language only: what a page ships before the reader picks one. */
export function onlyLocale(flow: Flow, locale: string): Flow {
	const copy = structuredClone(flow);
	for (const [, text] of flowTexts(copy))
		for (const key of Object.keys(text)) if (key !== locale) delete text[key];
	return copy;
}

export function textTable(flow: Flow, locale: string): TextTable {
	const texts = [...flowTexts(flow)].map(([, text]) => text[locale] ?? '');
	return { id: flow.id, version: flow.version, locale, texts };
}

export function hasLocale(flow: Flow, locale: string): boolean {
	return flow.title[locale] !== undefined;
}

/**
 * Adds a language to the flow in place, so every screen holding its texts sees it. Refuses a table
 * for another flow, another version or of the wrong shape, and leaves the flow unchanged then.
 */
export function addLocale(flow: Flow, table: unknown): boolean {
	if (typeof table !== 'object' || table === null) return false;
	const { id, version, locale, texts } = table as Partial<TextTable>;
	const slots = [...flowTexts(flow)];
	if (id !== flow.id || version !== flow.version || typeof locale !== 'string') return false;
	if (!Array.isArray(texts) || texts.length !== slots.length) return false;
	if (!texts.every((t) => typeof t === 'string' && t.length > 0)) return false;
	slots.forEach(([, text], i) => {
		text[locale] = texts[i] as string;
	});
	return true;
}
