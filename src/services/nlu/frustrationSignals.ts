import {
  ACRONYMS,
  ANGRY_EMOJI,
  ANGRY_EMOTICON,
  ANNOYED_EMOJI,
  ANNOYED_EMOTICON,
  CENSORED_SWEAR,
  CURSING_EMOJI,
} from './frustrationLexicon';
import type { Evidence } from './frustrationText';
import { fold, foldTokens, normalizeText } from './normalize';
import type { FrustrationHistory } from './types';

/**
 * Short quoted text is a citation (a merchant name on a statement, an error message), not the customer's voice.
 * A single quote opens a citation only after a space or bracket, so the apostrophe of "geht's" never does.
 */
const QUOTED =
  /(^|[\s(:])'[^'\n]{1,40}'(?=[\s.,;:!?)]|$)|"[^"\n]{1,60}"|„[^„“”"\n]{1,60}[“”"]|«[^«»\n]{1,60}»|‚[^‚‘’'\n]{1,40}[‘’']/g;

/** Evidence from the shape of the text: capitals, "!!!", "?!", censored swearing, emoji and emoticons. */
export function shapeEvidence(raw: string, out: Evidence[], urgentOnly: boolean): void {
  const words = raw.replace(QUOTED, ' ').match(/\p{L}+/gu) ?? [];
  let letters = 0;
  let upper = 0;
  let shoutedWords = 0;
  for (const word of words) {
    if (word.length < 2) continue;
    const caps = word.replace(/[^\p{Lu}]/gu, '').length;
    if (ACRONYMS.has(fold(normalizeText(word)))) continue;
    letters += word.length;
    upper += caps;
    if (caps === word.length && word.length >= 3) shoutedWords++;
  }
  // Capitals around an emergency ("KARTE GESTOHLEN BITTE SPERREN") are urgency, not anger.
  const damp = urgentOnly ? 0.4 : 1;
  if (letters >= 8 && upper / letters >= 0.7) out.push({ signal: 'shouting', weight: 0.5 * damp });
  else if (shoutedWords >= 2) out.push({ signal: 'shouting', weight: 0.4 * damp });
  else if (shoutedWords === 1) out.push({ signal: 'shouting', weight: 0.25 * damp });

  const bangs = raw.match(/!{2,}/g);
  const longest = bangs ? Math.max(...bangs.map((b) => b.length)) : 0;
  if (longest >= 3) out.push({ signal: 'exclamation', weight: 0.35 });
  else if (longest === 2) out.push({ signal: 'exclamation', weight: 0.25 });
  if (/\?!|!\?|\?{2,}/.test(raw)) out.push({ signal: 'exasperation', weight: 0.3 });

  if (CENSORED_SWEAR.test(raw)) out.push({ signal: 'swear', weight: 0.6 });
  if (CURSING_EMOJI.test(raw)) out.push({ signal: 'emoji:cursing', weight: 0.65 });
  else if (ANGRY_EMOJI.test(raw) || ANGRY_EMOTICON.test(raw)) out.push({ signal: 'emoji:angry', weight: 0.55 });
  else if (ANNOYED_EMOJI.test(raw) || ANNOYED_EMOTICON.test(raw)) out.push({ signal: 'emoji:annoyed', weight: 0.35 });
}

/** Evidence from the conversation so far: the same request again, failed turns, annoyance that keeps rising. */
export function historyEvidence(
  raw: string,
  tokens: readonly string[],
  history: FrustrationHistory,
  hasEvidence: boolean,
  out: Evidence[],
): void {
  const recent = history.previousTexts.slice(-4);
  const current = tokens.join(' ');
  if (current.length > 0 && tokens.length > 0) {
    const currentSet = new Set(tokens);
    for (const previous of recent) {
      const prevTokens = foldTokens(previous);
      // A one- or two-word message said again ("Hallo", "Ja", "1") is a ping, not a request the bot
      // failed to hear; only a real request repeated counts.
      if (tokens.length >= 3 && prevTokens.join(' ') === current) {
        out.push({ signal: 'repeated', weight: 0.4 });
        break;
      }
      if (tokens.length >= 3 && jaccard(currentSet, new Set(prevTokens)) >= 0.7) {
        out.push({ signal: 'repeated', weight: 0.35 });
        break;
      }
    }
  }

  const failed = history.failedTurns;
  if (failed >= 3) out.push({ signal: 'failed_turns', weight: 0.5 });
  else if (failed === 2) out.push({ signal: 'failed_turns', weight: 0.35 });
  else if (failed === 1) out.push({ signal: 'failed_turns', weight: 0.15 });

  const levels = history.previousLevels.slice(-3);
  const last = levels[levels.length - 1] ?? 0;
  const annoyedTurns = levels.filter((l) => l >= 1).length;
  // Annoyance that is already there does not vanish because one message is short; it builds up.
  if (hasEvidence && last >= 1) out.push({ signal: 'rising', weight: last === 2 ? 0.35 : 0.25 });
  else if (last === 2 && raw.trim().length > 0) out.push({ signal: 'lingering', weight: 0.2 });
  if (annoyedTurns >= 2) out.push({ signal: 'sustained', weight: 0.2 });
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
