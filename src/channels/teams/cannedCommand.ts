import type { TFunction } from 'i18next';
import type { CannedResponse } from '../../services/cannedResponses/cannedResponseRules';
import type { HandoffRecord } from '../../services/handoff/handoffModel';

/** What the thread needs of the canned responses. */
export interface CannedResponseSource {
  list(category?: string): Promise<CannedResponse[]>;
  find(name: string): Promise<CannedResponse | undefined>;
}

export type CannedOutcome = { send: string } | { reply: string };

/**
 * "/t" lists the names fitting the case; "/t name" gives the text in the customer's language to
 * send (through the ordinary agent message path), or the list again when the name is unknown.
 */
export async function cannedOutcome(
  source: CannedResponseSource | undefined,
  record: HandoffRecord,
  name: string | undefined,
  t: TFunction,
): Promise<CannedOutcome> {
  if (!source) return { reply: t('agent:thread.cannedNone') };
  if (name) {
    const found = await source.find(name);
    if (found) return { send: (record.customer.language === 'en' && found.text.en) || found.text.de };
  }
  const names = (await source.list(record.category)).map((r) => r.name);
  if (names.length === 0) return { reply: t('agent:thread.cannedNone') };
  const list = names.join(', ');
  return {
    reply: name
      ? t('agent:thread.cannedUnknown', { name, names: list })
      : t('agent:thread.cannedList', { names: list }),
  };
}
