import { onMount } from 'svelte';

/**
 * A long page drawn in steps, one per task, from the top: drawn at once, a result's first (cold)
 * draw held a slow phone's main thread for 100 to 250 ms, the tap that asked for it included; in
 * steps, no task is long, and the screen seen first is drawn first. The steps take a few
 * milliseconds in all. Call while the component is created; `count` is read as the steps go (it
 * may depend on props), and `ondone` runs once the last step is drawn.
 */
export function drawInSteps(count: () => number, ondone?: () => void) {
	let step = $state(1);
	onMount(() => {
		let timer: ReturnType<typeof setTimeout> | undefined;
		const next = () => {
			step += 1;
			if (step < count()) timer = setTimeout(next);
			else ondone?.();
		};
		if (step < count()) timer = setTimeout(next);
		else ondone?.();
		return () => clearTimeout(timer);
	});
	return {
		/** The step drawn last, counted from 1. */
		get step() {
			return step;
		},
		/** Whether step `n` (counted from 1) is drawn. */
		drawn: (n: number) => step >= n,
		/** Whether every step is drawn. */
		get done() {
			return step >= count();
		}
	};
}
