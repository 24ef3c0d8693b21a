/**
 * The benchmark's workloads: each a scripted conversation cycled per connection, driven against
 * Lotse and, with the same texts, against the plain botbuilder dialog bot of bench/baselines/.
 */
import http from 'node:http';
import { signatureFor } from '../src/channels/whatsapp/signature';
import type { FakeGraph, FakeServer } from './support/fakeChannels';
import { Conversation, expectRepliesConversation, requestJson } from './support/load';
import {
  AGENT_SCRIPT,
  ASK_FOR_PERSON,
  CUSTOMER_SCRIPT,
  KNOWLEDGE_SCRIPT,
  WAITING_SCRIPT,
  WHATSAPP_SCRIPT,
} from './script';

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-not-a-secret-0123456789';
export const BENCH_WHATSAPP = {
  appSecret: 'bench-whatsapp-app-secret',
  accessToken: 'bench-whatsapp-access-token',
  phoneNumberId: '100000000001',
  verifyToken: 'bench-verify-token',
};
/** Longest a WhatsApp turn may take before it counts as failed. */
const WHATSAPP_TURN_TIMEOUT_MS = 15_000;

export interface WorkloadContext {
  lotseUrl: string;
  dialogUrl: string;
  connector: FakeServer;
  graph: FakeGraph;
  /** Distinct per run and per phase (warm-up, measured), so no two phases share a conversation. */
  prefix: string;
  agent: http.Agent;
}

/** How one target is driven in one workload. */
export interface Driver {
  open(n: number): Promise<Conversation>;
  /** Conversations are opened before the clock starts (their setup costs requests of its own). */
  openFirst?: boolean;
}

export interface Workload {
  key: string;
  label: string;
  /** The texts (customer's, or the agent's for the relay) of one conversation. */
  script: readonly string[];
  /** What the dialog bot does with the same texts, for the table. */
  baseline: string;
  /** Once per run before the workload is measured (e.g. learning how many replies each step sends). */
  prepare?(ctx: WorkloadContext): Promise<void>;
  lotse(ctx: WorkloadContext): Driver;
  dialog(ctx: WorkloadContext): Driver;
}

/** The same texts as customer turns of the dialog bot (POST /api/messages, expectReplies). */
function dialogTurns(ctx: WorkloadContext): Driver {
  return {
    open: async (n) =>
      expectRepliesConversation(ctx.dialogUrl, ctx.agent, {
        conversationId: `${ctx.prefix}-${n}`,
        userId: `kunde-${ctx.prefix}-${n}`,
        serviceUrl: ctx.connector.url,
      }),
  };
}

/** Lotse through POST /api/messages with expectReplies, as Web Chat through Azure or the Emulator. */
function lotseTurns(ctx: WorkloadContext): Driver {
  return {
    open: async (n) =>
      expectRepliesConversation(ctx.lotseUrl, ctx.agent, {
        conversationId: `${ctx.prefix}-${n}`,
        userId: `kunde-${ctx.prefix}-${n}`,
        serviceUrl: ctx.connector.url,
      }),
  };
}

const admin = { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };

/** A customer who asked for a person, claimed by the bench's admin; each turn is one agent message. */
async function claimedHandoff(ctx: WorkloadContext, n: number): Promise<Conversation> {
  const customer = expectRepliesConversation(ctx.lotseUrl, ctx.agent, {
    conversationId: `${ctx.prefix}-${n}`,
    userId: `kunde-${ctx.prefix}-${n}`,
    serviceUrl: ctx.connector.url,
    channelId: 'webchat',
  });
  await customer.turn(ASK_FOR_PERSON, 0);
  const initiate = customer.lastReplies.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
  const handoffId = (initiate?.value as { handoffId?: string } | undefined)?.handoffId;
  if (!handoffId) throw new Error('the customer was not handed over (no handoff.initiate event)');
  await requestJson(new URL(`/api/handoffs/${handoffId}/claim`, ctx.lotseUrl), ctx.agent, 'POST', {
    headers: admin,
  });
  const url = new URL(`/api/handoffs/${handoffId}/messages`, ctx.lotseUrl);
  return {
    turn: async (text) => {
      await requestJson(url, ctx.agent, 'POST', { body: { text }, headers: admin });
      return 1;
    },
  };
}

/** The dialog bot sends the agent's text into a conversation proactively (continueConversationAsync). */
function dialogRelay(ctx: WorkloadContext): Driver {
  const url = new URL('/api/relay', ctx.dialogUrl);
  return {
    open: async (n) => ({
      turn: async (text) => {
        await requestJson(url, ctx.agent, 'POST', {
          body: { conversationId: `${ctx.prefix}-${n}`, serviceUrl: ctx.connector.url, text },
        });
        return 1;
      },
    }),
  };
}

/** Replies Lotse sends per step of the WhatsApp script, learnt once per run (see prepare). */
let whatsappReplies: number[] | undefined;
let whatsappCustomers = 0;

/** A WhatsApp number that no other conversation of this run uses. */
function newWaId(): string {
  whatsappCustomers++;
  return `49151${String(process.pid % 1000).padStart(3, '0')}${String(whatsappCustomers).padStart(6, '0')}`;
}

/** Posts one signed text webhook, as Meta does. */
async function postWebhook(ctx: WorkloadContext, waId: string, wamid: string, text: string): Promise<void> {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '100200300400500',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '4930123456', phone_number_id: BENCH_WHATSAPP.phoneNumberId },
              contacts: [{ profile: { name: 'Erika Mustermann' }, wa_id: waId }],
              messages: [
                {
                  from: waId,
                  id: wamid,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  await requestJson(new URL('/api/whatsapp', ctx.lotseUrl), ctx.agent, 'POST', {
    body,
    headers: { 'x-hub-signature-256': signatureFor(BENCH_WHATSAPP.appSecret, body) },
  });
}

/** A WhatsApp customer: each turn is a signed webhook, done when its replies reached the Graph fake. */
function whatsappCustomer(ctx: WorkloadContext, n: number): Conversation {
  const waId = newWaId();
  return {
    turn: async (text, index) => {
      const expected = whatsappReplies?.[index] ?? 1;
      const replies = ctx.graph.expect(waId, expected, WHATSAPP_TURN_TIMEOUT_MS);
      await postWebhook(ctx, waId, `wamid.${ctx.prefix}-${n}-${index}`, text);
      await replies;
      return expected;
    },
  };
}

/**
 * How many messages Lotse sends to WhatsApp for each step of the script: one customer walks it,
 * and a step counts what arrived until nothing more came for a second (three when nothing came).
 */
async function learnWhatsappReplies(ctx: WorkloadContext, script: readonly string[]): Promise<number[]> {
  const waId = newWaId();
  const counts: number[] = [];
  for (const [index, text] of script.entries()) {
    const before = ctx.graph.sentTo(waId);
    await postWebhook(ctx, waId, `wamid.${ctx.prefix}-learn-${index}`, text);
    const started = Date.now();
    let last = before;
    let changedAt = started;
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      const now = ctx.graph.sentTo(waId);
      if (now !== last) {
        last = now;
        changedAt = Date.now();
      }
      const quietMs = Date.now() - changedAt;
      if (last > before && quietMs >= 1000) break;
      // A step may send nothing at all: three quiet seconds say so.
      if (last === before && quietMs >= 3000) break;
      if (Date.now() - started > WHATSAPP_TURN_TIMEOUT_MS) break;
    }
    counts.push(last - before);
  }
  return counts;
}

/** A web customer on Lotse's own Direct Line: post the message, then read the replies after the watermark. */
async function directLineCustomer(ctx: WorkloadContext): Promise<Conversation> {
  const base = new URL('/v3/directline/', ctx.lotseUrl);
  const issued = await requestJson<{ token: string; conversationId: string; userId: string }>(
    new URL('tokens/generate', base),
    ctx.agent,
    'POST',
  );
  const auth = { authorization: `Bearer ${issued.token}` };
  await requestJson(new URL('conversations', base), ctx.agent, 'POST', { body: { locale: 'de-DE' }, headers: auth });
  const activities = new URL(`conversations/${encodeURIComponent(issued.conversationId)}/activities`, base);
  const read = async (watermark: string) => {
    const url = new URL(activities);
    url.searchParams.set('watermark', watermark);
    return requestJson<{ activities: { type?: string; from?: { id?: string } }[]; watermark: string }>(
      url,
      ctx.agent,
      'GET',
      { headers: auth },
    );
  };
  let watermark = (await read('')).watermark;
  return {
    turn: async (text) => {
      await requestJson(activities, ctx.agent, 'POST', {
        body: { type: 'message', text, locale: 'de-DE', from: { id: issued.userId, name: 'Kunde' } },
        headers: auth,
      });
      const page = await read(watermark);
      watermark = page.watermark;
      return page.activities.filter((a) => a.type === 'message' && a.from?.id !== issued.userId).length;
    },
  };
}

export const WORKLOADS: Workload[] = [
  {
    key: 'menu',
    label: 'menu walk',
    script: CUSTOMER_SCRIPT,
    baseline: 'same texts',
    lotse: lotseTurns,
    dialog: dialogTurns,
  },
  {
    key: 'knowledge',
    label: 'knowledge questions',
    script: KNOWLEDGE_SCRIPT,
    baseline: 'same texts',
    lotse: lotseTurns,
    dialog: dialogTurns,
  },
  {
    key: 'waiting',
    label: 'waiting customers writing',
    script: WAITING_SCRIPT,
    baseline: 'same texts',
    lotse: lotseTurns,
    dialog: dialogTurns,
  },
  {
    key: 'relay',
    label: 'agent relay (handoff API)',
    script: AGENT_SCRIPT,
    baseline: 'proactive send',
    lotse: (ctx) => ({ open: (n) => claimedHandoff(ctx, n), openFirst: true }),
    dialog: dialogRelay,
  },
  {
    key: 'whatsapp',
    label: 'WhatsApp inbound (webhook to reply)',
    script: WHATSAPP_SCRIPT,
    baseline: 'same texts',
    prepare: async (ctx) => {
      whatsappReplies = await learnWhatsappReplies(ctx, WHATSAPP_SCRIPT);
    },
    lotse: (ctx) => ({ open: async (n) => whatsappCustomer(ctx, n) }),
    dialog: dialogTurns,
  },
  {
    key: 'directline',
    label: 'Direct Line (post, then read)',
    script: CUSTOMER_SCRIPT,
    baseline: 'same texts',
    lotse: (ctx) => ({ open: () => directLineCustomer(ctx), openFirst: true }),
    dialog: dialogTurns,
  },
];

/** The replies per WhatsApp step as learnt in this run (for the report). */
export function learntWhatsappReplies(): number[] | undefined {
  return whatsappReplies;
}
