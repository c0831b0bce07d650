/**
 * A planned meeting as an iCalendar file (RFC 5545), made on the device: one VEVENT with a
 * reminder, for the person's own calendar app. Nothing is looked up and nothing is sent.
 *
 * The day and time are what the person typed, so the event is in "floating" time (no time zone):
 * 19:00 stays 19:00 wherever the phone is. A meeting without a time is an all-day event.
 */
import { addDays, type PlannedMeeting } from '../flow/meetings';

export interface IcsOptions {
	/** The event's title: the group's name, say. */
	title: string;
	/** Its description: how to join, the note, where to find the meeting. */
	description: string;
	/**
	 * Makes the UID stable: the same seed and meeting give the same UID, so a calendar app updates
	 * the event it already has instead of adding a second one. Without it the UID is random.
	 */
	uidSeed?: string;
	/** When the file is made (DTSTAMP); now by default. */
	now?: Date;
}

export const ICS_PRODID = '-//Support Group Guide//Meeting plan 1.0//EN';
/** How long a timed meeting is put in the calendar for: most last an hour to ninety minutes. */
export const MEETING_DURATION = 'PT1H';
/** A timed meeting's reminder: an hour before it starts. */
export const TIMED_REMINDER = '-PT1H';
/** An all-day meeting's reminder: 9:00 the day before (15 hours before its midnight start). */
export const ALL_DAY_REMINDER = '-PT15H';

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, a line break as \n, other controls dropped. */
export function escapeText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[\\;,]/g, (c) => `\\${c}`)
		.replace(/\n/g, '\\n')
		.replace(/(?!\t)\p{Cc}/gu, '');
}

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/**
 * One content line folded at 75 octets (RFC 5545 3.1): each further line starts with a space, and
 * a break never falls inside a UTF-8 character (nor between the halves of a surrogate pair).
 */
export function foldLine(line: string): string {
	const lines: string[] = [];
	let current = '';
	let size = 0;
	for (const char of line) {
		const bytes = octets(char);
		// 75 octets on the first line; the leading space counts on the others.
		if (size + bytes > 75) {
			lines.push(current);
			current = ' ';
			size = 1;
		}
		current += char;
		size += bytes;
	}
	lines.push(current);
	return lines.join('\r\n');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A moment in UTC, as DTSTAMP wants it: 20260310T183000Z. */
function utcStamp(at: Date): string {
	return (
		`${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T` +
		`${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`
	);
}

/** FNV-1a, 32 bits, of UTF-8 bytes: four of them make a stable UID from a seed. */
function fnv1a(text: string, basis: number): number {
	let hash = basis >>> 0;
	for (const byte of encoder.encode(text)) {
		hash ^= byte;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

function uidOf(meeting: PlannedMeeting, seed: string | undefined): string {
	let hex: string;
	if (seed === undefined) {
		// getRandomValues works on any page; randomUUID only in a secure context.
		hex = [...crypto.getRandomValues(new Uint8Array(16))]
			.map((b) => b.toString(16).padStart(2, '0'))
			.join('');
	} else {
		const key = `${seed}|${meeting.program}|${meeting.date}|${meeting.time}`;
		hex = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x7fb5d329]
			.map((basis) => fnv1a(key, basis).toString(16).padStart(8, '0'))
			.join('');
	}
	// The domain names the maker, not the person: it is never looked up.
	return `${hex}@support-group-guide`;
}

/**
 * The meeting as an iCalendar file: VCALENDAR with one VEVENT (UID, DTSTAMP in UTC, DTSTART in
 * floating local time, or a DATE with DTEND the next day when there is no time; DURATION of an
 * hour; SUMMARY, DESCRIPTION) and one VALARM (DISPLAY, an hour before, or 9:00 the day before an
 * all-day meeting). CRLF line endings, escaped text, lines folded at 75 octets.
 */
export function meetingIcs(meeting: PlannedMeeting, options: IcsOptions): string {
	const now = options.now ?? new Date();
	const day = meeting.date.replace(/-/g, '');
	const timed = meeting.time !== '';
	const start = timed
		? [`DTSTART:${day}T${meeting.time.replace(':', '')}00`, `DURATION:${MEETING_DURATION}`]
		: [
				`DTSTART;VALUE=DATE:${day}`,
				`DTEND;VALUE=DATE:${(addDays(meeting.date, 1) ?? meeting.date).replace(/-/g, '')}`
			];
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${ICS_PRODID}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:${uidOf(meeting, options.uidSeed)}`,
		`DTSTAMP:${utcStamp(now)}`,
		...start,
		`SUMMARY:${escapeText(options.title)}`,
		`DESCRIPTION:${escapeText(options.description)}`,
		// An all-day plan should not mark the whole day busy.
		`TRANSP:${timed ? 'OPAQUE' : 'TRANSPARENT'}`,
		'BEGIN:VALARM',
		'ACTION:DISPLAY',
		`DESCRIPTION:${escapeText(options.title)}`,
		`TRIGGER:${timed ? TIMED_REMINDER : ALL_DAY_REMINDER}`,
		'END:VALARM',
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

/**
 * A file name for the meeting's .ics: the program id and the day (and time), such as
 * `smart-recovery-2026-03-10-1900.ics`. Program ids are kebab-case, so the name is plain ASCII.
 */
export function icsFileName(meeting: PlannedMeeting): string {
	const program = meeting.program.toLowerCase().replace(/[^a-z0-9-]/g, '') || 'meeting';
	const time = meeting.time === '' ? '' : `-${meeting.time.replace(':', '')}`;
	return `${program}-${meeting.date}${time}.ics`;
}
