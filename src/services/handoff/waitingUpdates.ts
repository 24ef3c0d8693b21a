/**
 * Queue updates to waiting customers. Each pass claims due updates one at a time (atomic on
 * nextUpdateAt, so no two instances send the same one), tells a changed position/estimate — and
 * why, when the position went up — and offers a callback once after callbackOfferAfterMinutes.
 * Outside business hours only the WhatsApp window reminder is sent: the announcement already said
 * when the team is back, but a closed window would cut the customer off from the answer.
 */
import type { Activity } from 'botbuilder';
import type { I18nService } from '../i18n/i18nService';
import type { Logger } from '../logger';
import { HandoffSettingsSource, isWithinBusinessHours } from './businessHours';
import type { CustomerChannel } from './customerChannel';
import type { HandoffEventBus } from './handoffEventBus';
import type { AuditEntry, HandoffRecord } from './handoffModel';
import { auditEntry, HandoffStore, SYSTEM_ACTOR, toObjectId, toRecord, WITHOUT_ARRAYS } from './handoffStore';
import type { QueueFigures } from './queueFigures';
import { windowReminderDue } from './whatsappWindow';

export interface WaitingUpdatesDeps {
  store: HandoffStore;
  figures: QueueFigures;
  bus: HandoffEventBus;
  channel: CustomerChannel;
  settings: HandoffSettingsSource;
  i18n: I18nService;
  logger: Logger;
  now: () => Date;
  updateIntervalMs: number;
}

export class WaitingUpdates {
  private sweeping = false;

  constructor(private readonly deps: WaitingUpdatesDeps) {}

  /** One pass; returns how many customers were told something. */
  async sweepOnce(maxUpdates = 100): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let sent = 0;
    try {
      const settings = await this.deps.settings.settings();
      for (let i = 0; i < maxUpdates; i++) {
        const now = this.deps.now();
        const doc = await this.deps.store.model
          .findOneAndUpdate(
            { status: 'queued', mode: 'live', nextUpdateAt: { $lte: now } },
            { $set: { nextUpdateAt: new Date(now.getTime() + this.deps.updateIntervalMs) } },
            { sort: { nextUpdateAt: 1 }, returnDocument: 'after', projection: WITHOUT_ARRAYS },
          )
          .lean();
        if (!doc) break;
        // Nobody on duty (the urgent lane waits live at night): a countdown would promise what nobody backs.
        const staffed = isWithinBusinessHours(settings.businessHours, settings.timeZone, now);
        if (await this.sendDueUpdate(toRecord(doc), settings.callbackOfferAfterMinutes, now, staffed)) sent++;
      }
    } catch (err) {
      this.deps.logger.warn({ err }, 'handoff sweep failed; retrying on the next tick');
    } finally {
      this.sweeping = false;
    }
    return sent;
  }

  private async sendDueUpdate(
    record: HandoffRecord,
    offerAfterMinutes: number,
    now: Date,
    staffed: boolean,
  ): Promise<boolean> {
    const position = await this.deps.figures.positionOf(record);
    const minutes = await this.deps.figures.estimateMinutes(position);
    const t = this.deps.i18n.t(record.customer.language);
    const activities: Partial<Activity>[] = [];
    const set: Record<string, unknown> = {};
    const pushes: AuditEntry[] = [];
    const changed =
      staffed && (position !== record.lastPositionSent || Math.abs(minutes - (record.lastEstimateSent ?? 0)) >= 2);
    if (changed) {
      // A place lost is explained: only an urgent or upset customer can move ahead.
      const wentUp = record.lastPositionSent !== undefined && position > record.lastPositionSent;
      activities.push({
        type: 'message',
        text: t(wentUp ? 'handoff:updateMovedBack' : 'handoff:update', { position, count: minutes }),
      });
      Object.assign(set, { lastPositionSent: position, lastEstimateSent: minutes, lastUpdateSentAt: now });
      pushes.push(auditEntry(SYSTEM_ACTOR, 'position_update', now, `${position}/${minutes}`));
    }
    const waitedMinutes = (now.getTime() - record.createdAt.getTime()) / 60000;
    // Outside business hours nobody will come soon: only the last quarter hour waits for the estimate.
    const remind = windowReminderDue(record, staffed ? minutes : Number.POSITIVE_INFINITY, now);
    // One question at a time: the window reminder offers the callback as well.
    const offer = (key: string, buttons: string[]) =>
      activities.push({
        type: 'message',
        text: t(key),
        suggestedActions: {
          to: [],
          actions: buttons.map((k) => ({ type: 'imBack', title: t(`handoff:${k}`), value: t(`handoff:${k}`) })),
        },
      });
    if (remind) {
      offer('handoff:windowReminder', ['keepWaitingButton', 'callbackButton']);
      set.windowReminderAt = now;
      pushes.push(auditEntry(SYSTEM_ACTOR, 'window_reminder', now));
    } else if (staffed && !record.callbackOfferedAt && waitedMinutes >= offerAfterMinutes) {
      offer('handoff:callbackOffer', ['callbackButton']);
      set.callbackOfferedAt = now;
      pushes.push(auditEntry(SYSTEM_ACTOR, 'callback_offered', now));
    }
    if (activities.length === 0) return false;
    try {
      await this.deps.channel.tell(record, activities, true);
    } catch (err) {
      this.deps.logger.warn({ handoffId: record.id, err }, 'queue update not delivered; next interval retries');
      return false;
    }
    await this.deps.store.model.updateOne(
      { _id: toObjectId(record.id), status: 'queued' },
      { $set: set, $push: { audit: { $each: pushes } } },
    );
    if (changed)
      await this.deps.bus.publish('positionChanged', record.id, {
        handoffId: record.id,
        position,
        estimatedWaitMinutes: minutes,
      });
    return true;
  }
}
