/**
 * The hint an agent gets in a handoff thread when a reply breaks the call center's rules (informal
 * address, arguing): what was wrong, the formal suggestion, and "Vorschlag senden" / "Trotzdem
 * senden" (Action.Submit; the reply comes back as a message with value in the same thread).
 */
import type { TFunction } from 'i18next';
import type { AdaptiveCard } from './cards';

export const REPLY_VERB = 'sendReply';

/** What a button sends back: the text to deliver and whether the check is overridden. */
export interface ReplyActionData {
  verb: typeof REPLY_VERB;
  handoffId: string;
  text: string;
  force: boolean;
}

const MAX_TEXT = 4000;

export function replyCheckCard(
  t: TFunction,
  handoffId: string,
  code: string,
  original: string,
  suggestion: string,
): AdaptiveCard {
  const button = (title: string, text: string, force: boolean) => ({
    type: 'Action.Submit',
    title,
    data: { verb: REPLY_VERB, handoffId, text, force } satisfies ReplyActionData,
  });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: t(`agent:replyCheck.${code}`), wrap: true, weight: 'Bolder' },
      { type: 'TextBlock', text: t('agent:replyCheck.suggestion'), wrap: true, isSubtle: true },
      { type: 'TextBlock', text: suggestion, wrap: true },
    ],
    actions: [
      { ...button(t('agent:replyCheck.sendSuggestion'), suggestion, false), style: 'positive' },
      button(t('agent:replyCheck.sendAnyway'), original, true),
    ],
  };
}

/** The data of a "Vorschlag senden" / "Trotzdem senden" click, or undefined for anything else. */
export function readReplyData(value: unknown): Omit<ReplyActionData, 'verb'> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const data = value as Record<string, unknown>;
  if (data.verb !== REPLY_VERB) return undefined;
  const { handoffId, text, force } = data;
  if (typeof handoffId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(handoffId)) return undefined;
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT) return undefined;
  return { handoffId, text, force: force === true };
}
