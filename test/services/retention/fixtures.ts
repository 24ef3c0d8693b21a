/**
 * One customer's data as the real stores write it: a WhatsApp customer with messages, a contact,
 * a delivery status, conversation and user state, a transcript, a handoff and a service request.
 */
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import { handoffModel, HandoffStatus } from '../../../src/services/handoff/handoffModel';
import { serviceRequestModel } from '../../../src/services/requests/requestModel';
import { MongoStorage } from '../../../src/services/state/mongoStorage';
import { TranscriptStore } from '../../../src/services/transcript/transcriptStore';
import { DirectLineActivityStore } from '../../../src/channels/directline/activityStore';
import { ContactStore } from '../../../src/channels/whatsapp/contactStore';
import { InboundStore } from '../../../src/channels/whatsapp/inboundStore';

export const DAY = 86_400_000;

export interface SeededCustomer {
  waId: string;
  conversationKey: string;
  handoffId: string;
  requestId: string;
  wamid: string;
}

let counter = 0;

/**
 * Creates the stores' models and waits for their index builds: the local server can fail a write
 * that races the first createIndex on a new collection.
 */
export async function prepareModels(connection: Connection): Promise<void> {
  new InboundStore(connection);
  new ContactStore(connection);
  new MongoStorage(connection);
  new TranscriptStore(connection);
  handoffModel(connection);
  serviceRequestModel(connection);
  new DirectLineActivityStore(connection);
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
}

export async function seedWhatsAppCustomer(
  connection: Connection,
  waId: string,
  handoffStatus: HandoffStatus = 'resolved',
): Promise<SeededCustomer> {
  counter++;
  const now = new Date();
  const conversationKey = `whatsapp:${waId}`;
  const wamid = `wamid.${waId}.${counter}`;
  await new InboundStore(connection).store(
    {
      wamid,
      waId,
      name: 'Erika Mustermann',
      sentAt: now,
      type: 'text',
      raw: JSON.stringify({ from: waId, text: { body: 'Meine Karte ist weg' } }),
    },
    now,
  );
  await connection.collection('whatsapp_inbound').updateOne({ _id: wamid } as never, { $set: { status: 'done' } });
  await new ContactStore(connection).recordInbound(waId, now, 'Erika Mustermann');
  await connection.collection('whatsapp_statuses').insertOne({
    _id: `wamid.out.${waId}.${counter}`,
    recipientId: waId,
    status: 'read',
    rank: 3,
    updatedAt: now,
    history: [],
  } as never);
  await new MongoStorage(connection).write({
    [`whatsapp/conversations/${waId}/`]: { dialogState: { step: 2 }, eTag: '*' },
    [`whatsapp/users/${waId}/`]: { language: 'de', eTag: '*' },
  });
  await new TranscriptStore(connection).append(conversationKey, [
    { at: now, from: 'customer', text: 'Hallo, hier ist Erika Mustermann' },
    { at: now, from: 'bot', text: 'Guten Tag! Wie kann ich Ihnen helfen?' },
  ]);
  const handoff = await handoffModel(connection).create({
    status: handoffStatus,
    mode: 'live',
    priority: 0,
    category: 'lost_or_stolen',
    reason: 'urgent',
    needsSupervisor: false,
    frustration: { level: 0, score: 0.1 },
    customer: {
      channel: 'whatsapp',
      conversationKey,
      conversationReference: { conversation: { id: waId }, user: { id: waId } },
      name: 'Erika Mustermann',
      userId: waId,
      language: 'de',
    },
    summary: {
      text: 'Karte verloren, Erika Mustermann',
      menuPath: ['Sperre'],
      facts: ['Karte endet auf 1234'],
      references: ['BS-1'],
      mood: 'ruhig',
    },
    transcript: [{ at: now, from: 'customer', text: 'Meine Karte ist weg' }],
    messages: [{ at: now, from: 'agent', text: 'Ich sperre die Karte', name: 'Anna' }],
    notes: [],
    previousAgents: [],
    audit: [
      {
        at: now,
        by: { kind: 'customer', id: waId, name: 'Erika Mustermann' },
        action: 'created',
        detail: 'lost_or_stolen, urgent',
      },
    ],
    ...(handoffStatus === 'queued' || handoffStatus === 'assigned' ? { activeKey: conversationKey } : {}),
    createdAt: now,
    updatedAt: now,
  });
  const request = await serviceRequestModel(connection).create({
    reference: `BS-${waId}-${counter}`,
    type: 'block',
    status: 'done',
    channel: 'whatsapp',
    conversationKey,
    language: 'de',
    details: { cardType: 'Kreditkarte', holder: 'Erika Mustermann' },
    summary: 'Sperre Kreditkarte',
    createdAt: now,
    updatedAt: now,
  });
  return { waId, conversationKey, handoffId: String(handoff._id), requestId: String(request._id), wamid };
}

/** Moves every dated document of the customer `days` into the past. */
export async function age(connection: Connection, customer: SeededCustomer, days: number): Promise<void> {
  const past = new Date(Date.now() - days * DAY);
  const { waId, conversationKey } = customer;
  await connection.collection('whatsapp_inbound').updateMany({ waId }, { $set: { receivedAt: past } });
  await connection
    .collection('whatsapp_contacts')
    .updateMany({ _id: waId } as never, { $set: { lastInboundAt: past } });
  await connection.collection('whatsapp_statuses').updateMany({ recipientId: waId }, { $set: { updatedAt: past } });
  await connection
    .collection('botstate')
    .updateMany({ _id: { $in: [`whatsapp/conversations/${waId}/`, `whatsapp/users/${waId}/`] } } as never, {
      $set: { updatedAt: past },
    });
  await connection
    .collection('transcripts')
    .updateMany({ _id: conversationKey } as never, { $set: { updatedAt: past } });
  await connection
    .collection('handoffs')
    .updateMany({ _id: new Types.ObjectId(customer.handoffId) }, { $set: { updatedAt: past } });
  await connection.collection('servicerequests').updateMany({ conversationKey }, { $set: { updatedAt: past } });
}

/** A web chat customer on the local Direct Line: conversation, activities, state and transcript. */
export async function seedWebChatCustomer(connection: Connection, userId: string): Promise<{ conversationId: string }> {
  counter++;
  const conversationId = `dl_${userId}_${counter}`;
  const store = new DirectLineActivityStore(connection);
  await store.create(conversationId, userId);
  await store.append(conversationId, {
    type: 'message',
    from: { id: userId, name: 'Max' },
    text: 'Meine neue Adresse ist Hauptstraße 1',
  });
  await store.append(conversationId, {
    type: 'message',
    from: { id: 'lotse', name: 'Lotse' },
    text: 'Danke, ich habe Ihre Adresse notiert.',
  });
  await new MongoStorage(connection).write({
    [`directline/conversations/${conversationId}/`]: { dialogState: {}, eTag: '*' },
  });
  await new TranscriptStore(connection).append(`directline:${conversationId}`, [
    { at: new Date(), from: 'customer', text: 'Meine neue Adresse ist Hauptstraße 1' },
  ]);
  return { conversationId };
}
