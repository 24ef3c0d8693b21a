import type { HandoffEventBus } from './handoffEventBus';
import { listItemOf } from './handoffLabels';
import type { HandoffRecord } from './handoffModel';
import { auditEntry, HandoffStore, SYSTEM_ACTOR } from './handoffStore';

/**
 * A waiting customer who has left (the web page closed, the WhatsApp window closed unanswered)
 * becomes `abandoned`: through the one status transition, with an audit entry, and announced like
 * a cancellation so the agents' card and the queue follow.
 */
export class AbandonedHandoffs {
  constructor(private readonly deps: { store: HandoffStore; bus: HandoffEventBus; now: () => Date }) {}

  /** Undefined when the handoff was no longer waiting live (claimed, cancelled, a callback). */
  async abandon(handoffId: string, reason: string): Promise<HandoffRecord | undefined> {
    const now = this.deps.now();
    const record = await this.deps.store.transition(
      handoffId,
      {
        from: 'queued',
        to: 'abandoned',
        where: { mode: 'live' },
        audit: auditEntry(SYSTEM_ACTOR, 'abandoned', now, reason),
      },
      now,
    );
    if (record)
      await this.deps.bus.publish('cancelled', record.id, { handoff: listItemOf(record, now), by: SYSTEM_ACTOR });
    return record;
  }
}
