import { parseHandBackTarget, HandBackTarget } from '../../services/handoff/handBackTargets';
import { trimTrailing } from '../../services/text/trim';

/** What an agent's message in a handoff thread means. */
export type ThreadCommand =
  | { kind: 'end'; target?: HandBackTarget }
  | { kind: 'transfer' }
  | { kind: 'note'; text: string }
  | { kind: 'help' }
  | { kind: 'claim' }
  | { kind: 'canned'; name?: string }
  | { kind: 'message'; text: string };

const END = new Set(['ende', 'beenden', 'end', 'fertig']);
const TRANSFER = new Set(['supervisor', 'übergeben', 'uebergeben', 'transfer']);
const HELP = new Set(['hilfe', 'help', '?']);
const CLAIM = new Set(['übernehmen', 'uebernehmen', 'claim']);
const NOTE = /^\s*(?:notiz|note)\s*:\s*/i;
/** "/t" or "/t name": a canned response (Textbaustein). */
const CANNED = /^\/t(?: +([^ ]+))?$/i;

/**
 * A command is the whole message ("ende", "Supervisor!"), never a word inside a sentence, so
 * "Ich werde das gleich beenden" still goes to the customer.
 */
export function parseThreadCommand(raw: string): ThreadCommand {
  const text = raw.trim();
  const note = NOTE.exec(text);
  if (note) return { kind: 'note', text: text.slice(note[0].length).trim() };
  const canned = CANNED.exec(text);
  if (canned) return canned[1] ? { kind: 'canned', name: canned[1] } : { kind: 'canned' };
  const word = trimTrailing(text.toLowerCase(), '.!').trim();
  if (END.has(word)) return { kind: 'end' };
  const handBack = endWithTarget(word);
  if (handBack) return { kind: 'end', target: handBack };
  if (TRANSFER.has(word)) return { kind: 'transfer' };
  if (HELP.has(word)) return { kind: 'help' };
  if (CLAIM.has(word)) return { kind: 'claim' };
  return { kind: 'message', text };
}

/** "ende rechnung", "Ende Menü": the end word and exactly one target, nothing else. */
function endWithTarget(word: string): HandBackTarget | undefined {
  const space = word.indexOf(' ');
  if (space < 0 || !END.has(word.slice(0, space))) return undefined;
  return parseHandBackTarget(word.slice(space + 1).trim());
}
