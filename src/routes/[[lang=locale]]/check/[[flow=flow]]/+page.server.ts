export { entries, load } from '$lib/server/flow-page';
