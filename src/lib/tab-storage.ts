/**
 * This tab's sessionStorage, the only storage the app uses: gone when the tab closes. Storage can
 * be missing (prerendering), blocked or full; every call then quietly does nothing, and the app
 * still works — it just won't survive a reload.
 */

/** The questionnaire of this flow in progress: each flow keeps its own. */
export function sessionKey(flowId: string): string {
	return `sgg.session.${flowId}`;
}

/** The meeting plan made from this flow's result. */
export function planKey(flowId: string): string {
	return `sgg.plan.${flowId}`;
}

/** A counselor's invite this tab was opened from: its links are locked to that counselor. */
export const INVITE_KEY = 'sgg.invite';

function store(): Storage | undefined {
	try {
		return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
	} catch {
		return undefined;
	}
}

export function readTab(key: string): string | null {
	try {
		return store()?.getItem(key) ?? null;
	} catch {
		return null;
	}
}

export function writeTab(key: string, value: string): void {
	try {
		store()?.setItem(key, value);
	} catch {
		// Full or blocked: see above.
	}
}

export function removeTab(key: string): void {
	try {
		store()?.removeItem(key);
	} catch {
		// Blocked storage holds nothing to remove.
	}
}
