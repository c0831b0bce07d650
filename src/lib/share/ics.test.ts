import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlannedMeeting } from '../flow/meetings';
import { escapeText, foldLine, icsFileName, meetingIcs } from './ics';

const meeting = (over: Partial<PlannedMeeting> = {}): PlannedMeeting => ({
	program: 'smart-recovery',
	mode: 'in-person',
	date: '2026-03-10',
	time: '19:00',
	note: 'with Mom',
	status: 'planned',
	...over
});
const now = new Date('2026-03-01T08:09:10.500Z');

interface Property {
	name: string;
	params: Record<string, string>;
	value: string;
}

/** RFC 5545 unfolding: a CRLF followed by one space or tab is removed. */
function unfold(text: string): string[] {
	expect(text.endsWith('\r\n')).toBe(true);
	// Every line break is CRLF: no bare LF or CR anywhere.
	expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	return text
		.slice(0, -2)
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n');
}

/** RFC 5545 TEXT unescaping. */
const unescape = (value: string) =>
	value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

interface Component {
	name: string;
	props: Property[];
	children: Component[];
}

/** A small parser: content lines into components with their properties (values unescaped). */
function parse(text: string): Component {
	const node = (name: string): Component => ({ name, props: [], children: [] });
	const root = node('');
	const stack = [root];
	for (const line of unfold(text)) {
		const match = /^([A-Z-]+)((?:;[A-Z-]+=[^;:]*)*):(.*)$/.exec(line);
		if (!match) throw new Error(`not a content line: ${line}`);
		const [, name, paramText, value] = match as unknown as [string, string, string, string];
		const top = stack[stack.length - 1] as Component;
		if (name === 'BEGIN') {
			const child = node(value);
			top.children.push(child);
			stack.push(child);
		} else if (name === 'END') {
			expect(top.name).toBe(value);
			stack.pop();
		} else {
			const params = Object.fromEntries(
				paramText
					.split(';')
					.filter(Boolean)
					.map((p) => p.split('=') as [string, string])
			);
			top.props.push({ name, params, value: unescape(value) });
		}
	}
	expect(stack).toHaveLength(1);
	return root;
}

/** The one VEVENT of a one-event calendar, its calendar and its one VALARM: a property each. */
function eventOf(text: string) {
	const root = parse(text);
	expect(root.children.map((c) => c.name)).toEqual(['VCALENDAR']);
	const calendar = root.children[0] as Component;
	const events = calendar.children.filter((c) => c.name === 'VEVENT');
	expect(events).toHaveLength(1);
	const event = events[0] as Component;
	const prop = (component: Component, name: string) => {
		const found = component.props.filter((p) => p.name === name);
		expect(found.length, name).toBeLessThanOrEqual(1);
		return found[0];
	};
	const alarms = event.children.filter((c) => c.name === 'VALARM');
	expect(alarms).toHaveLength(1);
	return {
		calendar: (name: string) => prop(calendar, name),
		event: (name: string) => prop(event, name),
		alarm: (name: string) => prop(alarms[0] as Component, name)
	};
}

describe('meetingIcs', () => {
	it('makes a VCALENDAR with one timed VEVENT in floating local time and a reminder an hour before', () => {
		const ics = meetingIcs(meeting(), {
			title: 'SMART Recovery',
			description: 'In person. with Mom',
			uidSeed: 'seed',
			now
		});
		const { calendar, event, alarm } = eventOf(ics);
		expect(calendar('VERSION')?.value).toBe('2.0');
		expect(calendar('PRODID')?.value).toMatch(/^-\/\/Support Group Guide\/\//);
		expect(event('UID')?.value).toMatch(/^[0-9a-f]{32}@support-group-guide$/);
		expect(event('DTSTAMP')?.value).toBe('20260301T080910Z');
		expect(event('DTSTART')).toEqual({ name: 'DTSTART', params: {}, value: '20260310T190000' });
		expect(event('DURATION')?.value).toBe('PT1H');
		expect(event('DTEND')).toBeUndefined();
		expect(event('SUMMARY')?.value).toBe('SMART Recovery');
		expect(event('DESCRIPTION')?.value).toBe('In person. with Mom');
		expect(alarm('ACTION')?.value).toBe('DISPLAY');
		expect(alarm('TRIGGER')?.value).toBe('-PT1H');
		expect(alarm('DESCRIPTION')?.value).toBe('SMART Recovery');
		// No time zone anywhere: the time is the one the person typed.
		expect(ics).not.toMatch(/TZID|VTIMEZONE/);
	});

	it('makes a meeting without a time an all-day event, reminded at 9:00 the day before', () => {
		const ics = meetingIcs(meeting({ time: '', date: '2024-02-28' }), {
			title: 'LifeRing',
			description: '',
			now
		});
		const { event, alarm } = eventOf(ics);
		expect(event('DTSTART')).toEqual({
			name: 'DTSTART',
			params: { VALUE: 'DATE' },
			value: '20240228'
		});
		// The next day, across a leap day.
		expect(event('DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20240229' });
		expect(event('DURATION')).toBeUndefined();
		expect(event('TRANSP')?.value).toBe('TRANSPARENT');
		expect(alarm('TRIGGER')?.value).toBe('-PT15H');
		const endOfYear = eventOf(
			meetingIcs(meeting({ time: '', date: '2026-12-31' }), { title: 'x', description: '', now })
		);
		expect(endOfYear.event('DTEND')?.value).toBe('20270101');
	});

	it('gives the same UID for the same seed and meeting, and another otherwise', () => {
		const uid = (m: PlannedMeeting, seed?: string) =>
			eventOf(meetingIcs(m, { title: 't', description: 'd', uidSeed: seed, now })).event('UID')
				?.value;
		expect(uid(meeting(), 'a')).toBe(uid(meeting({ note: 'other note', status: 'went' }), 'a'));
		expect(uid(meeting(), 'a')).not.toBe(uid(meeting(), 'b'));
		expect(uid(meeting(), 'a')).not.toBe(uid(meeting({ time: '19:30' }), 'a'));
		expect(uid(meeting())).not.toBe(uid(meeting()));
	});

	it('escapes backslashes, semicolons, commas and line breaks, and drops other controls', () => {
		expect(escapeText('a\\b;c,d\ne\r\nf\rg\u0007h\ti')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h\ti');
		const description = 'Online, 7:00; bring: notes\\ideas\nsecond line';
		const title = 'Grupo; "café", ¿sí?';
		const { event } = eventOf(meetingIcs(meeting(), { title, description, now }));
		expect(event('DESCRIPTION')?.value).toBe(description);
		expect(event('SUMMARY')?.value).toBe(title);
	});

	it('folds long lines at 75 octets without splitting a UTF-8 character, Spanish or emoji', () => {
		const description =
			'Reunión en el salón de la iglesia, después del trabajo; ir con mamá. 👩‍👧‍👦 ¡Ánimo! ☕😀 ' +
			'ñandú, pingüino, acción, corazón, camión; '.repeat(4);
		const ics = meetingIcs(meeting(), { title: 'Recuperación 😀'.repeat(8), description, now });
		const decoder = new TextDecoder('utf-8', { fatal: true });
		const bytes = new TextEncoder().encode(ics);
		let start = 0;
		let folded = 0;
		for (let i = 0; i + 1 < bytes.length; i++) {
			if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
			const line = bytes.subarray(start, i);
			expect(line.length).toBeLessThanOrEqual(75);
			// Each physical line is whole UTF-8 on its own: no character was cut.
			expect(() => decoder.decode(line)).not.toThrow();
			if (line[0] === 0x20) folded++;
			start = i + 2;
		}
		expect(folded).toBeGreaterThan(4);
		const { event } = eventOf(ics);
		expect(event('DESCRIPTION')?.value).toBe(description);
		expect(event('SUMMARY')?.value).toBe('Recuperación 😀'.repeat(8));
	});

	it('folds any text so that unfolding gives it back', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
				const line = `DESCRIPTION:${escapeText(text)}`;
				const folded = foldLine(line);
				for (const physical of folded.split('\r\n'))
					expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
				expect(folded.replace(/\r\n /g, '')).toBe(line);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('icsFileName', () => {
	it('names the file by program, day and time, in plain ASCII', () => {
		expect(icsFileName(meeting())).toBe('smart-recovery-2026-03-10-1900.ics');
		expect(icsFileName(meeting({ time: '' }))).toBe('smart-recovery-2026-03-10.ics');
		expect(icsFileName(meeting({ program: '../Evil name' }))).toBe('evilname-2026-03-10-1900.ics');
	});
});
