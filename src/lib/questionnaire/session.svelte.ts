import { createActor } from 'xstate';
import type { QuestionnaireEvent } from '../flow/context';
import { placeOf, questionnaireMachine, type QuestionnaireSnapshot } from '../flow/machine';
import type { Flow } from '../flow/schema';
import { stepOf } from '../flow/step';
import { readTab, removeTab, SESSION_KEY, writeTab } from '../tab-storage';
import { decodeSession, encodeSession } from './persist';

/** One questionnaire: one actor, its snapshot as state, saved to sessionStorage on every change. */
export class QuestionnaireSession {
	readonly flow: Flow;
	snapshot = $state.raw<QuestionnaireSnapshot>() as QuestionnaireSnapshot;
	/** True when a saved session existed but could not be trusted, so this one started fresh. */
	restoreFailed = $state(false);
	/** True when answers were carried over from an earlier visit in this tab. */
	resumed = $state(false);
	place = $derived(placeOf(this.snapshot));
	step = $derived(stepOf(this.place));
	#actor: ReturnType<typeof createActor<typeof questionnaireMachine>>;
	/** Nothing is saved before the saved session was read, or the fresh start would erase it. */
	#ready = false;

	constructor(flow: Flow) {
		this.flow = flow;
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
		this.#actor = this.#start(restored.snapshot);
		this.resumed = true;
	}

	#start(snapshot: QuestionnaireSnapshot | undefined) {
		const actor = createActor(questionnaireMachine, { snapshot, input: { flow: this.flow } });
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

	#save(s: QuestionnaireSnapshot) {
		if (!this.#ready) return;
		if (Object.keys(s.context.answers).length === 0) removeTab(SESSION_KEY);
		else writeTab(SESSION_KEY, encodeSession(this.flow, s));
	}
}
