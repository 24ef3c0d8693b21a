import type { HandoffRecord } from './handoffModel';
import { auditEntry, HandoffStore, SYSTEM_ACTOR } from './handoffStore';
import type { Intent } from '../nlu/types';

/**
 * A handoff that began without a topic ("Mitarbeiter!", an insult) takes the first topic the waiting
 * customer names ("Es geht um meine Rechnung"), so agents see and route it by category. A named
 * category is never overwritten.
 */
export class HandoffTopics {
  constructor(private readonly deps: { store: HandoffStore; now: () => Date }) {}

  /** Undefined when the handoff already has a category or no longer waits. */
  async name(handoffId: string, category: Intent): Promise<HandoffRecord | undefined> {
    const now = this.deps.now();
    return this.deps.store.change(
      handoffId,
      {
        where: { status: 'queued', category: 'other' },
        set: { category },
        audit: auditEntry(SYSTEM_ACTOR, 'categorised', now, category),
      },
      now,
    );
  }
}
