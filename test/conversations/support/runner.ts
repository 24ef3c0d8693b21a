import type { Activity, CardAction } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { ADMIN, api } from '../../services/handoff/support/handoffTestApp';
import type { Lang } from '../../../src/services/i18n/i18nService';
import { matchesAny, templatesOf, templatesWhere } from './templates';
import { conversation } from '../../support/testApp';
import type { ConversationApp, KnowledgeText } from './conversationApp';
import type { Say, Script, ScriptLang, Step } from './script';
import type { Facts, HandoffFact, Line, RequestFact, RunRecord } from './transcript';

const LOCALES: Record<ScriptLang, string> = { de: 'de-DE', 'de-AT': 'de-AT', 'de-CH': 'de-CH', en: 'en-GB' };
/** How long an agent's action may take to reach the customer (a busy 2-core machine). */
const PROACTIVE_TIMEOUT_MS = 8000;

function actionsOf(activity: Partial<Activity>): string[] {
  const suggested = (activity.suggestedActions?.actions ?? []).map((a: CardAction) => String(a.title ?? a.value ?? ''));
  const cardButtons = (activity.attachments ?? []).flatMap((a) => {
    const content = a.content as { buttons?: CardAction[]; actions?: { title?: string }[] } | undefined;
    return [
      ...(content?.buttons ?? []).map((b) => String(b.title ?? b.value ?? '')),
      ...(content?.actions ?? []).map((b) => String(b.title ?? '')),
    ];
  });
  return [...suggested, ...cardButtons];
}

// Replies to Swiss customers write "ss" for "ß".
const squash = (text: string) => text.toLowerCase().replace(/ß/g, 'ss').replace(/\s+/g, ' ').trim();

/** The knowledge entry a bot message carries, if any (its first 80 characters appear in it). */
export function knowledgeIn(
  text: string,
  entries: KnowledgeText[],
): { category: string; germanFallback: boolean; lang: 'de' | 'en' } | undefined {
  const body = squash(text);
  for (const e of entries) {
    for (const lang of ['de', 'en'] as const) {
      const snippet = squash(e[lang]).slice(0, 80);
      if (snippet.length >= 25 && body.includes(snippet))
        return { category: e.category, germanFallback: lang === 'de' && e.en.trim() === '', lang };
    }
  }
  return undefined;
}

/** Runs one script against the real service and returns what the customer saw and what was stored. */
export async function runScript(script: Script, target: ConversationApp): Promise<RunRecord> {
  const whatsapp = script.channel === 'whatsapp';
  // A WhatsApp customer is known by the phone number; the web customer by a random id.
  const userId = whatsapp
    ? `49176${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
    : `user-${randomUUID().slice(0, 8)}`;
  const conversationId = whatsapp ? userId : `conv-${randomUUID()}`;
  const chat = conversation(target.baseUrl, {
    channelId: script.channel,
    locale: LOCALES[script.lang],
    userId,
    id: conversationId,
  });
  const key = `${script.channel}:${conversationId}`;
  const lines: Line[] = [];
  const stepProblems: string[] = [];
  const replyChecksFailed: string[] = [];
  let other: ReturnType<typeof conversation> | undefined;
  let seenProactive = 0;
  const db = target.app.database.connection;
  const entries = await target.knowledgeTexts();

  const line = (from: Line['from'], text: string, extra: Partial<Line> = {}): Line => ({
    from,
    text,
    at: target.clock.now().getTime(),
    onDuty: target.onDuty(),
    actions: [],
    proactive: false,
    lastOfTurn: false,
    ...extra,
  });
  const collectProactive = () => {
    const received = target.connector.received.filter(
      (r) => r.conversationId === conversationId && r.activity.type === 'message',
    );
    for (const r of received.slice(seenProactive)) {
      lines.push(
        line('bot', r.activity.text ?? '', { actions: actionsOf(r.activity), proactive: true, lastOfTurn: true }),
      );
    }
    seenProactive = received.length;
  };
  const proactiveCount = () =>
    target.connector.received.filter((r) => r.conversationId === conversationId && r.activity.type === 'message')
      .length;
  const activeHandoff = async () =>
    db.collection('handoffs').findOne({ 'customer.conversationKey': key, status: { $in: ['queued', 'assigned'] } });

  const agentStep = async (step: Extract<Step, { agent: string }>, index: number) => {
    const handoff = await activeHandoff();
    if (!handoff) {
      stepProblems.push(`step ${index + 1} (agent ${step.agent}): no handoff is waiting or assigned`);
      return;
    }
    const role = step.as ?? (handoff.needsSupervisor || handoff.agent?.role === 'supervisor' ? 'supervisor' : 'agent');
    const token = role === 'admin' ? ADMIN : target.tokens[role];
    const call = api(target.baseUrl, token);
    const id = String(handoff._id);
    const before = proactiveCount();
    let res;
    if (step.agent === 'claim') res = await call(`/api/handoffs/${id}/claim`, { method: 'POST' });
    else if (step.agent === 'message')
      res = await call(`/api/handoffs/${id}/messages`, {
        method: 'POST',
        body: { text: step.text ?? 'Guten Tag, ich bin jetzt für Sie da.' },
      });
    else res = await call(`/api/handoffs/${id}/resolve`, { method: 'POST' });
    if (res.status >= 300) {
      stepProblems.push(
        `step ${index + 1} (agent ${step.agent}): the handoff API answered ${res.status} ${JSON.stringify(res.body?.error ?? '')}`,
      );
      return;
    }
    if (step.agent === 'message') lines.push(line('agent', step.text ?? '', { proactive: true }));
    // The customer hears about a claim or a resolution through the channel, after the API call.
    if (step.agent !== 'message') {
      await target.connector
        .waitFor(() => proactiveCount() > before, PROACTIVE_TIMEOUT_MS)
        .catch(() => stepProblems.push(`step ${index + 1} (agent ${step.agent}): the customer was never told`));
    } else {
      await target.connector
        .waitFor(() => proactiveCount() > before, PROACTIVE_TIMEOUT_MS)
        .catch(() => stepProblems.push(`step ${index + 1}: the agent's message never reached the customer`));
      seenProactive = proactiveCount();
    }
  };

  for (const [index, step] of script.turns.entries()) {
    if (typeof step === 'object' && 'agent' in step) {
      await agentStep(step, index);
      collectProactive();
      continue;
    }
    if (typeof step === 'object' && 'pause' in step) {
      target.clock.advance(step.pause);
      continue;
    }
    if (typeof step === 'object' && 'otherCustomer' in step) {
      other ??= conversation(target.baseUrl, { channelId: 'webchat', locale: 'de-DE' });
      await other.say(step.otherCustomer, { serviceUrl: target.connector.serviceUrl });
      continue;
    }
    // "{{ownNumber}}": the WhatsApp customer's own number, as a customer would type it.
    const text = (typeof step === 'string' ? step : step.say).replaceAll('{{ownNumber}}', `0${userId.slice(2)}`);
    collectProactive();
    lines.push(line('customer', text));
    const replies = await chat.say(text, { serviceUrl: target.connector.serviceUrl });
    collectProactive();
    const messages = replies.filter(
      (a) => a.type === 'message' && ((a.text ?? '').trim() !== '' || actionsOf(a).length > 0),
    );
    messages.forEach((m, i) =>
      lines.push(line('bot', m.text ?? '', { actions: actionsOf(m), lastOfTurn: i === messages.length - 1 })),
    );
    if (typeof step === 'object') {
      const reply = messages.map((m) => m.text ?? '').join('\n');
      for (const problem of replyProblems(step, reply, script, entries)) {
        stepProblems.push(`turn ${index + 1} "${text.slice(0, 60)}": ${problem}`);
        replyChecksFailed.push(reply);
      }
    }
  }
  collectProactive();
  const facts = await factsOf(target, key, lines, script);
  // Acting as the queue: nothing this script left waiting may push later scripts back in the line.
  const admin = api(target.baseUrl, ADMIN);
  for (const h of facts.handoffs.filter((f) => f.status === 'queued' || f.status === 'assigned'))
    await admin(`/api/handoffs/${h.id}/resolve`, { method: 'POST' }).catch(() => undefined);
  return { lines, facts, stepProblems, firstFailedReply: replyChecksFailed[0] };
}

const KEY = /^(?:(de|en)\/)?([a-z]+:[\w.-]+)$/i;
/** A key ending in ".*" or ":*" (older scripts wrote ":.*"): every text under it. */
const KEY_GLOB = /^(?:(de|en)\/)?([a-z]+:(?:[\w-]+\.)*\*)$/i;

/**
 * What a turn's reply lacks or says although it must not. "@knowledge" stands for any knowledge
 * answer, "@knowledge:KEY" for one entry; "a || b" is satisfied by either.
 */
function replyProblems(step: Say, reply: string, script: Script, entries: KnowledgeText[]): string[] {
  const lang: Lang = script.lang === 'en' ? 'en' : 'de';
  const found = (check: string): boolean => {
    if (check.includes(' || ')) return check.split(' || ').some((alternative) => found(alternative.trim()));
    if (check === '@knowledge') return knowledgeIn(reply, entries) !== undefined;
    if (check.startsWith('@knowledge:'))
      return (
        knowledgeIn(
          reply,
          entries.filter((e) => e.key === check.slice('@knowledge:'.length)),
        ) !== undefined
      );
    const key = KEY.exec(check);
    if (key) return matchesAny(reply, templatesOf((key[1] as Lang | undefined) ?? lang, key[2])) !== undefined;
    // "handoff:*", "conversation:lost.help.*": any text under the key.
    const glob = KEY_GLOB.exec(check);
    if (glob) {
      const prefix = glob[2].slice(0, -1);
      return (
        matchesAny(
          reply,
          templatesWhere((glob[1] as Lang | undefined) ?? lang, (k) => k.startsWith(prefix)),
        ) !== undefined
      );
    }
    return new RegExp(check, 'i').test(reply);
  };
  return [
    ...(step.replyHas ?? []).filter((c) => !found(c)).map((c) => `the reply should say ${c}`),
    ...(step.replyNot ?? []).filter((c) => found(c)).map((c) => `the reply must not say ${c}`),
  ];
}

const isStep = (key: string) => /^conversation:technical\.steps\.[\w-]+\.\d+\.text$/.test(key);
const STEP_TEXTS = { de: templatesWhere('de', isStep), en: templatesWhere('en', isStep) };

async function factsOf(target: ConversationApp, key: string, lines: Line[], script: Script): Promise<Facts> {
  const db = target.app.database.connection;
  const handoffs: HandoffFact[] = (
    await db.collection('handoffs').find({ 'customer.conversationKey': key }).toArray()
  ).map((h) => ({
    id: String(h._id),
    status: String(h.status),
    mode: String(h.mode),
    category: String(h.category),
    priority: Number(h.priority),
    reason: String(h.reason),
    needsSupervisor: h.needsSupervisor === true,
    ...(typeof h.survey?.rating === 'number' ? { rating: h.survey.rating } : {}),
    hasContact: Boolean(h.contact?.phone || h.contact?.email),
  }));
  const requests: RequestFact[] = (await db.collection('servicerequests').find({ conversationKey: key }).toArray()).map(
    (r) => ({ reference: String(r.reference ?? ''), type: String(r.type), status: String(r.status) }),
  );
  const entries = await target.knowledgeTexts();
  const knowledgeLines = new Map<number, { category: string; germanFallback: boolean }>();
  lines.forEach((l, i) => {
    if (l.from !== 'bot') return;
    const hit = knowledgeIn(l.text, entries);
    if (hit)
      knowledgeLines.set(i, {
        category: hit.category,
        germanFallback: hit.germanFallback || (script.lang === 'en' && hit.lang === 'de'),
      });
    // A troubleshooting step is help from the content too: a step that solved it answered the customer.
    else if (matchesAny(l.text, [...STEP_TEXTS.de, ...STEP_TEXTS.en]))
      knowledgeLines.set(i, { category: 'technical', germanFallback: false });
  });
  return { handoffs, requests, knowledgeLines };
}
