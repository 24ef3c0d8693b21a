/**
 * A formal rewrite of an agent's informal German ("Hast du deine Kundennummer da?" -> "Haben Sie
 * Ihre Kundennummer da?"): the suggestion an agent can send with one click. It rewrites the common
 * forms (pronouns, possessives, the verb next to "du"); the agent reads it before sending.
 */

/** Pronouns and possessives: informal -> formal (lowercase keys). */
const WORDS: Record<string, string> = {
  du: 'Sie',
  dich: 'Sie',
  dir: 'Ihnen',
  dein: 'Ihr',
  deine: 'Ihre',
  deinen: 'Ihren',
  deinem: 'Ihrem',
  deiner: 'Ihrer',
  deines: 'Ihres',
  euch: 'Ihnen',
  euer: 'Ihr',
  eure: 'Ihre',
  euren: 'Ihren',
  eurem: 'Ihrem',
  eurer: 'Ihrer',
  eures: 'Ihres',
};

/** Verbs whose "du" form does not become the formal one by "-st" -> "-en". */
const IRREGULAR: Record<string, string> = {
  bist: 'sind',
  hast: 'haben',
  kannst: 'können',
  musst: 'müssen',
  willst: 'wollen',
  darfst: 'dürfen',
  sollst: 'sollen',
  weißt: 'wissen',
  weisst: 'wissen',
  wirst: 'werden',
  magst: 'mögen',
  möchtest: 'möchten',
  gibst: 'geben',
  nimmst: 'nehmen',
  siehst: 'sehen',
  liest: 'lesen',
  hilfst: 'helfen',
  sprichst: 'sprechen',
  fährst: 'fahren',
  läufst: 'laufen',
  hältst: 'halten',
  lässt: 'lassen',
  schläfst: 'schlafen',
  triffst: 'treffen',
  vergisst: 'vergessen',
  isst: 'essen',
  wartest: 'warten',
  findest: 'finden',
  schickst: 'schicken',
  sendest: 'senden',
  meldest: 'melden',
  redest: 'reden',
  arbeitest: 'arbeiten',
};

/** Lowercase words ending in "st" that are no verbs. */
const NOT_VERBS = new Set([
  'fast',
  'erst',
  'selbst',
  'sonst',
  'meist',
  'zuerst',
  'zumindest',
  'mindestens',
  'längst',
  'nächst',
  'best',
]);

const WORD = /[\p{L}]+|[^\p{L}]+/gu;

function formalVerb(word: string): string | undefined {
  const lower = word.toLowerCase();
  const known = IRREGULAR[lower];
  if (known) return known;
  if (NOT_VERBS.has(lower)) return undefined;
  // "brauchst" -> "brauchen", "hättest" -> "hätten", "könntest" -> "könnten".
  if (lower.length > 4 && lower.endsWith('est')) return `${lower.slice(0, -3)}en`;
  if (lower.length > 3 && lower.endsWith('st')) return `${lower.slice(0, -2)}en`;
  return undefined;
}

/** The verb at the end of the clause "du" opens: a lowercase "-st" word before the next punctuation. */
function clauseVerb(
  tokens: string[],
  words: { t: string; i: number }[],
  from: number,
): { t: string; i: number } | undefined {
  for (let k = from + 1; k < words.length && k <= from + 8; k++) {
    const between = tokens.slice(words[k - 1].i + 1, words[k].i).join('');
    if (/[.,;:!?]/.test(between)) return undefined;
    const w = words[k].t;
    if (/^\p{Ll}+st$/u.test(w) && formalVerb(w)) return words[k];
  }
  return undefined;
}

function withCase(original: string, replacement: string): string {
  // Formal pronouns are always capitalised; a verb keeps the capital of a sentence start.
  if (/^\p{Lu}/u.test(original)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/** The text with informal address replaced by the formal one; the rest is left as written. */
export function formalRewrite(text: string): string {
  const tokens = text.match(WORD) ?? [];
  const words = tokens.map((t, i) => ({ t, i })).filter(({ t }) => /\p{L}/u.test(t));
  const out = [...tokens];
  words.forEach(({ t, i }, n) => {
    const lower = t.toLowerCase();
    if (lower === 'du') {
      // The verb next to "du": before it in a question ("Hast du"), after it in a statement ("du hast").
      const before = words[n - 1];
      const after = words[n + 1];
      const verbBefore = before ? formalVerb(before.t) : undefined;
      if (before && verbBefore) out[before.i] = withCase(before.t, verbBefore);
      else if (after && formalVerb(after.t)) out[after.i] = formalVerb(after.t) as string;
      else {
        // A subordinate clause puts the verb last ("ob du eine Mail bekommen hast").
        const last = clauseVerb(tokens, words, n);
        if (last) out[last.i] = formalVerb(last.t) as string;
      }
    }
    const formal = WORDS[lower];
    if (formal) out[i] = formal;
  });
  return out.join('');
}
