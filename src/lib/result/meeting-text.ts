/** A planned meeting's day and time as a person reads them, in the page's language. */

/** "Tuesday, December 8" from "2026-12-08": a calendar date, read as typed (no time zone). */
export function meetingDay(date: string, locale: string): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(y, m - 1, d).toLocaleDateString(locale, {
		weekday: 'long',
		month: 'long',
		day: 'numeric'
	});
}

/** "7:30 PM" from "19:30"; `none` when no time was given. */
export function meetingTime(time: string, locale: string, none: string): string {
	if (time === '') return none;
	const [h, min] = time.split(':').map(Number) as [number, number];
	return new Date(2000, 0, 1, h, min).toLocaleTimeString(locale, {
		hour: 'numeric',
		minute: '2-digit'
	});
}
