/**
 * Domain events of the handoff queue. Subscribers (Teams notifier, desk page) get every event of
 * every instance: the publishing instance emits at once, the others learn of it from MongoDB
 * (HandoffEventRelay). `local` says whether this instance caused it. The one exception: what a
 * customer writes while still queued is emitted on the customer's instance only (nothing elsewhere
 * needs it before a claim, and it is the most frequent event: one per waiting customer's message).
 */
import { EventEmitter } from 'node:events';
import type { Actor, HandoffListItem, TranscriptEntry } from './handoffModel';

export interface HandoffEventMap {
  /** A new handoff is waiting (live or as a callback request). */
  created: { handoff: HandoffListItem };
  claimed: { handoff: HandoffListItem; agent: Actor };
  /** The customer wrote while queued or assigned (masked text); while queued, on the customer's instance only. */
  customerMessage: { handoffId: string; message: TranscriptEntry; status: 'queued' | 'assigned' };
  /** An agent's message went to the customer. */
  agentMessage: { handoffId: string; message: TranscriptEntry; agent: Actor };
  /** An internal note was added (never sent to the customer). */
  noteAdded: { handoffId: string; note: { at: Date; by: Actor; text: string } };
  resolved: { handoff: HandoffListItem; by: Actor };
  /** Handed back to the queue for a supervisor. */
  transferred: { handoff: HandoffListItem; by: Actor };
  /** Cancelled by the customer ("abbrechen") or abandoned. */
  cancelled: { handoff: HandoffListItem; by: Actor };
  /** The customer turned a live wait into a callback request. */
  callbackRequested: { handoff: HandoffListItem };
  /** A waiting handoff moved up (priority, supervisor) because of what the customer said; cause is for agents. */
  upgraded: { handoff: HandoffListItem; cause: string };
  /** The waiting customer was told a new position/estimate. */
  positionChanged: { handoffId: string; position: number; estimatedWaitMinutes: number };
}

export type HandoffEventName = keyof HandoffEventMap;
export const HANDOFF_EVENT_NAMES: HandoffEventName[] = [
  'created',
  'claimed',
  'customerMessage',
  'agentMessage',
  'noteAdded',
  'resolved',
  'transferred',
  'cancelled',
  'callbackRequested',
  'upgraded',
  'positionChanged',
];

/** Events after which the waiting queue (order, positions) may be different. */
export const QUEUE_EVENTS: ReadonlySet<HandoffEventName> = new Set<HandoffEventName>([
  'created',
  'claimed',
  'resolved',
  'transferred',
  'cancelled',
  'callbackRequested',
  'upgraded',
]);

export type HandoffEventMeta = { local: boolean };
export type HandoffListener<K extends HandoffEventName> = (
  payload: HandoffEventMap[K],
  meta: HandoffEventMeta,
) => unknown;

/** A small typed emitter; a failing listener is logged by the caller's onError, never thrown back. */
export class HandoffEvents {
  private readonly emitter = new EventEmitter();

  constructor(private readonly onError: (err: unknown, event: HandoffEventName) => void = () => undefined) {
    this.emitter.setMaxListeners(100);
  }

  on<K extends HandoffEventName>(event: K, listener: HandoffListener<K>): () => void {
    const wrapped = (payload: HandoffEventMap[K], meta: HandoffEventMeta) => {
      try {
        const result = listener(payload, meta);
        if (result instanceof Promise) result.catch((err: unknown) => this.onError(err, event));
      } catch (err) {
        this.onError(err, event);
      }
    };
    this.emitter.on(event, wrapped);
    return () => this.emitter.off(event, wrapped);
  }

  emit<K extends HandoffEventName>(
    event: K,
    payload: HandoffEventMap[K],
    meta: HandoffEventMeta = { local: true },
  ): void {
    this.emitter.emit(event, payload, meta);
  }
}
