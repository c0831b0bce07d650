/** The narrative check of the FHIR test schema catches what R4 forbids (txt-1, txt-2). */
import { describe, expect, it } from 'vitest';
import { NarrativeSchema, xhtmlIssues } from './schema';

const div = (inner: string) => `<div xmlns="http://www.w3.org/1999/xhtml">${inner}</div>`;

describe('xhtmlIssues', () => {
	it('accepts a well-formed div of allowed elements with escaped text', () => {
		expect(
			xhtmlIssues(div('<h2>A &amp; B</h2><ol><li><p>&lt;x&gt; &#39;y&#39;</p></li></ol>'))
		).toEqual([]);
		expect(NarrativeSchema.safeParse({ status: 'generated', div: div('<p>ok</p>') }).success).toBe(
			true
		);
	});

	it.each([
		['no namespace', '<div><p>x</p></div>', /namespace/],
		['another root', '<p xmlns="http://www.w3.org/1999/xhtml">x</p>', /root is <p>/],
		['two roots', `${div('x')}${div('y')}`, /second root/],
		['a script', div('<script>alert(1)</script>'), /<script> is not allowed/],
		['an event attribute', div('<p onclick="x()">x</p>'), /onclick is not allowed/],
		['a bare ampersand', div('A & B'), /unescaped &/],
		['a bare <', div('1 < 2'), /unescaped </],
		['a tag left open', '<div xmlns="http://www.w3.org/1999/xhtml"><p>x</div>', /closes no open/],
		['no text (txt-2)', div('<p> </p>'), /txt-2/]
	])('refuses %s', (_, html, message) => {
		const issues = xhtmlIssues(html);
		expect(
			issues.some((i) => message.test(i)),
			issues.join('; ')
		).toBe(true);
		expect(NarrativeSchema.safeParse({ status: 'generated', div: html }).success).toBe(false);
	});
});
