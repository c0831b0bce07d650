/** A planned meeting's day and time as a person reads them, in a language. */

/**
 * "Tuesday, December 8" from "2026-12-08" (with the year when `year`: a counselor may read it
 * later): a calendar date, read as typed, with no time zone.
 */
export function meetingDay(date: string, locale: string, year = false): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Intl.DateTimeFormat(locale, {
		weekday: 'long',
		year: year ? 'numeric' : undefined,
		month: 'long',
		day: 'numeric',
		timeZone: 'UTC'
	}).format(Date.UTC(y, m - 1, d));
}

/**
 * "7:30 PM" from "19:30", `none` when no time was given. Plain spaces only: some ICU versions put
 * a narrow no-break space before "PM", which text and FHIR strings should not carry.
 */
export function meetingTime(time: string, locale: string, none: string): string {
	if (time === '') return none;
	const [h, min] = time.split(':').map(Number) as [number, number];
	return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
		.format(Date.UTC(2000, 0, 1, h, min))
		.replace(/[\u202f\u00a0]/g, ' ');
}
