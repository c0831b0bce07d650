// @ts-nocheck: plain browser script, inlined as is; its behaviour is proved in tests/e2e/early.spec.ts
// and tests/e2e/static-pages.spec.ts.
// Inlined in every page's head (src/hooks.server.ts; its hash is in the CSP, svelte.config.js).
// Until the app runs, it takes the first question's answer and Continue itself and shows the next
// question, prerendered hidden beside it; the app replays what it took (early.ts). On that page
// the app starts (sggBoot) at the first touch elsewhere or once the first answer shows, so it never
// holds up that answer; on the counselor's page without a link, at the first touch (its invite form
// is in the page, and a press of its button is held for the app); on the other pages with an app,
// once the page has painted. Quick exit is this script's alone, on every page. The pages that run
// no app (csr = false: start, help, about, privacy) rely on it for the rest: quick exit, old ?lang=
// links, the start page's language offer and resume note, and the service worker, which it
// registers on every page. Keep it small.
(() => {
	const early = (window.sggEarly = { answers: [], drafts: {}, shown: null, done: false });
	const root = document.documentElement;
	let start = null;
	let wanted = false;
	let leaving = false;
	early.boot = () => {
		wanted = true;
		if (start && !leaving) start = void start();
	};
	const bootSoon = () => requestAnimationFrame(() => setTimeout(early.boot));
	// An address with a fragment is a link to open (the counselor's page says "Opening the link"
	// rather than "no link" until its app runs).
	if (location.hash.length > 1) root.dataset.fragment = '';
	// The app's start, and its modules to preload when it runs (src/hooks.server.ts). It runs once
	// the page has painted, but with the first question's form or on the counselor's page with no
	// link ([data-start-on-use]): see below.
	window.sggBoot = (go, preload = []) => {
		start = () => {
			for (const href of preload)
				document.head.append(
					Object.assign(document.createElement('link'), { rel: 'modulepreload', href })
				);
			return go();
		};
		const form = document.querySelector('form[data-early-live]');
		const onUse = document.querySelector('[data-start-on-use]');
		if (form) {
			if (wanted || location.search || location.hash || saved(form)) early.boot();
		} else if (!onUse || wanted || location.hash.length > 1) bootSoon();
		else {
			// The counselor's page with no link: its invite form works before the app, which starts
			// at the first touch, at a link pasted into the address, or at once for a counselor whose
			// key this browser keeps (the form stays unseen until the app draws the key instead).
			addEventListener('hashchange', early.boot);
			const db = onUse.dataset.startOnUse;
			try {
				window.indexedDB?.databases?.().then(
					(list) => {
						if (!list.some((d) => d.name === db)) return;
						root.dataset.keyCheck = '';
						early.boot();
					},
					() => {}
				);
			} catch {
				// Storage this browser blocks holds no key.
			}
		}
	};
	const formOf = (node) =>
		!early.done && node instanceof Element ? node.closest('form[data-early]') : null;
	const chosen = (form) => new FormData(form).getAll(form.dataset.early).map(String);
	const stored = (key, blocked) => {
		try {
			return sessionStorage.getItem(key) !== null;
		} catch {
			return blocked;
		}
	};
	const saved = (form) => stored(form.dataset.earlySession || '', true);
	// Old links ask for a language in the query (?lang=es): open the same page in it, by the page's
	// alternate link for it, keeping the rest of the query and the fragment. A language the site
	// does not have is named in a notice (the layout's), and the page stays in its own.
	const asked = new URLSearchParams(location.search).get('lang');
	let unknown = null;
	if (asked !== null && asked !== root.lang) {
		const same =
			asked !== 'x-default' &&
			document.querySelector(`link[rel="alternate"][hreflang="${CSS.escape(asked)}"]`);
		if (same) {
			const url = new URL(location.href);
			url.searchParams.delete('lang');
			leaving = true;
			location.replace(same.href.replace(/[?#].*$/, '') + url.search + url.hash);
		} else unknown = asked.slice(0, 20);
	}
	document.addEventListener('DOMContentLoaded', () => {
		const notice = document.querySelector('[data-unknown-language]');
		if (unknown !== null && notice) {
			notice.querySelector('[data-asked]').textContent = unknown;
			notice.hidden = false;
		}
		// The start page offers the browser's preferred language when the site has it and the page
		// is in another; never a silent redirect.
		for (const language of navigator.languages) {
			const base = language.toLowerCase().split('-')[0];
			if (base === root.lang) break;
			const offer = document.querySelector(`[data-offer="${CSS.escape(base)}"]`);
			if (offer) {
				offer.hidden = false;
				break;
			}
		}
		// Answers kept in this tab: the start page says Start picks them up.
		for (const note of document.querySelectorAll('[data-resume]'))
			note.hidden = !stored(note.dataset.resume, false);
	});
	// The service worker (src/service-worker.ts) keeps the whole site for offline use: registered
	// once the page has loaded, on every page, with the app or without. Its address is at the
	// site's root, beside the icon's, whatever the depth of the page's address.
	if ('serviceWorker' in navigator)
		addEventListener('load', () => {
			const icon = document.querySelector('link[rel="icon"]');
			if (icon)
				navigator.serviceWorker.register(new URL('service-worker.js', icon.href)).catch(() => {});
		});
	const show = (box) => {
		box.querySelector('[data-step-focus]')?.focus();
		window.scrollTo(0, 0);
	};
	document.addEventListener(
		'submit',
		(event) => {
			const form = formOf(event.target);
			// A form the app handles, sent before it runs: held for the app (ReceiveSecurely).
			const held =
				!form && !root.hasAttribute('data-hydrated') && event.target.closest?.('form[data-hold]');
			if (held) {
				event.preventDefault();
				early.held = held;
				early.boot();
			}
			if (!form) return;
			event.preventDefault();
			event.stopImmediatePropagation();
			bootSoon();
			const values = chosen(form);
			const error = form.querySelector('[data-early-error]');
			if (error) error.hidden = values.length > 0;
			if (!values.length) return;
			const multi = form.dataset.earlyKind === 'multi';
			early.answers.push({ question: form.dataset.early, value: multi ? values : values[0] });
			if (multi || !form.hasAttribute('data-early-live') || saved(form)) return;
			const next = document.querySelector(`[data-early-for~="${CSS.escape(values[0])}"]`);
			if (!next) return;
			next.hidden = false;
			root.setAttribute('data-early-step', '');
			early.shown = next.dataset.earlyStep;
			show(next);
			const live = document.getElementById('early-announce');
			if (live) live.textContent = next.dataset.earlyAnnounce || '';
		},
		true
	);
	for (const type of ['pointerdown', 'keydown', 'focusin'])
		document.addEventListener(type, (event) => formOf(event.target) || early.boot(), true);
	// Quick exit, after GOV.UK's "Exit this page": the one implementation, with the app or without
	// (the header's link, [data-quick-exit], goes where src/lib/safety/quick-exit.ts says). Wipe what this tab
	// holds, and again as the page goes (after the router has saved its state), blank the page, and
	// replace this history entry with a neutral site so Back does not land on the answers. Escape
	// twice within 1.5 s does it too.
	const wipe = () => {
		try {
			sessionStorage.clear();
		} catch {
			// Blocked storage holds nothing.
		}
	};
	const onExit = (target) => target instanceof Element && target.closest('[data-quick-exit]');
	const leave = () => {
		const exit = document.querySelector('[data-quick-exit]');
		if (!exit) return false;
		wipe();
		// On the window, as SvelteKit's router listens: after it has saved its state.
		addEventListener('visibilitychange', wipe);
		addEventListener('pagehide', wipe);
		document.title = '';
		document.body.replaceChildren();
		location.replace(exit.href);
		return true;
	};
	let escaped = -Infinity;
	document.addEventListener('keydown', (event) => {
		// The header's Quick exit is a link that keeps a button's role: Space presses it too.
		if (event.key === ' ' && onExit(event.target) && leave()) return event.preventDefault();
		if (event.key !== 'Escape') escaped = -Infinity;
		else if (!event.repeat) {
			const now = Date.now();
			if (now - escaped <= 1500 && leave()) event.preventDefault();
			escaped = now;
		}
	});
	addEventListener('pageshow', (event) => {
		if (event.persisted && document.body.childElementCount === 0) location.reload();
	});
	document.addEventListener(
		'change',
		(event) => {
			const form = formOf(event.target);
			if (form) early.drafts[form.dataset.early] = chosen(form);
		},
		true
	);
	document.addEventListener(
		'click',
		(event) => {
			if (onExit(event.target) && leave()) {
				// A link: the neutral site replaces this page in the history, it is not added after it.
				event.preventDefault();
				return event.stopImmediatePropagation();
			}
			const notice =
				event.target instanceof Element &&
				event.target.closest('[data-dismiss]')?.closest('[data-unknown-language]');
			if (notice) notice.hidden = true;
			const button = formOf(event.target) && event.target.closest('button[data-early-back]');
			if (!button) return;
			const target = button.dataset.earlyBack;
			if (target) return location.assign(target);
			// Back from the question shown early: to the first question, its answer still chosen.
			const next = button.closest('[data-early-for]');
			if (!next) return;
			next.hidden = true;
			root.removeAttribute('data-early-step');
			early.answers.length = 0;
			early.shown = null;
			show(document.querySelector('form[data-early-live]'));
		},
		true
	);
})();
