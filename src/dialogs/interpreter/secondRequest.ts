import type { TurnContext } from 'botbuilder';
import type { Intent } from '../../services/nlu/types';
import { maskSensitive } from '../../services/privacy/masking';
import type { DialogDeps } from '../dialogDeps';
import { foldedText } from './cues';

/** Words where a message goes on to a second matter: "…, und die Rechnung ist auch zu hoch", "außerdem". */
const JOINERS = new Set(['und', 'sowie', 'außerdem', 'ausserdem', 'zudem', 'also', 'plus']);
/** Joining words that add a matter by themselves ("…, außerdem möchte ich wissen …"). */
const ADDING_JOINERS = new Set(['sowie', 'außerdem', 'ausserdem', 'zudem', 'also', 'plus']);
/** Words that add a matter (folded): "auch", "außerdem", "zudem", "also", "as well". */
const ADDED = /(?:^| )(?:auch|auserdem|ausserdem|zudem|noch was|noch etwas|also|as wel|another)(?= |$)/;
/** Requests a customer can name second; the urgent lane takes over on its own. */
const SECOND_REQUESTS = new Set<Intent>(['billing', 'technical', 'general', 'data_change', 'complaint']);
/** A clause must name its matter this surely to be taken as a second request. */
const SURE = 0.7;

/**
 * "Mein Handy hat kein Netz und die Rechnung ist auch zu hoch": the part of a message that names a
 * request of another area than the one being taken up first, so it is not forgotten.
 */
export function secondRequest(deps: Pick<DialogDeps, 'triage'>, text: string, first: Intent): string | undefined {
  const { parts, adding } = clauses(text);
  // "… und die Rechnung ist auch zu hoch", "außerdem": only a matter added as such is a second request,
  // not "… weil meine Kündigung nicht bestätigt wird und weiter Rechnungen kommen".
  if (parts.length < 2 || !(adding || ADDED.test(foldedText(parts.slice(1).join(' '))))) return undefined;
  for (const part of parts) {
    if (foldedText(part).split(' ').length < 3) continue;
    const { intent, confidence } = deps.triage.assess(part).intent;
    if (SECOND_REQUESTS.has(intent) && intent !== first && confidence >= SURE) return part;
  }
  return undefined;
}

/** The clauses of a message, split before each joining word (word by word, so it stays linear). */
function clauses(text: string): { parts: string[]; adding: boolean } {
  const parts: string[][] = [[]];
  let adding = false;
  for (const word of text.split(/\s+/)) {
    const bare = trimPunctuation(word.toLowerCase());
    if (JOINERS.has(bare) && (parts.at(-1)?.length ?? 0) > 0) {
      parts.push([]);
      adding ||= ADDING_JOINERS.has(bare);
    } else parts.at(-1)?.push(word);
  }
  return { parts: parts.map((p) => trimPunctuation(p.join(' ').trim())).filter((p) => p !== ''), adding };
}

/** "Netz," -> "Netz": commas, semicolons and full stops at either end removed. */
function trimPunctuation(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && ',;.'.includes(text[start])) start++;
  while (end > start && ',;.'.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

/**
 * Keeps the second request of a message that begins another one: noted for the team at once, and the
 * customer is told both will be taken up.
 */
export async function noteSecondRequest(
  deps: Pick<DialogDeps, 'triage' | 'sessions'>,
  ctx: TurnContext,
  text: string,
  first: Intent,
): Promise<void> {
  const session = await deps.sessions.get(ctx);
  if (session.pendingRequest) return;
  const second = secondRequest(deps, text, first);
  if (!second) return;
  session.pendingRequest = second.slice(0, 300);
  await deps.sessions.addFact(ctx, `Zweites Anliegen: ${maskSensitive(second).slice(0, 120)}`);
  const t = await deps.sessions.t(ctx);
  await ctx.sendActivity(t('conversation:twoRequests.both'));
}

/** The second request kept earlier, taken (and forgotten) now that the first one is done. */
export async function takePendingRequest(
  deps: Pick<DialogDeps, 'sessions'>,
  ctx: TurnContext,
): Promise<string | undefined> {
  const session = await deps.sessions.get(ctx);
  const pending = session.pendingRequest;
  if (!pending) return undefined;
  session.pendingRequest = undefined;
  const t = await deps.sessions.t(ctx);
  await ctx.sendActivity(t('conversation:twoRequests.next', { text: maskSensitive(pending).slice(0, 80) }));
  return pending;
}
