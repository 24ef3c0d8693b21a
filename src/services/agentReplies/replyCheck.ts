/**
 * The call center's rules for what an agent sends a customer: formal address ("Sie", never "du")
 * and no arguing ("Das ist Ihre Schuld", "Da kann ich nichts machen"). One check for live replies
 * (desk, Teams thread) and the training's feedback.
 */
import { arguingPhrases, foldReply } from './arguing';
import { formalRewrite } from './formalRewrite';
import { informalWords } from './informalAddress';

export type ReplyProblem = 'InformalAddress' | 'ArguingTone';

export type ReplyVerdict =
  | { ok: true }
  | {
      ok: false;
      /** The first rule broken (informal address before arguing). */
      code: ReplyProblem;
      /** What was found: the informal words, then the arguing phrases. */
      found: string[];
      /** The reply rewritten: formal address, arguing sentences replaced by the neutral line. */
      suggestion: string;
    };

const SENTENCES = /[^.!?\n]+[.!?]*\s*|\n+/g;

/**
 * Checks one reply. `neutralLine` (from the locales, in the customer's language) stands in for the
 * sentences that argue; a reply made only of arguing gets just that line.
 */
export function checkAgentReply(text: string, neutralLine: string): ReplyVerdict {
  const informal = informalWords(text);
  // Rewritten first, so "Das ist doch dein Fehler" is found as the arguing "Ihr Fehler" too.
  const formal = informal.length > 0 ? formalRewrite(text) : text;
  const arguing = arguingPhrases(formal);
  if (informal.length === 0 && arguing.length === 0) return { ok: true };
  let suggestion = formal;
  if (arguing.length > 0) {
    const kept = (formal.match(SENTENCES) ?? [formal]).filter((s) => !arguing.some((p) => foldReply(s).includes(p)));
    suggestion = [neutralLine, kept.join('').trim()].filter(Boolean).join(' ');
  }
  return {
    ok: false,
    code: informal.length > 0 ? 'InformalAddress' : 'ArguingTone',
    found: [...new Set([...informal, ...arguing])],
    suggestion,
  };
}
