/**
 * Quick exit, after GOV.UK's "Exit this page" pattern: wipe what this tab holds, blank the page,
 * and replace this history entry with a neutral site so Back does not land on the answers.
 */
export const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

/** Two presses of Escape within this many milliseconds trigger a quick exit. */
export const ESCAPE_WINDOW_MS = 1500;

function clearStorage(win: Window) {
	try {
		win.sessionStorage.clear();
	} catch {
		// Blocked storage holds nothing to clear.
	}
}

export function quickExit(win: Window = window) {
	clearStorage(win);
	// The router saves scroll positions and history states as the page unloads: clear after it.
	win.addEventListener('visibilitychange', () => clearStorage(win));
	win.addEventListener('pagehide', () => clearStorage(win));
	win.document.title = '';
	win.document.body.replaceChildren();
	win.location.replace(NEUTRAL_SITE);
}

/** Returns a keydown handler that calls `onExit` when Escape is pressed twice in a row, quickly. */
export function escapeTwice(onExit: () => void, now: () => number = Date.now) {
	let last = -Infinity;
	return (event: Pick<KeyboardEvent, 'key' | 'repeat'>) => {
		if (event.key !== 'Escape' || event.repeat) {
			if (event.key !== 'Escape') last = -Infinity;
			return;
		}
		const t = now();
		if (t - last <= ESCAPE_WINDOW_MS) {
			last = -Infinity;
			onExit();
		} else last = t;
	};
}
