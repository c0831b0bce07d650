import { flowPrograms, type Plan } from '../flow/meetings';
import { fitOf, toKnow, type Recommendation } from '../flow/recommend';
import type { Answers, Flow, Stance, Text } from '../flow/schema';
import { answerText, dangersAsked, splitFlags } from '../result/answers';
import { dayText, PLAN_LABELS, timeText, type PlanLabels } from './plan-labels';

/** The headings a plain-text summary needs, in the reader's language. */
export interface SummaryLabels {
	title: string;
	date: string;
	flags: string;
	answers: string;
	safety: string;
	groups: string;
	bestFit: string;
	equalFit: string;
	alternative: string;
	moreStyles: string;
	stance: Record<Stance, string>;
	checklists: string;
	flagsNone: string;
	flagsNotAsked: string;
	whyFits: string;
	keepInMind: string;
	forLovedOne: string;
	none: string;
	link: string;
	notAdvice: string;
	/** The meeting plan's words, in the same language (see plan-labels.ts): English when missing. */
	plan?: PlanLabels;
}

/** A meeting plan for the summary, with its words in the summary's language. */
export interface PlanSummary {
	meetings: Plan;
	labels: PlanLabels;
}

/**
 * The plan's lines: its heading, then one line per meeting (program, how, day and time, how it
 * went) with its note beneath. Nothing for an empty plan.
 */
export function planLines(flow: Flow, { meetings, labels }: PlanSummary): string[] {
	if (meetings.length === 0) return [];
	const names = new Map(flowPrograms(flow).map((p) => [p.id, p.name]));
	const lines = [`${labels.heading}:`];
	meetings.forEach((m, i) => {
		const when = `${dayText(m.date, labels)}, ${timeText(m.time, labels)}`;
		const name = names.get(m.program) ?? m.program;
		lines.push(
			`${i + 1}. ${name} (${labels.modes[m.mode]}), ${when}: ${labels.statuses[m.status]}`
		);
		if (m.note !== '') lines.push(`   ${labels.note}: ${m.note}`);
	});
	return lines;
}

/**
 * A plain-text summary for copying or e-mail: flags, answers, safety headlines, the ranking, and
 * the meeting plan when there is one (after the groups it was picked from). The plan comes with
 * its words (a PlanSummary), or alone, in the words of `l.plan`.
 */
export function summaryText(
	flow: Flow,
	answers: Answers,
	rec: Recommendation,
	t: (text: Text) => string,
	l: SummaryLabels,
	link?: string,
	plan?: PlanSummary | Plan
): string {
	const lines: string[] = [l.title, l.date, ''];
	const { flags, others } = splitFlags(flow, answers);
	lines.push(`${l.flags}:`);
	for (const d of rec.dangers) lines.push(`! ${t(d.title)}`);
	if (rec.dangers.length === 0)
		lines.push(`- ${dangersAsked(flow, answers) ? l.flagsNone : l.flagsNotAsked}`);
	for (const q of flags) lines.push(`- ${t(q.prompt)} ${answerText(q, answers, t, l.none)}`);
	lines.push('', `${l.answers}:`);
	for (const q of others) lines.push(`- ${t(q.prompt)} ${answerText(q, answers, t, l.none)}`);
	lines.push('', `${l.safety}:`);
	for (const block of rec.safety) lines.push(`- ${t(block.title)}`);
	const ranking = (title: string, list: Recommendation['styles']) => {
		if (list.length === 0) return;
		lines.push('', `${title}:`);
		list.forEach((r, i) => {
			const badge = { best: l.bestFit, equal: l.equalFit, alternative: l.alternative };
			lines.push(`${i + 1}. ${t(r.style.name)} (${badge[fitOf(list, r)]})`);
			if (r.medicationCaution && flow.medication) lines.push(`   ! ${t(flow.medication.caution)}`);
			if (r.style.stance) lines.push(`   ${l.stance[r.style.stance]}.`);
			for (const [heading, items] of [
				[l.whyFits, r.reasons.map((w) => w.reason)],
				[l.keepInMind, toKnow(r).map((item) => item.text)]
			] as const) {
				if (items.length === 0) continue;
				lines.push(`   ${heading}:`);
				for (const item of items) lines.push(`   - ${t(item)}`);
			}
		});
	};
	ranking(l.groups, rec.styles);
	if (rec.moreStyles.length > 0)
		lines.push(`${l.moreStyles} ${rec.moreStyles.map((r) => t(r.style.name)).join(', ')}.`);
	ranking(l.forLovedOne, rec.lovedOne);
	const planned =
		plan === undefined
			? []
			: planLines(
					flow,
					Array.isArray(plan) ? { meetings: plan, labels: l.plan ?? PLAN_LABELS.en } : plan
				);
	if (planned.length > 0) lines.push('', ...planned);
	if (rec.checklists.length > 0) {
		lines.push('', `${l.checklists}:`);
		for (const block of rec.checklists) {
			lines.push(`${t(block.title)}:`);
			for (const item of block.body) lines.push(`- ${t(item)}`);
		}
	}
	if (link) lines.push('', `${l.link}: ${link}`);
	lines.push('', l.notAdvice);
	return lines.join('\n');
}
