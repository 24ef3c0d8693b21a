/**
 * What the Teams notifier keeps on a handoff: the right to post its one card (atomic on
 * notifiedAt across instances) and where the card was posted.
 */
import { HandoffNotFoundError } from './errors';
import { listItemOf } from './handoffLabels';
import type { HandoffListItem, TeamsThread } from './handoffModel';
import { auditEntry, HandoffStore, SYSTEM_ACTOR, toObjectId, toRecord, WITHOUT_ARRAYS } from './handoffStore';

export class TeamsThreads {
  constructor(
    private readonly store: HandoffStore,
    private readonly now: () => Date,
  ) {}

  /** True for exactly one caller across all instances. */
  async claimNotification(id: string): Promise<boolean> {
    const now = this.now();
    const result = await this.store.model.updateOne(
      { _id: toObjectId(id), notifiedAt: { $exists: false } },
      { $set: { notifiedAt: now }, $push: { audit: auditEntry(SYSTEM_ACTOR, 'notified', now) } },
    );
    return result.modifiedCount === 1;
  }

  /** Waiting handoffs whose card nobody has posted yet (after a crash, or created before the team was known). */
  async listUnnotified(limit = 50): Promise<HandoffListItem[]> {
    const docs = await this.store.model
      .find({ status: 'queued', notifiedAt: { $exists: false } }, WITHOUT_ARRAYS)
      .sort({ priority: 1, createdAt: 1 })
      .limit(limit)
      .lean();
    const now = this.now();
    return docs.map((d) => listItemOf(toRecord(d), now));
  }

  /** Remembers where the card was posted (for updates and the thread relay). */
  async setTeamsThread(id: string, thread: TeamsThread): Promise<void> {
    const result = await this.store.model.updateOne({ _id: toObjectId(id) }, { $set: { teams: thread } });
    if (result.matchedCount === 0) throw new HandoffNotFoundError(id);
  }
}
