/**
 * Plain language, measured: the Flesch-Kincaid grade of every English string a person reads —
 * the flow's questions, options, advice and group texts, and the app's own screens.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlowText } from '../src/lib/flow/integrity';
import { flowTexts } from '../src/lib/flow/texts';
import { en } from '../src/lib/i18n/en';
import { pagesEn } from '../src/lib/i18n/pages/en';

/** Syllables by vowel groups, with the usual corrections for silent and split vowels. */
export function syllables(word: string): number {
	const w = word.toLowerCase().replace(/[^a-z]/g, '');
	if (w.length === 0) return 0;
	if (w.length <= 3) return 1;
	const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
	const groups = trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 0;
	return Math.max(1, groups);
}

/** Flesch-Kincaid grade level of a body of text. */
export function gradeLevel(texts: string[]): number {
	let sentences = 0;
	let words = 0;
	let syllableCount = 0;
	for (const text of texts) {
		// Numbers, phone numbers and web addresses are read as one word each.
		const clean = text.replace(/https?:\/\/\S+/g, 'link').replace(/[0-9][0-9-]*/g, 'one');
		sentences += Math.max(1, (clean.match(/[.!?]+(\s|$)/g) ?? []).length);
		const list = clean.split(/\s+/).filter((w) => /[a-z]/i.test(w));
		words += list.length;
		syllableCount += list.reduce((sum, w) => sum + syllables(w), 0);
	}
	return 0.39 * (words / sentences) + 11.8 * (syllableCount / words) - 15.59;
}

function appStrings(): string[] {
	// Templates are read with sample values: a number for counts, a short phrase for names.
	const sample = (fn: (...args: never[]) => string) =>
		(fn as (...args: unknown[]) => string)(...Array.from({ length: fn.length }, () => 3));
	return Object.values({ ...en, ...pagesEn }).flatMap((v): string[] =>
		typeof v === 'string'
			? [v]
			: Array.isArray(v)
				? [...v]
				: typeof v === 'function'
					? [sample(v)]
					: Object.values(v)
	);
}

describe('readability', () => {
	it('counts syllables well enough to trust the grade', () => {
		expect([syllables('group'), syllables('meeting'), syllables('medication')]).toEqual([1, 2, 4]);
		expect(gradeLevel(['The cat sat on the mat.'])).toBeLessThan(2);
		expect(
			gradeLevel([
				'Pharmacological interventions necessitate comprehensive multidisciplinary evaluation.'
			])
		).toBeGreaterThan(12);
	});

	it('keeps every English string of the flow and the app at reading grade 8 or lower', () => {
		const parsed = parseFlowText(readFileSync('flows/opioid-support.json', 'utf8'));
		if (!parsed.ok) throw new Error(parsed.message);
		const flow = [...flowTexts(parsed.flow)].map(([, text]) => text.en ?? '');
		const app = appStrings();
		const grades = {
			flow: gradeLevel(flow),
			app: gradeLevel(app),
			all: gradeLevel([...flow, ...app])
		};
		console.log(
			`readability (Flesch-Kincaid grade): flow ${grades.flow.toFixed(1)} over ${flow.length} strings, ` +
				`app ${grades.app.toFixed(1)} over ${app.length} strings, all ${grades.all.toFixed(1)}`
		);
		expect(grades.flow).toBeLessThanOrEqual(8);
		expect(grades.app).toBeLessThanOrEqual(8);
	});

	it('keeps each piece of advice, each group and each list of reasons at grade 8 or lower', () => {
		const parsed = parseFlowText(readFileSync('flows/opioid-support.json', 'utf8'));
		if (!parsed.ok) throw new Error(parsed.message);
		// A piece is what a person reads together: a block of advice, a group card, a question.
		const pieces = new Map<string, string[]>();
		const add = (key: string, text: string) => pieces.set(key, [...(pieces.get(key) ?? []), text]);
		const { styles, firstMeeting } = parsed.flow;
		for (const [path, text] of flowTexts(parsed.flow)) {
			// A first-meeting point is read on the card of each style it is for.
			const point = path[0] === 'firstMeeting' ? firstMeeting[path[1] as number] : undefined;
			if (point) {
				styles.forEach((s, i) => {
					if (!point.styles || point.styles.includes(s.id)) add(`styles.${i}`, text.en ?? '');
				});
				continue;
			}
			const key = [
				'safety',
				'complements',
				'checklists',
				'styles',
				'questions',
				'dangers'
			].includes(String(path[0]))
				? path.slice(0, 2).join('.')
				: String(path[0]);
			add(key, text.en ?? '');
		}
		const over = [...pieces]
			.map(([key, texts]) => ({ key, grade: Math.round(gradeLevel(texts) * 10) / 10 }))
			.filter((p) => p.grade > 8);
		expect(over).toEqual([]);
	});
});
