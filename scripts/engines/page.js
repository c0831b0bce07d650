/**
 * Runs inside the page, in every engine: finds what a person sees by its role and its words, and
 * reads what is on the screen. browsers.ts sends this file as source text (so no build step can
 * rename or wrap anything in it) and calls one of the functions it returns.
 * Not a module: one function expression, nothing else.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- read as text, never run here
(function () {
	/** @param {string | null | undefined} text */
	const tidy = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

	/** @param {Element} el */
	const shown = (el) => {
		const box = el.getBoundingClientRect();
		return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
	};

	/** @param {Element} el */
	const nameOf = (el) => tidy(el.getAttribute('aria-label') ?? el.textContent);

	/** @type {Record<string, string>} */
	const ROLES = {
		button: 'button, [role="button"], input[type="submit"]',
		link: 'a[href]',
		heading: 'h1, h2, h3, h4, h5, h6'
	};

	/**
	 * The first element shown with this role and exactly this name (a heading of this level).
	 * @param {string} role
	 * @param {string} name
	 * @param {number} [level]
	 */
	const byRole = (role, name, level) =>
		[...document.querySelectorAll(ROLES[role] ?? role)].find(
			(el) => shown(el) && nameOf(el) === tidy(name) && (!level || el.tagName === `H${level}`)
		) ?? null;

	/**
	 * The label a person reads and taps: the one whose words are exactly these.
	 * @param {string} text
	 */
	const label = (text) =>
		[...document.querySelectorAll('label')].find(
			(el) => shown(el) && tidy(el.textContent) === tidy(text)
		) ?? null;

	/**
	 * The form control of a label.
	 * @param {string} text
	 */
	const control = (text) => /** @type {HTMLLabelElement | null} */ (label(text))?.control ?? null;

	/** The text of the first element shown that matches (a hidden notice is not read). */
	/** @param {string} selector */
	const text = (selector) => {
		const el = [...document.querySelectorAll(selector)].find(shown);
		return el ? tidy(/** @type {HTMLElement} */ (el).innerText) : null;
	};

	return {
		/** Elements, for clicks: Firefox hands the driver a handle, WebKit a WebDriver reference. */
		byRole,
		label,
		control,
		/** Whether a person sees it: a true or false that every engine returns the same way. */
		/** @param {string} role @param {string} name @param {number} [level] */
		has: (role, name, level) => byRole(role, name, level) !== null,
		/** @param {string} labelText */
		hasControl: (labelText) => control(labelText) !== null,
		text,
		// The app runs, or the page runs none (csr = false: no SvelteKit start script) and is parsed.
		// The questionnaire's page starts its app at a first touch: this stands for that touch,
		// through the entry point the touch uses (as scripts/app-running.ts does for Chromium).
		hydrated: () => {
			/** @type {{ sggEarly?: { boot?: () => void } }} */ (
				/** @type {unknown} */ (window)
			).sggEarly?.boot?.();
			if (document.documentElement.hasAttribute('data-hydrated')) return true;
			const app = [...document.scripts].some((s) => s.textContent?.includes('__sveltekit_'));
			return document.readyState !== 'loading' && !app;
		},
		/** @param {string} selector */
		texts: (selector) =>
			[...document.querySelectorAll(selector)]
				.filter(shown)
				.map((el) => tidy(/** @type {HTMLElement} */ (el).innerText)),
		/** @param {string} selector @param {string} name */
		attr: (selector, name) => document.querySelector(selector)?.getAttribute(name) ?? null,
		/** @param {string} selector */
		count: (selector) => document.querySelectorAll(selector).length,
		/** @param {string} labelText */
		valueOf: (labelText) =>
			/** @type {HTMLInputElement | null} */ (control(labelText))?.value ?? null,
		/** @param {string} labelText */
		checked: (labelText) =>
			/** @type {HTMLInputElement | null} */ (control(labelText))?.checked ?? null,
		/** What the screen shows, for a message when a test fails. */
		state: () => ({
			url: location.href,
			lang: document.documentElement.lang,
			hydrated: document.documentElement.hasAttribute('data-hydrated'),
			step: document.querySelector('[data-step]')?.getAttribute('data-step') ?? null,
			h1: text('h1'),
			legend: text('fieldset legend'),
			alert: text('[role="alert"]'),
			status: text('[role="status"]')
		}),
		/** Everything this tab keeps in sessionStorage, as one text. */
		stored: () => Object.values(sessionStorage).join('\n'),
		/** Whether a service worker controls this page and has cached the site. */
		offlineReady: async () =>
			'serviceWorker' in navigator &&
			Boolean(navigator.serviceWorker.controller) &&
			(await caches.keys()).length > 0
	};
});
