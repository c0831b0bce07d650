import { loadFlowPage } from '$lib/i18n/use-flow-texts';

/** The page's flow arrives in English; the chosen language's texts are added before it shows. */
export const load = loadFlowPage;
