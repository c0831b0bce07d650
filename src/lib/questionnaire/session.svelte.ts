import { createActor, type SnapshotFrom } from 'xstate';
import { compile } from '../flow/compile';
import type { QuestionnaireEvent } from '../flow/context';
import type { Flow } from '../flow/schema';
import { readTab, removeTab, SESSION_KEY, writeTab } from '../tab-storage';
import { decodeSession, encodeSession } from './persist';

type Machine = ReturnType<typeof compile>;
type Snapshot = SnapshotFrom<Machine>;

/** One questionnaire: one actor, its snapshot as state, saved to sessionStorage on every change. */
export class QuestionnaireSession {
	readonly flow: Flow;
	readonly machine: Machine;
	snapshot = $state.raw<Snapshot>() as Snapshot;
	/** True when a saved session existed but could not be trusted, so this one started fresh. */
	restoreFailed = $state(false);
	/** True when answers were carried over from an earlier visit in this tab. */
	resumed = $state(false);
	step = $derived(String(this.snapshot.value));
	#actor: ReturnType<typeof createActor<Machine>>;
	/** Nothing is saved before the saved session was read, or the fresh start would erase it. */
	#ready = false;

	constructor(flow: Flow) {
		this.flow = flow;
		this.machine = compile(flow);
		this.#actor = this.#start(undefined);
	}

	/**
	 * Picks up answers saved earlier in this tab. Called once in the browser after hydration, so
	 * the prerendered first question and the hydrated page match.
	 */
	restore() {
		this.#ready = true;
		const restored = decodeSession(this.flow, readTab(SESSION_KEY));
		this.restoreFailed = !restored.ok && restored.reason === 'corrupt';
		if (this.restoreFailed) removeTab(SESSION_KEY);
		if (!restored.ok) return;
		this.#actor.stop();
		this.#actor = this.#start(
			this.machine.resolveState({ value: restored.step, context: restored.context })
		);
		this.resumed = true;
	}

	#start(snapshot: Snapshot | undefined) {
		const actor = createActor(this.machine, { snapshot, input: {} });
		this.snapshot = actor.getSnapshot();
		actor.subscribe((s) => {
			this.snapshot = s;
			this.#save(s);
		});
		actor.start();
		return actor;
	}

	send(event: QuestionnaireEvent) {
		this.#actor.send(event);
	}

	/** Deletes the answers from memory and storage and goes back to the first question. */
	forget() {
		this.#actor.send({ type: 'restart' });
		removeTab(SESSION_KEY);
		this.resumed = false;
	}

	stop() {
		this.#actor.stop();
	}

	#save(s: Snapshot) {
		if (!this.#ready) return;
		if (Object.keys(s.context.answers).length === 0) removeTab(SESSION_KEY);
		else writeTab(SESSION_KEY, encodeSession(this.flow, String(s.value), s.context));
	}
}
