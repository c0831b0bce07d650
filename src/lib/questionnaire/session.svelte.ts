import { createActor } from 'xstate';
import type { QuestionnaireEvent } from '../flow/context';
import { placeOf, questionnaireMachine, type QuestionnaireSnapshot } from '../flow/machine';
import type { Flow } from '../flow/schema';
import { stepOf } from '../flow/step';
import { INVITE_KEY, planKey, readTab, removeTab, sessionKey, writeTab } from '../tab-storage';
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
	readonly #key: string;
	/** Nothing is saved before the saved session was read, or the fresh start would erase it. */
	#ready = false;

	constructor(flow: Flow) {
		this.flow = flow;
		this.#key = sessionKey(flow.id);
		this.#actor = this.#start(undefined);
	}

	/**
	 * Picks up answers saved earlier in this tab. Called once in the browser after hydration, so
	 * the prerendered first question and the hydrated page match.
	 */
	restore() {
		this.#ready = true;
		const restored = decodeSession(this.flow, readTab(this.#key));
		this.restoreFailed = !restored.ok && restored.reason === 'corrupt';
		if (this.restoreFailed) removeTab(this.#key);
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

	/**
	 * Deletes the answers from memory and storage, with the meeting plan and any counselor's
	 * invite, and goes back to the first question.
	 */
	forget() {
		this.#actor.send({ type: 'restart' });
		removeTab(this.#key);
		removeTab(planKey(this.flow.id));
		removeTab(INVITE_KEY);
		this.resumed = false;
	}

	stop() {
		this.#actor.stop();
	}

	#save(s: QuestionnaireSnapshot) {
		if (!this.#ready) return;
		if (Object.keys(s.context.answers).length === 0) removeTab(this.#key);
		else writeTab(this.#key, encodeSession(this.flow, s));
	}
}
