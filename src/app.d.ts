// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** The inline script of every page's head (scripts/early-script.js, through Vite's `define`). */
	const __EARLY_SCRIPT__: string;

	namespace App {
		interface PageState {
			/** The questionnaire step this history entry shows (shallow routing). */
			step?: string;
		}
	}
}

export {};
