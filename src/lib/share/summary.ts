import { visibleQuestions } from '../flow/navigation';
import type { Recommendation } from '../flow/recommend';
import type { Answers, Flow, Question, Text } from '../flow/schema';

/** The headings a plain-text summary needs, in the reader's language. */
export interface SummaryLabels {
	title: string;
	date: string;
	flags: string;
	answers: string;
	safety: string;
	groups: string;
	bestFit: string;
	alternative: string;
	whyFits: string;
	keepInMind: string;
	forLovedOne: string;
	none: string;
	link: string;
	notAdvice: string;
}

export function answerText(
	question: Question,
	answers: Answers,
	t: (text: Text) => string,
	none: string
) {
	const answer = answers[question.id];
	const chosen = answer === undefined ? [] : typeof answer === 'string' ? [answer] : answer;
	const labels = question.options.filter((o) => chosen.includes(o.id)).map((o) => t(o.label));
	return labels.length > 0 ? labels.join(', ') : none;
}

/** Asked questions split into safety flags first (and danger answers), then the rest. */
export function splitFlags(flow: Flow, answers: Answers) {
	const asked = visibleQuestions(flow, answers);
	return { flags: asked.filter((q) => q.flag), others: asked.filter((q) => !q.flag) };
}

/** A plain-text summary for copying or e-mail: flags, answers, safety headlines, the ranking. */
export function summaryText(
	flow: Flow,
	answers: Answers,
	rec: Recommendation,
	t: (text: Text) => string,
	l: SummaryLabels,
	link?: string
): string {
	const lines: string[] = [l.title, l.date, ''];
	const { flags, others } = splitFlags(flow, answers);
	lines.push(`${l.flags}:`);
	for (const d of rec.dangers) lines.push(`! ${t(d.title)}`);
	for (const q of flags) lines.push(`- ${t(q.prompt)} ${answerText(q, answers, t, l.none)}`);
	lines.push('', `${l.answers}:`);
	for (const q of others) lines.push(`- ${t(q.prompt)} ${answerText(q, answers, t, l.none)}`);
	lines.push('', `${l.safety}:`);
	for (const block of rec.safety) lines.push(`- ${t(block.title)}`);
	const ranking = (title: string, list: Recommendation['styles']) => {
		if (list.length === 0) return;
		lines.push('', `${title}:`);
		list.forEach((r, i) => {
			lines.push(`${i + 1}. ${t(r.style.name)} (${i === 0 ? l.bestFit : l.alternative})`);
			for (const [heading, reasons] of [
				[l.whyFits, r.reasons],
				[l.keepInMind, r.cautions]
			] as const) {
				if (reasons.length === 0) continue;
				lines.push(`   ${heading}:`);
				for (const reason of reasons) lines.push(`   - ${t(reason.reason)}`);
			}
		});
	};
	ranking(l.groups, rec.styles);
	ranking(l.forLovedOne, rec.lovedOne);
	if (link) lines.push('', `${l.link}: ${link}`);
	lines.push('', l.notAdvice);
	return lines.join('\n');
}
