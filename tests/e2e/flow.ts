/**
 * The shipped flow's texts, read from the file itself, so the browser tests check the words a
 * person sees against the source rather than copies of them.
 */
import { readFileSync } from 'node:fs';

export type Locale = 'en' | 'es';
type Text = Record<Locale, string>;

export type FlowText = {
	id: string;
	version: number;
	answersSince?: number;
	title: Text;
	questions: {
		id: string;
		kind: 'single' | 'multi';
		prompt: Text;
		options: { id: string; label: Text; exclusive?: boolean }[];
	}[];
	dangers: { id: string; level: 'emergency' | 'urgent'; when: unknown; title: Text }[];
	safety: { id: string; title: Text; opening?: boolean }[];
	styles: { id: string; name: Text; stance?: 'welcomes' | 'ask' | 'may-limit' }[];
	complements: { id: string; title: Text }[];
	checklists: { id: string; title: Text }[];
};

export const FLOW = JSON.parse(readFileSync('flows/opioid-support.json', 'utf8')) as FlowText;

export function question(id: string) {
	const found = FLOW.questions.find((q) => q.id === id);
	if (!found) throw new Error(`no question ${id} in the flow`);
	return found;
}

export function prompt(id: string, locale: Locale = 'en') {
	return question(id).prompt[locale];
}

export function labelOf(questionId: string, optionId: string, locale: Locale = 'en') {
	const option = question(questionId).options.find((o) => o.id === optionId);
	if (!option) throw new Error(`no option ${optionId} in ${questionId}`);
	return option.label[locale];
}

export function danger(id: string) {
	const found = FLOW.dangers.find((d) => d.id === id);
	if (!found) throw new Error(`no danger rule ${id} in the flow`);
	return found;
}

/** Whether a danger rule's condition reads this question (its answer can set the rule off). */
export function dangerReads(id: string, questionId: string) {
	return JSON.stringify(danger(id).when).includes(`"question":${JSON.stringify(questionId)}`);
}

export function safetyTitle(id: string, locale: Locale = 'en') {
	const found = FLOW.safety.find((b) => b.id === id);
	if (!found) throw new Error(`no safety block ${id} in the flow`);
	return found.title[locale];
}

/** The hash of a share link for this flow version: `#1.<flow id>.<version>.` */
export const LINK_HEADER = `1.${FLOW.id}.${FLOW.version}.`;
