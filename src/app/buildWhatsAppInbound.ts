/** WhatsApp webhooks in: stored first, then worked through per customer by the inbound processor. */
import type { Connection } from 'mongoose';
import type { BotRouter } from '../bots/botRouter';
import { AppliedMessages } from '../channels/whatsapp/appliedMessages';
import { deadLetterCounter, WhatsAppInboundProcessor } from '../channels/whatsapp/inboundProcessor';
import { InboundStore } from '../channels/whatsapp/inboundStore';
import { WhatsAppMediaIntake } from '../channels/whatsapp/mediaIntake';
import { InboundSealer } from '../channels/whatsapp/sealedText';
import type { Config } from '../config';
import type { FileStore } from '../services/files/fileStore';
import type { I18nService } from '../services/i18n/i18nService';
import type { Logger } from '../services/logger';
import type { Metrics } from '../services/metrics';
import type { TrackedConversationState, TrackedUserState } from '../services/state/trackedState';
import type { CustomerChannels } from './buildChannels';

export function buildWhatsAppInbound(
  config: Config,
  connection: Connection,
  channels: CustomerChannels,
  router: BotRouter,
  conversationState: TrackedConversationState,
  userState: TrackedUserState,
  metrics: Metrics,
  i18n: I18nService,
  logger: Logger,
  files: FileStore,
): WhatsAppInboundProcessor {
  return new WhatsAppInboundProcessor(
    new InboundStore(connection, new InboundSealer(connection)),
    channels.whatsappContacts,
    channels.whatsappStatuses,
    channels.whatsapp,
    router,
    i18n,
    logger,
    {
      leaseMs: config.whatsapp.claimLeaseSeconds * 1000,
      sweepIntervalMs: config.whatsapp.sweepSeconds * 1000,
      applied: new AppliedMessages(conversationState, [userState]),
      onDeadLetter: deadLetterCounter(metrics.registry),
      media: new WhatsAppMediaIntake(channels.whatsappGraph, files, config.fileMaxBytes),
    },
  );
}
