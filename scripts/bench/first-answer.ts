/**
 * "First answer accepted", as a person feels it: from navigation start, tap the first option as
 * soon as it is visible, then Continue, and stop the clock when the next question's legend is
 * visible. Nothing waits for a marker of readiness (hydration or otherwise), and nothing is tapped
 * twice: a tap the page drops leaves the clock running until the run's limit, and the run is
 * counted as dropped.
 *
 * A tap is one mouse press and release sent through the browser (CDP `Input.dispatchMouseEvent`)
 * at the centre of the element, as a finger would: it waits in the page's input queue behind
 * whatever task is running, and nothing else. (Playwright's `click` would first scroll, wait for
 * two stable frames and hit-test, each a round trip that waits behind every long task.) Where to
 * tap is read by a script in the page the moment the element shows.
 *
 * A journey may begin on a start page: its Start link is tapped as soon as it is visible, and the
 * moment the first question becomes visible is recorded too (Start → first question).
 */
import type { Browser, Page } from 'playwright';
import { inThrottledPage } from './throttled.ts';

export interface Journey {
	/** How the journey is named in the report. */
	name: string;
	/** The page it opens. */
	path: string;
	/** The accessible name of the start page's link to the questionnaire, when it begins there. */
	start?: string;
	/** The legend of the question that follows the first option. */
	next: string;
}

export interface AnswerRun {
	/** ms from navigation start until the next question's legend was visible (the limit if never). */
	ms: number;
	/** The page never showed the next question: a tap was dropped. */
	dropped: boolean;
	/** For a journey with a start page: ms from navigation start until the first question showed. */
	questionMs?: number;
}

type Watched = Window & {
	__questionAt?: number;
	__acceptedAt?: number;
	__startTarget?: Point;
	__targets?: Targets;
};

/**
 * Injected into every document before its own scripts: records, as epoch ms, the first moment a
 * radio or checkbox of a question is visible and the first moment a visible legend reads `next`.
 * Epoch time, because a journey from a start page crosses documents. A string, not a function:
 * tsx would add `__name` helpers that do not exist in the page.
 */
const watch = (next: string, start: string) => `(() => {
	const NEXT = ${JSON.stringify(next)};
	const START = ${JSON.stringify(start)};
	const now = () => performance.timeOrigin + performance.now();
	const shown = (el) => {
		const box = el.getBoundingClientRect();
		if (box.width === 0 && box.height === 0) return false;
		const style = getComputedStyle(el);
		return style.visibility !== 'hidden' && style.display !== 'none';
	};
	const centre = (el) => {
		const box = el.getBoundingClientRect();
		return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
	};
	const check = () => {
		if (START && !window.__startTarget) {
			for (const link of document.querySelectorAll('a')) {
				if (link.textContent.trim() === START && shown(link)) {
					window.__startTarget = centre(link);
					break;
				}
			}
		}
		if (window.__questionAt === undefined) {
			for (const input of document.querySelectorAll('fieldset input')) {
				const form = input.form;
				const submit = form && form.querySelector('[type=submit]');
				if (shown(input) && submit && shown(submit)) {
					window.__questionAt = now();
					window.__targets = { option: centre(input), submit: centre(submit) };
					break;
				}
			}
		}
		if (window.__acceptedAt === undefined) {
			for (const legend of document.querySelectorAll('legend')) {
				if (legend.textContent.trim() === NEXT && shown(legend)) {
					window.__acceptedAt = now();
					break;
				}
			}
		}
	};
	new MutationObserver(check).observe(document, { attributes: true, childList: true, subtree: true });
	const poll = () => {
		check();
		if (window.__acceptedAt === undefined) requestAnimationFrame(poll);
	};
	requestAnimationFrame(poll);
	document.addEventListener('DOMContentLoaded', check);
})();`;

interface Point {
	x: number;
	y: number;
}

type Targets = { option: Point; submit: Point };

/**
 * Polls the page for a value its watch script recorded. A navigation between polls destroys the
 * context being read: that poll simply counts as "not yet".
 */
async function whenRecorded<T>(page: Page, read: () => T | undefined, until: number): Promise<T> {
	while (Date.now() < until) {
		const value = await page.evaluate(read).catch(() => undefined);
		if (value !== undefined && value !== null) return value as T;
		await new Promise((ok) => setTimeout(ok, 20));
	}
	throw Object.assign(new Error('not shown in time'), { name: 'TimeoutError' });
}

/** One journey in a fresh context with the CPU slowed `cpuRate` times. */
export async function firstAnswer(
	browser: Browser,
	origin: string,
	journey: Journey,
	cpuRate: number,
	limitMs: number
): Promise<AnswerRun> {
	return inThrottledPage(
		browser,
		cpuRate,
		watch(journey.next, journey.start ?? ''),
		async (page, cdp) => {
			const tap = async ({ x, y }: Point) => {
				for (const type of ['mousePressed', 'mouseReleased'] as const)
					await cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
			};
			await page.goto(origin + journey.path, { waitUntil: 'commit', timeout: 30_000 });
			const began = await page.evaluate(() => performance.timeOrigin);
			const deadline = began + limitMs;
			let dropped = false;
			try {
				if (journey.start)
					await tap(await whenRecorded(page, () => (window as Watched).__startTarget, deadline));
				const targets = await whenRecorded(page, () => (window as Watched).__targets, deadline);
				await tap(targets.option);
				await tap(targets.submit);
				await whenRecorded(page, () => (window as Watched).__acceptedAt, deadline);
			} catch (error) {
				if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
				dropped = true;
			}
			const times = await page.evaluate(() => ({
				question: (window as Watched).__questionAt,
				accepted: (window as Watched).__acceptedAt
			}));
			return {
				ms: dropped || times.accepted === undefined ? limitMs : times.accepted - began,
				dropped: dropped || times.accepted === undefined,
				questionMs:
					journey.start && times.question !== undefined ? times.question - began : undefined
			};
		}
	);
}
