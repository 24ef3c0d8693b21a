/**
 * What Lotse stores about customers, collection by collection, and what retention and erasure do
 * with it. The collections belong to other services; this registry only names them (their
 * `collection:` in the models) and the fields that date a document and tie it to a customer.
 */
import type { mongo } from 'mongoose';

export type Document = mongo.Document;
/** A query on a collection whose schema this registry does not own (ids may be strings). */
export type Filter = Record<string, unknown>;

/** A customer as the admin API names them: a channel user id (wa_id for WhatsApp, the Web Chat user id). */
export interface CustomerRef {
  customerId: string;
  /** channel + ":" + conversation id of every conversation found for the customer. */
  conversationKeys: string[];
  /** Handoff record ids (hex) of the customer. */
  handoffIds: string[];
}

/** A field update that removes personal data but keeps what statistics need. */
export interface Anonymisation {
  $set?: Record<string, unknown>;
  $unset?: Record<string, ''>;
}

export type RetentionAction = 'delete' | { anonymise: (doc: Document) => Anonymisation };

export interface RetentionRule {
  collection: string;
  /** Shown in sweep reports and the export. */
  description: string;
  /** Date field that says how old a document is. */
  dateField: string;
  /** delete the document, or anonymise it (kept for statistics, marked with `anonymisedAt`). */
  action: RetentionAction;
  /** What erasing a customer does here; default: the same as retention. */
  erase?: RetentionAction;
  /** Only documents matching this are swept (e.g. closed handoffs, processed messages). */
  sweepOnly?: Filter;
  /** The filter for one customer's documents; null when the collection holds none of theirs. */
  customerFilter(customer: CustomerRef): Filter | null;
  /** Conversation keys and handoff ids this collection links to a customer id. */
  discover?(
    customerId: string,
    find: (filter: Filter, projection: Document) => Promise<Document[]>,
  ): Promise<Partial<Omit<CustomerRef, 'customerId'>>>;
}

const CLOSED_HANDOFF = ['resolved', 'cancelled', 'abandoned'];
const ERASED = 'erased';

function conversationIdsOf(customer: CustomerRef, channel?: string): string[] {
  return customer.conversationKeys
    .filter((key) => channel === undefined || key.startsWith(`${channel}:`))
    .map((key) => key.slice(key.indexOf(':') + 1));
}

/** Channels whose user state may hold a customer; their conversations add their own channel. */
const CUSTOMER_CHANNELS = ['whatsapp', 'directline', 'webchat', 'emulator', 'test'];

/** Botbuilder's exact state keys: "<channel>/conversations/<id>/" and "<channel>/users/<id>/". */
function botStateKeys(customer: CustomerRef): string[] {
  const channels = new Set(CUSTOMER_CHANNELS);
  const keys = customer.conversationKeys.map((key) => {
    const channel = key.slice(0, key.indexOf(':'));
    channels.add(channel);
    return `${channel}/conversations/${key.slice(channel.length + 1)}/`;
  });
  for (const channel of channels) keys.push(`${channel}/users/${customer.customerId}/`);
  return keys;
}

/** The user state documents of a customer id, one per customer channel. */
function userStateIds(customerId: string): string[] {
  return CUSTOMER_CHANNELS.map((channel) => `${channel}/users/${customerId}/`);
}

export const DEFAULT_RETENTION_RULES: RetentionRule[] = [
  {
    // GridFS metadata of the images and PDFs customers sent (the export lists name, type and size,
    // never the content); the file store then removes the content of deleted entries.
    collection: 'customer_files.files',
    description: 'images and PDF documents the customer sent for an agent',
    dateField: 'uploadDate',
    action: 'delete',
    customerFilter: (c) =>
      c.conversationKeys.length ? { 'metadata.conversationKey': { $in: c.conversationKeys } } : null,
  },
  {
    collection: 'customer_links',
    description: "which conversations are the customer's (channel user id to conversation)",
    dateField: 'lastSeenAt',
    action: 'delete',
    customerFilter: (c) => ({ customerId: c.customerId }),
    discover: async (customerId, find) => {
      const docs = await find({ customerId }, { conversationKey: 1 });
      return { conversationKeys: docs.map((d) => d.conversationKey).filter((k): k is string => typeof k === 'string') };
    },
  },
  {
    collection: 'transcripts',
    description: 'recent lines of each conversation (masked)',
    dateField: 'updatedAt',
    action: 'delete',
    customerFilter: (c) => (c.conversationKeys.length ? { _id: { $in: c.conversationKeys } } : null),
  },
  {
    collection: 'botstate',
    description: 'conversation and user state of the dialogs',
    dateField: 'updatedAt',
    action: 'delete',
    customerFilter: (c) => ({ _id: { $in: botStateKeys(c) } }),
    // Conversations from before customer_links existed: the profile names the last one.
    discover: async (customerId, find) => {
      const docs = await find({ _id: { $in: userStateIds(customerId) } }, { _id: 1, data: 1 });
      const keys: string[] = [];
      for (const doc of docs) {
        try {
          const last = (JSON.parse(String(doc.data ?? '{}')) as { lotseProfile?: { lastConversationId?: unknown } })
            .lotseProfile?.lastConversationId;
          if (typeof last === 'string' && last !== '') keys.push(`${String(doc._id).split('/')[0]}:${last}`);
        } catch {
          // unreadable state: nothing to link
        }
      }
      return { conversationKeys: keys };
    },
  },
  {
    collection: 'handoffs',
    description: 'supervisor queue records: the customer part is anonymised, the figures stay',
    dateField: 'updatedAt',
    sweepOnly: { status: { $in: CLOSED_HANDOFF } },
    action: {
      anonymise: (doc) => ({
        $set: {
          'customer.conversationKey': ERASED,
          'customer.name': ERASED,
          transcript: [],
          messages: [],
          notes: [],
          'summary.text': '',
          'summary.facts': [],
          'summary.references': [],
          audit: ((doc.audit as Document[] | undefined) ?? []).map((entry) => ({
            at: entry.at,
            action: entry.action,
            by: entry.by?.kind === 'customer' ? { kind: 'customer', id: ERASED, name: ERASED } : entry.by,
          })),
          // An erased customer can no longer be waiting: the handoff ends with the data.
          ...(CLOSED_HANDOFF.includes(String(doc.status)) ? {} : { status: 'cancelled', closedAt: new Date() }),
        },
        $unset: { 'customer.userId': '', 'customer.conversationReference': '', activeKey: '', nextUpdateAt: '' },
      }),
    },
    customerFilter: (c) => ({
      $or: [
        { 'customer.userId': c.customerId },
        ...(c.conversationKeys.length ? [{ 'customer.conversationKey': { $in: c.conversationKeys } }] : []),
      ],
    }),
    discover: async (customerId, find) => {
      const docs = await find({ 'customer.userId': customerId }, { _id: 1, 'customer.conversationKey': 1 });
      return {
        conversationKeys: docs
          .map((d) => d.customer?.conversationKey)
          .filter((k): k is string => typeof k === 'string'),
        handoffIds: docs.map((d) => String(d._id)),
      };
    },
  },
  {
    collection: 'handoff_messages',
    description: 'what customer and agent wrote after a handoff, one line each (masked)',
    dateField: 'at',
    action: 'delete',
    customerFilter: (c) =>
      c.handoffIds.length || c.conversationKeys.length
        ? {
            $or: [
              ...(c.handoffIds.length ? [{ handoffId: { $in: c.handoffIds } }] : []),
              ...(c.conversationKeys.length ? [{ conversationKey: { $in: c.conversationKeys } }] : []),
            ],
          }
        : null,
  },
  {
    collection: 'handoffevents',
    description: 'handoff events shared between instances (also expire after a day where TTL works)',
    dateField: 'at',
    action: 'delete',
    customerFilter: (c) => (c.handoffIds.length ? { handoffId: { $in: c.handoffIds } } : null),
  },
  {
    collection: 'handoffrequests',
    description: 'handoff requests recorded before the queue existed',
    dateField: 'createdAt',
    action: 'delete',
    customerFilter: (c) => ({
      $or: [
        { 'conversationReference.user.id': c.customerId },
        ...conversationIdsOf(c).map((id) => ({ 'conversationReference.conversation.id': id })),
      ],
    }),
  },
  {
    collection: 'whatsapp_inbound',
    description: 'inbound WhatsApp messages: body, name and number go, the wamid stays against redelivery',
    dateField: 'receivedAt',
    sweepOnly: { status: { $in: ['done', 'failed'] } },
    action: { anonymise: () => ({ $set: { raw: '', waId: ERASED }, $unset: { name: '', error: '' } }) },
    erase: 'delete',
    customerFilter: (c) => ({ waId: c.customerId }),
    discover: async (customerId, find) => {
      const docs = await find({ waId: customerId }, { _id: 1 });
      return { conversationKeys: docs.length ? [`whatsapp:${customerId}`] : [] };
    },
  },
  {
    collection: 'whatsapp_contacts',
    description: "WhatsApp customer's name and service window",
    dateField: 'lastInboundAt',
    action: 'delete',
    customerFilter: (c) => ({ _id: c.customerId }),
    discover: async (customerId, find) => {
      const docs = await find({ _id: customerId }, { _id: 1 });
      return { conversationKeys: docs.length ? [`whatsapp:${customerId}`] : [] };
    },
  },
  {
    collection: 'whatsapp_statuses',
    description: 'delivery states of messages sent to WhatsApp customers',
    dateField: 'updatedAt',
    action: 'delete',
    customerFilter: (c) => ({ recipientId: c.customerId }),
  },
  {
    collection: 'directline_activities',
    description: 'activities of local Direct Line (web chat) conversations',
    dateField: 'createdAt',
    action: 'delete',
    customerFilter: (c) => {
      const ids = conversationIdsOf(c, 'directline');
      return ids.length ? { conversationId: { $in: ids } } : null;
    },
  },
  {
    collection: 'directline_conversations',
    description: 'local Direct Line conversations and their web chat user',
    dateField: 'updatedAt',
    action: 'delete',
    customerFilter: (c) => ({ $or: [{ userId: c.customerId }, { _id: { $in: conversationIdsOf(c, 'directline') } }] }),
    discover: async (customerId, find) => {
      const docs = await find({ userId: customerId }, { _id: 1 });
      return { conversationKeys: docs.map((d) => `directline:${String(d._id)}`) };
    },
  },
  {
    collection: 'directline_revocations',
    description: 'revoked Direct Line conversations (random ids only), kept while a token could live',
    dateField: 'revokedAt',
    action: 'delete',
    customerFilter: () => null,
  },
  {
    collection: 'servicerequests',
    description: 'back-office requests: the reference, type and dates stay, the details go',
    dateField: 'updatedAt',
    action: { anonymise: () => ({ $set: { details: {}, summary: '', conversationKey: ERASED } }) },
    customerFilter: (c) => (c.conversationKeys.length ? { conversationKey: { $in: c.conversationKeys } } : null),
  },
];
