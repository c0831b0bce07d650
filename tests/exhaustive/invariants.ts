/**
 * The safety invariants of the shipped flow, as meaning and not only form. Each part of the result
 * (safety advice, danger rules, groups) is checked over every reachable combination of the
 * questions it reads (src/lib/flow/factor.ts): that covers every reachable answer set, because no
 * other answer can change that part (factor.test.ts proves the factoring sound).
 */
import { chose, isValidAnswer } from '../../src/lib/flow/answers.ts';
import { evaluate, referencedOptions } from '../../src/lib/flow/conditions.ts';
import { forEachProjection, partReads, type PartName } from '../../src/lib/flow/factor.ts';
import { activeDangers, prune } from '../../src/lib/flow/navigation.ts';
import { recommend, type RankedStyle, type Recommendation } from '../../src/lib/flow/recommend.ts';
import type { Advice, Answers, Flow, Text } from '../../src/lib/flow/schema.ts';

export interface ShardResult {
	part: PartName;
	/** Combinations this shard checked. */
	checked: number;
	/** The number of full answer sets those combinations stand for. */
	represents: number;
	failures: string[];
	/** Options without an effect, by "question=option", with how often. */
	noEffect: Record<string, number>;
	/** Named facts counted over the full answer sets (for the printed figures). */
	counts: Record<string, number>;
}

const MAX_FAILURES = 20;

/** Questions on the loved-one path that are about the asker's own group, never the person's. */
export const ASKER_QUESTIONS = new Set([
	'who',
	'loved-one-help',
	'family-spiritual',
	'family-format'
]);
const PREGNANT = (a: Answers) =>
	['yes', 'maybe'].includes(a.pregnant as string) ||
	['yes', 'maybe'].includes(a['person-pregnant'] as string);

const texts = (blocks: Advice[], locale: string) =>
	blocks.flatMap((b) => [b.title, ...b.body]).map((t: Text) => t[locale] ?? '');

/** Sentences that call detox or withdrawal the safest way, in either language. */
const SAFEST_DETOX = [
	/\b(detox|withdrawal)\b[^.]*\bsafest\b|\bsafest\b[^.]*\b(detox|withdrawal)\b/i,
	/\b(desintoxicaci[oó]n|abstinencia)\b[^.]*m[aá]s segur|m[aá]s segur[^.]*\b(desintoxicaci[oó]n|abstinencia)\b/i
];

function safetyProblems(flow: Flow, answers: Answers, rec: Recommendation): string[] {
	const problems: string[] = [];
	const opening = rec.safety[0];
	if (!opening?.opening) problems.push('does not open with an opening block');
	if (rec.safety.filter((b) => b.opening).length !== 1) problems.push('not exactly one opening');
	const status = answers['detox-status'] as string;
	const all = [...rec.safety, ...rec.complements];
	if (
		!rec.safety.some((b) =>
			b.showIf
				? referencedOptions(b.showIf).some(
						(r) => r.question === 'detox-status' && r.option === status
					)
				: false
		)
	)
		problems.push(`no advice tailored to detox status ${status}`);
	if (opening) {
		const [titleEn, firstEn] = [opening.title.en ?? '', opening.body[0]?.en ?? ''];
		const [titleEs, firstEs] = [opening.title.es ?? '', opening.body[0]?.es ?? ''];
		if (status === 'on-moud') {
			if (
				!/\bkeep taking\b/i.test(`${titleEn} ${firstEn}`) ||
				!/\b(sigue|seguir) tomando\b/i.test(`${titleEs} ${firstEs}`)
			)
				problems.push('the opening does not say "keep taking it" to someone on medication');
			if (
				/\bstop(ping)? opioids\b/i.test(`${titleEn} ${firstEn}`) ||
				/\bdeja(r)? (los )?opioides\b/i.test(`${titleEs} ${firstEs}`)
			)
				problems.push('the opening tells someone on medication to stop opioids');
		}
		if (status === 'not-ready' && /\bstop\b/i.test(titleEn))
			problems.push('the opening title tells someone not ready to stop');
	}
	if (PREGNANT(answers)) {
		for (const locale of ['en', 'es'])
			for (const sentence of texts(all, locale))
				if (SAFEST_DETOX.some((r) => r.test(sentence)))
					problems.push(`calls detox the safest way to a pregnant person: "${sentence}"`);
		if (
			!texts(rec.safety.slice(0, 2), 'en').some((s) =>
				/\b(do not|don't) stop\b[^.]*\b(suddenly|on your own)\b/i.test(s)
			)
		)
			problems.push('a pregnant person is not told, first, not to stop suddenly');
	}
	if (answers['moud-medication'] === 'naltrexone') {
		for (const s of texts(all, 'en'))
			if (
				/\bstop\w*\b[^.]*\b(bring back|cause|causes) withdrawal\b/i.test(s) &&
				!/does not cause withdrawal/i.test(s)
			)
				problems.push(`tells someone on naltrexone that stopping causes withdrawal: "${s}"`);
		if (!texts([opening as Advice], 'en').some((s) => /\boverdose\b/i.test(s)))
			problems.push('no overdose warning in the opening for naltrexone');
	}
	if (
		answers.substance !== 'painkillers' &&
		!rec.safety.some((b) => /fentanyl/i.test(b.title.en ?? ''))
	)
		problems.push(`no fentanyl warning for substance ${String(answers.substance)}`);
	if (
		answers.substance === 'street-moud' &&
		!texts(all, 'en').some((s) => /prescribe buprenorphine/i.test(s))
	)
		problems.push('buying buprenorphine on the street: no word that a clinician can prescribe it');
	if (
		['finished-detox', 'stopped-alone'].includes(status) &&
		!texts(rec.safety, 'en').some((s) => /tolerance/i.test(s))
	)
		problems.push(`no lost-tolerance warning for ${status}`);
	if (answers.who === 'loved-one' && !rec.complements.some((b) => b.id === 'craft'))
		problems.push('a loved one is not told about CRAFT');
	return problems;
}

function dangerProblems(flow: Flow, answers: Answers, rec: Recommendation): string[] {
	const problems: string[] = [];
	if (answers['danger-signs'] === undefined)
		problems.push(`the danger question is not asked (status ${String(answers['detox-status'])})`);
	for (const d of activeDangers(flow, answers))
		if (!rec.dangers.includes(d)) problems.push(`danger ${d.id} missing from the result`);
	const levels = rec.dangers.map((d) => (d.level === 'emergency' ? 0 : 1));
	if (levels.some((l, i) => i > 0 && l < (levels[i - 1] as number)))
		problems.push('dangers are not most urgent first');
	const signs = answers['danger-signs'];
	for (const sign of Array.isArray(signs) ? signs : []) {
		const option = flow.questions
			.find((q) => q.id === 'danger-signs')
			?.options.find((o) => o.id === sign);
		if (option?.exclusive) continue;
		if (
			!rec.dangers.some((d) =>
				referencedOptions(d.when).some((r) => r.question === 'danger-signs' && r.option === sign)
			)
		)
			problems.push(`danger sign ${sign} sets off no rule`);
	}
	return problems;
}

const STANCE = { welcomes: 2, ask: 1, 'may-limit': 0 } as const;
const penalty = (r: RankedStyle) => r.cautions.reduce((s, w) => s - w.points, 0);
/** The ranking as text, independent of the order the list happens to be in. */
const ranks = (list: RankedStyle[]) =>
	list
		.map((r) => `${r.style.id}:${r.rank}`)
		.sort()
		.join();

function groupProblems(
	flow: Flow,
	reversed: Flow,
	answers: Answers,
	rec: Recommendation
): string[] {
	const problems: string[] = [];
	if (rec.styles.length === 0) problems.push('recommends no group style');
	if (rec.styles[0]?.rank !== 1) problems.push('no best fit');
	if (answers.who === 'loved-one' && rec.lovedOne.length === 0)
		problems.push('a loved one gets no group for themselves');
	if (answers.who !== 'loved-one' && rec.lovedOne.length > 0)
		problems.push('family groups offered to someone asking for themselves');
	const medication = flow.medication ? evaluate(flow.medication.when, answers) : false;
	for (const list of [rec.styles, rec.lovedOne]) {
		for (const r of list) {
			for (const cited of [...r.reasons, ...r.cautions, ...r.notes])
				if (!chose(answers, cited.question, cited.option))
					problems.push(`${r.style.id} cites ${cited.question}=${cited.option}, not given`);
		}
		list.forEach((r, i) => {
			const before = list[i - 1];
			if (!before) return;
			const same =
				before.score === r.score &&
				(!medication || STANCE[before.style.stance ?? 'ask'] === STANCE[r.style.stance ?? 'ask']) &&
				penalty(before) === penalty(r);
			if (same !== (before.rank === r.rank))
				problems.push(`${before.style.id} and ${r.style.id}: ranks do not follow the answers`);
		});
	}
	// The order of the styles in the file decides nothing: the reversed file ranks the same.
	const other = recommend(reversed, answers);
	if (ranks([...other.styles, ...other.moreStyles]) !== ranks([...rec.styles, ...rec.moreStyles]))
		problems.push('the file order of the styles changes the ranking');
	if (ranks(other.lovedOne) !== ranks(rec.lovedOne))
		problems.push('the file order of the styles changes the family ranking');
	if (medication) {
		for (const r of rec.styles)
			if (r.rank === 1 && r.style.stance !== 'welcomes' && !r.medicationCaution)
				problems.push(
					`best fit ${r.style.id} neither welcomes medication nor leads with the caution`
				);
		for (const a of rec.styles)
			for (const b of rec.styles)
				if (
					a.score === b.score &&
					a.style.stance === 'may-limit' &&
					b.style.stance === 'welcomes' &&
					a.rank < b.rank
				)
					problems.push(`${a.style.id} (may limit) ranks above ${b.style.id} (welcomes) on a tie`);
	}
	for (const r of [...rec.styles, ...rec.moreStyles])
		if (r.rank > 1 && r.score < 0) problems.push(`alternative ${r.style.id} has a negative score`);
	// Every card says what a first meeting is like; one that cautions about medication also gives
	// the question to ask about it.
	for (const r of [...rec.styles, ...rec.lovedOne]) {
		if (r.firstMeeting.length === 0) problems.push(`${r.style.id} has no first-meeting points`);
		if (r.medicationCaution && !r.firstMeeting.some((p) => p.medication))
			problems.push(`${r.style.id} cautions about medication without the question to ask`);
	}
	// Styles named beyond the cards: one whole rank that did not fit, after every card.
	if (rec.moreStyles.length > 0) {
		const rank = rec.moreStyles[0]?.rank;
		if (rec.moreStyles.some((r) => r.rank !== rank))
			problems.push('the styles named beyond the cards are not of one rank');
		if (rec.styles.some((r) => (r.rank as number) >= (rank as number)))
			problems.push('a style named beyond the cards is as good as a card');
		if (rec.styles.length + rec.moreStyles.length <= 3 || rec.styles.length >= 3)
			problems.push('styles named beyond the cards would have fitted, or the cards were full');
		if (rec.moreStyles.length < 2) problems.push('a single style named beyond the cards');
	}
	if (answers.who === 'loved-one') {
		for (const r of rec.styles)
			for (const cited of [...r.reasons, ...r.cautions])
				if (ASKER_QUESTIONS.has(cited.question))
					problems.push(
						`${r.style.id} (for the person) cites the asker's own answer ${cited.question}`
					);
		if (rec.styles.some((r) => r.style.id === 'women'))
			problems.push('women-only applied to the person on the loved-one path');
	}
	const prefs = answers['group-prefs'];
	for (const option of Array.isArray(prefs) ? prefs : [])
		for (const r of rec.styles.filter((s) => s.rank === 1))
			if (
				![...r.reasons, ...r.notes].some((c) => c.question === 'group-prefs' && c.option === option)
			)
				problems.push(`best fit ${r.style.id} says nothing about the wish ${option}`);
	return problems;
}

type Part = {
	problems: (answers: Answers, rec: Recommendation) => string[];
	/** What a person sees of this part: changes to it are the answer's effect. */
	signature: (rec: Recommendation) => string;
	/** The option is named by something this part shows. */
	cites: (rec: Recommendation, question: string, option: string) => boolean;
};

const cardKey = (r: RankedStyle) =>
	[
		r.style.id,
		r.rank,
		r.medicationCaution,
		...[...r.reasons, ...r.cautions, ...r.notes].map((c) => `${c.question}=${c.option}`),
		...r.firstMeeting.map((p) => p.id)
	].join(',');
const blockCites = (blocks: Advice[], question: string, option: string) =>
	blocks.some(
		(b) =>
			b.showIf &&
			referencedOptions(b.showIf).some((r) => r.question === question && r.option === option)
	);

function parts(flow: Flow, reversed: Flow): Record<PartName, Part> {
	return {
		safety: {
			problems: (a, rec) => safetyProblems(flow, a, rec),
			signature: (rec) =>
				[...rec.safety, ...rec.complements, ...rec.checklists].map((b) => b.id).join(),
			cites: (rec, q, o) => blockCites([...rec.safety, ...rec.complements, ...rec.checklists], q, o)
		},
		dangers: {
			problems: (a, rec) => dangerProblems(flow, a, rec),
			signature: (rec) => rec.dangers.map((d) => d.id).join(),
			cites: (rec, q, o) =>
				rec.dangers.some((d) =>
					referencedOptions(d.when).some((r) => r.question === q && r.option === o)
				)
		},
		groups: {
			problems: (a, rec) => groupProblems(flow, reversed, a, rec),
			signature: (rec) =>
				[...rec.styles, ...rec.lovedOne].map(cardKey).join('|') +
				rec.moreStyles.map((r) => r.style.id).join(),
			cites: (rec, q, o) =>
				[...rec.styles, ...rec.lovedOne].some((r) =>
					[...r.reasons, ...r.cautions, ...r.notes].some((c) => c.question === q && c.option === o)
				)
		}
	};
}

/** Other answers to try in place of `option`: another option, or the multi answer without it. */
function alternatives(
	flow: Flow,
	question: string,
	answer: string | string[],
	option: string
): (string | string[])[] {
	const q = flow.questions.find((x) => x.id === question);
	if (!q) return [];
	if (typeof answer === 'string') return q.options.filter((o) => o.id !== option).map((o) => o.id);
	const without = answer.filter((x) => x !== option);
	const out: string[][] = [without];
	for (const o of q.options) if (!answer.includes(o.id)) out.push([o.id]);
	return out.filter((v) => isValidAnswer(q, v));
}

/** The flow with its styles in the opposite order: ties must not depend on it. */
export function reverseStyles(flow: Flow): Flow {
	return { ...flow, styles: [...flow.styles].reverse() };
}

/** Checks one part over every `shards`-th combination of its questions, starting at `shard`. */
export function checkPart(flow: Flow, name: PartName, shard: number, shards: number): ShardResult {
	const part = parts(flow, reverseStyles(flow))[name];
	const read = partReads(flow)[name];
	const branch = new Set([...read, 'who', 'detox-status']);
	const result: ShardResult = {
		part: name,
		checked: 0,
		represents: 0,
		failures: [],
		noEffect: {},
		counts: {}
	};
	const count = (key: string, n: number) => (result.counts[key] = (result.counts[key] ?? 0) + n);
	let index = 0;
	forEachProjection(flow, branch, (visited, completions) => {
		if (index++ % shards !== shard) return;
		const answers = prune(flow, visited);
		result.checked++;
		result.represents += completions;
		const rec = recommend(flow, answers);
		const problems = part.problems(answers, rec);
		if (problems.length > 0 && result.failures.length < MAX_FAILURES)
			result.failures.push(`${JSON.stringify(answers)}: ${problems.join('; ')}`);
		// Every answer this part reads must show: named in the result, or changing it changes the result.
		const signature = part.signature(rec);
		for (const question of read) {
			const answer = answers[question];
			if (answer === undefined) continue;
			for (const option of typeof answer === 'string' ? [answer] : answer) {
				if (part.cites(rec, question, option)) continue;
				const changes = alternatives(flow, question, answer, option).some(
					(other) =>
						part.signature(recommend(flow, { ...answers, [question]: other })) !== signature
				);
				if (!changes)
					result.noEffect[`${question}=${option}`] =
						(result.noEffect[`${question}=${option}`] ?? 0) + 1;
			}
		}
		if (name === 'groups') tally(flow, answers, rec, completions, count);
	});
	return result;
}

/** What the checks above prove, by part: printed with the proof once it holds. */
export const INVARIANTS: Record<PartName, string[]> = {
	safety: [
		'the result opens with exactly one opening block',
		'the advice is tailored to the detox status given',
		'on medication: the opening says "keep taking it" (English and Spanish), never "stop opioids"',
		'not ready: the opening title never tells the person to stop',
		'pregnant or might be: never told detox or withdrawal is the safest way; told first not to stop suddenly',
		'on naltrexone: never told stopping causes withdrawal; warned of overdose',
		'anything but pharmacy painkillers: warned about fentanyl',
		'street buprenorphine: told a clinician can prescribe it',
		'after detox or stopping alone: warned about lost tolerance',
		'a loved one: told about CRAFT'
	],
	dangers: [
		'the danger question is asked at every stage, for the person and a loved one',
		'every danger rule that holds is in the result, most urgent first',
		'every danger sign ticked sets off a rule'
	],
	groups: [
		'a best fit for the person; family groups exactly when a loved one asks',
		'every reason, caution and note quotes an answer that was given',
		'ranks follow the answers alone: the same ranking with the styles in reverse file order',
		'on or open to medication: the best fit welcomes it or leads with the caution; no group that may limit ranks above one that welcomes it on a tie',
		'no alternative with a negative score; styles beyond the cards are one whole rank, named',
		"loved-one path: no reason on the person's groups quotes the asker's own taste; never women-only for the person",
		'every wish ticked (women-only, LGBTQ+, young, Spanish) has a sentence on each best fit'
	]
};

/** The figures printed with the proof, as [name, group]: each counts full answer sets. */
export const FIGURES: [string, string][] = [
	['answer sets', ''],
	['equal best fits, shown as equals', 'answer sets'],
	['4 or more cards for the person', 'answer sets'],
	['alternative with a negative score', 'answer sets'],
	['on or open to medication', 'answer sets'],
	['best fit welcomes medication', 'on or open to medication'],
	['best fit of unknown or limiting stance, led by the caution', 'on or open to medication'],
	['best fit of unknown or limiting stance, no caution', 'on or open to medication'],
	['loved one', 'answer sets'],
	['women-only best fit for the person', 'loved one'],
	['ideas to help them', 'loved one'],
	['CRAFT-based help first', 'ideas to help them'],
	['Nar-Anon above the CRAFT-based option', 'ideas to help them'],
	['wish for Spanish', 'answer sets'],
	['best fit with no word about Spanish', 'wish for Spanish']
];

function tally(
	flow: Flow,
	answers: Answers,
	rec: Recommendation,
	n: number,
	count: (k: string, n: number) => void
) {
	const best = rec.styles.filter((r) => r.rank === 1);
	count('answer sets', n);
	for (const r of best) count(`best fit: ${r.style.id}`, n / best.length);
	if (best.length > 1) count('equal best fits, shown as equals', n);
	if (rec.styles.length > 3) count('4 or more cards for the person', n);
	if (rec.styles.some((r) => r.rank > 1 && r.score < 0))
		count('alternative with a negative score', n);
	if (flow.medication && evaluate(flow.medication.when, answers)) {
		count('on or open to medication', n);
		if (best.every((r) => r.style.stance === 'welcomes')) count('best fit welcomes medication', n);
		else if (best.every((r) => r.style.stance === 'welcomes' || r.medicationCaution))
			count('best fit of unknown or limiting stance, led by the caution', n);
		else count('best fit of unknown or limiting stance, no caution', n);
	}
	if (answers.who === 'loved-one') {
		count('loved one', n);
		if (best.some((r) => r.style.id === 'women')) count('women-only best fit for the person', n);
		if (answers['loved-one-help'] === 'for-them') {
			count('ideas to help them', n);
			const first = rec.lovedOne.filter((r) => r.rank === 1).map((r) => r.style.id);
			if (first.length === 1 && first[0] === 'family-skills') count('CRAFT-based help first', n);
			if (first.includes('family-twelve-step')) count('Nar-Anon above the CRAFT-based option', n);
		}
	}
	if (chose(answers, 'group-prefs', 'spanish')) {
		count('wish for Spanish', n);
		if (
			!best.every((r) =>
				[...r.reasons, ...r.notes].some(
					(c) => c.question === 'group-prefs' && c.option === 'spanish'
				)
			)
		)
			count('best fit with no word about Spanish', n);
	}
}
