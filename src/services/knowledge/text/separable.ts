import { normalizeText } from '../../nlu/normalize';
import { stemToken } from './stem';

/** Particle ("ab") -> stems of the verbs it forms with a base ("abbuch" for "ab-buchen"). */
export type SeparableVerbs = ReadonlyMap<string, ReadonlySet<string>>;

/** Reads "ab-buchen", "zurück-rufen": the particle, a hyphen, the base verb. */
export function separableVerbs(list: readonly string[]): SeparableVerbs {
  const byParticle = new Map<string, Set<string>>();
  for (const item of list) {
    const [particle, base, ...rest] = item.split('-').map((part) => normalizeText(part));
    if (!particle || !base || rest.length > 0 || particle.includes(' ') || base.includes(' '))
      throw new Error(`lexicon: separableVerbs "${item}" must be particle-verb ("ab-buchen")`);
    const stems = byParticle.get(particle) ?? new Set<string>();
    stems.add(stemToken(particle + base));
    byParticle.set(particle, stems);
  }
  return byParticle;
}

/** Clause ends: a sentence mark or a comma followed by a space (not "39,99" or "z.B."). */
const CLAUSE_END = /[.!?;:,](?:\s+|$)/;
/** The finite verb stands at most this many words into its clause ("Hallo, wann genau buchen Sie …"). */
const VERB_REACH = 4;

/**
 * "Wann buchen Sie die Rechnung ab?" asks about "abbuchen", not "buchen" (adding an option): a clause
 * that ends in a verb's particle gets the particle back on the verb, so questions meet phrasings
 * that use the whole verb ("Wann wird abgebucht?"). Only verbs the lexicon lists are joined.
 */
export function wordsWithJoinedVerbs(text: string, verbs: SeparableVerbs): string[] {
  const words: string[] = [];
  for (const clause of text.split(CLAUSE_END)) {
    const tokens = normalizeText(clause).split(' ').filter(Boolean);
    const last = tokens.length - 1;
    const stems = last >= 1 ? verbs.get(tokens[last]) : undefined;
    if (stems) {
      const verb = tokens
        .slice(0, Math.min(last, VERB_REACH))
        .findIndex((token) => stems.has(stemToken(tokens[last] + token)));
      if (verb >= 0) {
        tokens[verb] = tokens[last] + tokens[verb];
        tokens.pop();
      }
    }
    words.push(...tokens);
  }
  return words;
}
