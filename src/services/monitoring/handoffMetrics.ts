import type { HandoffEvents } from '../handoff/handoffEvents';
import type { Metrics } from '../metrics';

/**
 * Counts handoffs and observes how long they waited, from the queue's events. Only events this
 * instance caused count: every instance also hears the others' events, and Prometheus adds the
 * instances up.
 */
export function recordHandoffMetrics(events: HandoffEvents, metrics: Metrics): () => void {
  const offCreated = events.on('created', ({ handoff }, { local }) => {
    if (local) metrics.handoffsCreated.inc({ reason: handoff.reason, category: handoff.category });
  });
  const offClaimed = events.on('claimed', ({ handoff }, { local }) => {
    if (!local || !handoff.claimedAt) return;
    const waited = (new Date(handoff.claimedAt).getTime() - new Date(handoff.createdAt).getTime()) / 1000;
    if (Number.isFinite(waited)) metrics.handoffWait.observe(Math.max(0, waited));
  });
  return () => {
    offCreated();
    offClaimed();
  };
}
