export { entries, loadQuestions as load } from '$lib/server/flow-page';
