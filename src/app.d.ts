// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface PageState {
			/** The questionnaire step this history entry shows (shallow routing). */
			step?: string;
		}
	}
}

export {};
