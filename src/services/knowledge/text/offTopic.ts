import { normalizeText } from '../../nlu/normalize';

/** One word of a pattern: exact, or "*" at either end to match inside a word ("*versicherung"). */
interface WordPattern {
  word: string;
  prefix: boolean;
  suffix: boolean;
}

/** Patterns of one or more words, matched against consecutive words of a message. */
export type PhrasePattern = readonly WordPattern[];

/**
 * Umlauts written as plain vowels ("Auslanderbehorde") or as ae/oe/ue ("Auslaenderbehoerde"): subjects
 * are also compared in this form. Anchors are not: "zuestaendig" would carry "ust" (USt) as "zustandig".
 */
const plainVowels = (word: string): string => word.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
const plainPattern = (pattern: PhrasePattern): PhrasePattern =>
  pattern.map((p) => ({ ...p, word: plainVowels(p.word) }));

/** Reads "kfz*", "*krankenkasse*", "e bike" (normalised like customer text). */
export function phrasePattern(pattern: string): PhrasePattern {
  return pattern
    .trim()
    .split(/\s+/)
    .map((part) => ({
      word: normalizeText(part.replace(/^\*|\*$/g, '')),
      prefix: part.endsWith('*'),
      suffix: part.startsWith('*'),
    }));
}

function wordMatches(token: string, p: WordPattern): boolean {
  if (p.prefix && p.suffix) return token.includes(p.word);
  if (p.prefix) return token.startsWith(p.word);
  if (p.suffix) return token.endsWith(p.word);
  return token === p.word;
}

function occursAt(tokens: readonly string[], pattern: PhrasePattern, start: number): boolean {
  for (let j = 0; j < pattern.length; j++) if (!wordMatches(tokens[start + j], pattern[j])) return false;
  return true;
}

// Plain loops: every knowledge lookup tries every pattern of the lexicon at every position, and a
// closure per position (pattern.every) was a tenth of the memory a menu turn allocated.
export function occurs(tokens: readonly string[], pattern: PhrasePattern): boolean {
  for (let i = 0; i + pattern.length <= tokens.length; i++) if (occursAt(tokens, pattern, i)) return true;
  return false;
}

/** The normalised words of a text, as phrase patterns are matched against them. */
export const words = (text: string): string[] => normalizeText(text).split(' ').filter(Boolean);

/**
 * "Wie kündige ich meine Mitgliedschaft im Fitnessstudio?": a message that names another trade's or an
 * authority's subject and no word of a telecom's own is not for this knowledge base, however well
 * "kündigen" matches; answering it with our cancellation text would sound foolish. A subject that an
 * entry of the knowledge base itself names (an admin's "Wo kann ich mein Fahrrad abstellen?") is ours,
 * and keeps a message ours even beside another off-topic word ("park my bike, Fahrrad abstellen").
 */
export class OffTopicCheck {
  private readonly subjects: readonly PhrasePattern[];
  private readonly plainSubjects: readonly PhrasePattern[];
  private readonly anchors: readonly PhrasePattern[];

  constructor(
    lexicon: { subjects: readonly PhrasePattern[]; anchors: readonly PhrasePattern[] },
    phrasings: readonly string[],
  ) {
    const known = phrasings.map(words);
    const named = (s: PhrasePattern): boolean => known.some((tokens) => occurs(tokens, s));
    this.subjects = lexicon.subjects.filter((s) => !named(s));
    this.plainSubjects = this.subjects.map(plainPattern);
    this.anchors = [...lexicon.anchors, ...lexicon.subjects.filter(named)];
  }

  /** The check for a knowledge base of these entries: subjects an entry names itself are ours. */
  static forEntries(
    lexicon: { subjects: readonly PhrasePattern[]; anchors: readonly PhrasePattern[] },
    entries: readonly { questions: { de: readonly string[]; en: readonly string[] } }[],
  ): OffTopicCheck {
    return new OffTopicCheck(
      lexicon,
      entries.flatMap((e) => [...e.questions.de, ...e.questions.en]),
    );
  }

  /** Whether the message asks about another trade's subject only. */
  test(text: string): boolean {
    if (this.subjects.length === 0) return false;
    const tokens = words(text);
    const plain = tokens.map(plainVowels);
    const subject = this.subjects.some((s) => occurs(tokens, s)) || this.plainSubjects.some((s) => occurs(plain, s));
    return subject && !this.anchors.some((a) => occurs(tokens, a));
  }
}
