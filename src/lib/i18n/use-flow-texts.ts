import { onDestroy } from 'svelte';
import { resolve } from '$app/paths';
import { flowTextLoader } from '$lib/flow/flow-texts';
import type { Flow } from '$lib/flow/schema';
import { getI18n } from './i18n.svelte';

/**
 * For a page that shows a flow: pages ship it in English, and another language's texts load
 * (from /flow-text/<locale>.json) when that language is chosen. Call during component setup.
 */
export function useFlowTexts(flow: Flow) {
	const i18n = getI18n();
	onDestroy(
		i18n.extend(
			flowTextLoader(flow, (locale) => resolve('/flow-text/[file]', { file: `${locale}.json` }))
		)
	);
}
