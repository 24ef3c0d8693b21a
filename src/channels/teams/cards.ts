/**
 * The handoff card in the agents' channel (Adaptive Card 1.4). One card per handoff, re-rendered
 * from the record for every state, so the card that replaces the old one for everyone always tells
 * the truth: waiting with an "Übernehmen" button, taken by somebody, closed.
 */
import type { Attachment } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { HandoffListItem } from '../../services/handoff/handoffModel';
import { agentToolElements } from './agentToolsCard';
import { escapeTeamsMarkdown } from './markdown';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CLAIM_VERB = 'claim';

/** What the card's buttons send back: Action.Execute as action.data, Action.Submit as value. */
export interface ClaimActionData {
  verb: typeof CLAIM_VERB;
  handoffId: string;
}

export type CardNotice =
  { kind: 'alreadyTaken'; name: string } | { kind: 'transferred'; name: string } | { kind: 'supervisorOnly' };

export interface CardOptions {
  t: TFunction;
  timeZone: string;
  botName: string;
  now?: Date;
  /** An extra line for the one who pressed the button (e.g. "already taken by …"). */
  notice?: CardNotice;
}

type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  [key: string]: unknown;
}

export function cardAttachment(card: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** The card for a handoff in its current state. */
export function handoffCard(handoff: HandoffListItem, options: CardOptions): AdaptiveCard {
  const { t } = options;
  const now = options.now ?? new Date();
  const category = t(`agent:category.${handoff.category}`, { defaultValue: handoff.category });
  const titleKey =
    handoff.mode === 'callback'
      ? 'agent:card.titleCallback'
      : handoff.needsSupervisor
        ? 'agent:card.titleSupervisor'
        : 'agent:card.title';
  const created = new Date(handoff.createdAt);
  const until = handoff.claimedAt ? new Date(handoff.claimedAt) : now;
  const minutes = Math.max(0, Math.floor((until.getTime() - created.getTime()) / 60000));
  const clock = new Intl.DateTimeFormat('de-DE', { timeZone: options.timeZone, hour: '2-digit', minute: '2-digit' });
  const time = clock.format(created);
  // The agent must answer before WhatsApp's 24-hour window closes; after it only a template reaches the customer.
  const windowFact = handoff.windowClosesAt
    ? [
        {
          title: t('agent:card.windowCloses'),
          value: t('agent:card.windowClosesValue', { time: clock.format(new Date(handoff.windowClosesAt)) }),
        },
      ]
    : [];

  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: t(titleKey, { category }),
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
      color: handoff.priority <= 1 ? 'Attention' : 'Default',
    },
    {
      type: 'FactSet',
      facts: [
        { title: t('agent:card.category'), value: category },
        {
          title: t('agent:card.priority'),
          value: t(`agent:priority.${handoff.priorityName}`, { defaultValue: handoff.priorityName }),
        },
        { title: t('agent:card.waiting'), value: t('agent:card.waitingValue', { time, minutes }) },
        { title: t('agent:card.mood'), value: t(`agent:mood.${handoff.frustration?.level ?? 0}`) },
        { title: t('agent:card.channel'), value: channelName(t, handoff.customer.channel) },
        ...windowFact,
        {
          title: t('agent:card.customer'),
          value: handoff.customer.name ? escapeTeamsMarkdown(handoff.customer.name) : t('agent:card.customerUnknown'),
        },
      ],
    },
  ];
  if (handoff.summary?.text) {
    body.push({ type: 'TextBlock', text: t('agent:card.summary'), weight: 'Bolder', spacing: 'Medium', wrap: true });
    body.push({ type: 'TextBlock', text: escapeTeamsMarkdown(handoff.summary.text), wrap: true, spacing: 'Small' });
  }

  const status = statusLine(handoff, options, minutes);
  if (status)
    body.push({ type: 'TextBlock', text: status, weight: 'Bolder', wrap: true, spacing: 'Medium', color: 'Good' });
  if (options.notice) {
    const notice = options.notice;
    const text =
      notice.kind === 'supervisorOnly'
        ? t('agent:thread.supervisorOnly')
        : t(notice.kind === 'alreadyTaken' ? 'agent:card.alreadyTaken' : 'agent:card.transferredBy', {
            name: escapeTeamsMarkdown(notice.name),
          });
    body.push({ type: 'TextBlock', text, wrap: true, color: 'Warning' });
  }
  if (handoff.status === 'assigned') {
    body.push({
      type: 'TextBlock',
      text: t('agent:card.threadHint', { bot: options.botName }),
      wrap: true,
      isSubtle: true,
      size: 'Small',
    });
  }

  body.push(...agentToolElements(handoff, t));

  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
  };
  if (handoff.status === 'queued') card.actions = [claimAction(handoff.id, t('agent:card.claim'))];
  return card;
}

/**
 * Action.Execute for Universal Actions (an `adaptiveCard/action` invoke); clients without them
 * use the fallback Action.Submit, which arrives as a message with value and replyToId.
 */
function claimAction(handoffId: string, title: string): CardElement {
  const data: ClaimActionData = { verb: CLAIM_VERB, handoffId };
  return {
    type: 'Action.Execute',
    title,
    verb: CLAIM_VERB,
    data: { handoffId },
    style: 'positive',
    fallback: { type: 'Action.Submit', title, data },
  };
}

function statusLine(handoff: HandoffListItem, options: CardOptions, minutes: number): string | undefined {
  const { t } = options;
  const agentName = escapeTeamsMarkdown(handoff.agent?.name ?? '');
  switch (handoff.status) {
    case 'assigned':
      return t('agent:card.claimedAfter', { name: agentName, minutes });
    case 'resolved':
      return t('agent:card.resolvedBy', { name: agentName });
    case 'cancelled':
    case 'abandoned':
      return t('agent:card.cancelled');
    default:
      return undefined;
  }
}

export function channelName(t: TFunction, channel: string): string {
  const key = `agent:channel.${channel}`;
  return t(key, { defaultValue: '' }) || t('agent:channel.other', { channel });
}

/** Reads a claim from an Action.Execute data object or an Action.Submit value; undefined if it is none. */
export function readClaimData(value: unknown, verb?: string): { handoffId: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const data = value as Record<string, unknown>;
  const effectiveVerb = verb ?? data.verb;
  if (effectiveVerb !== CLAIM_VERB) return undefined;
  const handoffId = data.handoffId;
  if (typeof handoffId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(handoffId)) return undefined;
  return { handoffId };
}
