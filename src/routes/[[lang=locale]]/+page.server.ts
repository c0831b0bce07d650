export { load } from '$lib/server/helplines';
