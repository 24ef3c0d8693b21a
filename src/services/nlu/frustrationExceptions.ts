import { NEGATIONS } from './frustrationLexicon';
import { WORDS } from './frustrationText';
import type { CueHit } from './phraseMatcher';

/** What an exception looks at: the cue found, the folded words and where clauses start. */
export interface CueSite {
  hit: CueHit;
  tokens: readonly string[];
  clauseStarts: ReadonlySet<number>;
}

/** A named reason why a cue found in the text is not evidence here. */
export interface CueException {
  name: string;
  applies: (site: CueSite) => boolean;
}

/** Contempt that is a rhetorical question only when it closes its clause ("Geht's noch?" but not "geht's noch lange"). */
const CLAUSE_FINAL = /^(geht|gehts|gaht|gahts|hakt|hackt|hackts|tickt|tickst|ticken) /;
/** "Ist da jemand?" asks after waiting; "Ist da jemand, der Italienisch spricht?" asks for a person. */
const CLAUSE_FINAL_ANNOYANCE = /^(ist da|is da|is do|isch da|ist hier|is hier) /;
const PROFESSION = /^(anwalt|rechtsanwalt|jurist|advokat)/;
/** "zweimal abgebucht", "charged twice": a count of charges or deliveries is a fact, not a count of attempts. */
const COUNT_WORDS: ReadonlySet<string> = new Set([
  'zweimal',
  'dreimal',
  'viermal',
  'mehrfach',
  'mehrmals',
  'twice',
  'times',
]);
const COUNTED_FACT =
  /^(abgebucht|abgezogen|berechnet|belastet|bezahlt|gezahlt|verechnet|eingezogen|gebucht|abgerechnet|charged|biled|debited|paid)$/;

const OWN_ENTRY = /^(falsch|eingegeben|eingetippt|vertippt|entered|typed|wrong)$/;

/** Whether the words ask how something is done ("was muss ich tun", "how do I"). */
function asksProcedure(tokens: readonly string[]): boolean {
  const text = ` ${tokens.join(' ')} `;
  return [...WORDS.procedure].some((phrase) => text.includes(` ${phrase} `));
}

const before = ({ hit, tokens }: CueSite): string | undefined => (hit.start > 0 ? tokens[hit.start - 1] : undefined);
const closesClause = ({ hit, tokens, clauseStarts }: CueSite): boolean =>
  hit.end >= tokens.length || clauseStarts.has(hit.end);

/** "nicht sauer", "kein Witz": a negation right before a one-word feeling, within the same clause. */
function negated({ hit, tokens, clauseStarts }: CueSite): boolean {
  if (hit.tag !== 'anger' && hit.tag !== 'annoyance') return false;
  if (hit.end - hit.start !== 1 || hit.start === 0 || clauseStarts.has(hit.start)) return false;
  return NEGATIONS.has(tokens[hit.start - 1]);
}

/** "wenn es dann immer noch nicht geht, melde ich mich": a weak marker in a condition is a plan, not a complaint. */
function hypothetical({ hit, tokens, clauseStarts }: CueSite): boolean {
  if (hit.tag !== 'annoyance' || hit.weight > 0.3) return false;
  for (let i = hit.start - 1; i >= Math.max(0, hit.start - 4); i--) {
    if (WORDS.conditional.has(tokens[i])) return true;
    if (clauseStarts.has(i)) break;
  }
  return false;
}

/** "Die haben doch nicht mehr alle (Tassen)!" insults; "geht nicht mehr, alle Lampen aus" reports a fault. */
function splitAllesIdiom({ hit, tokens, clauseStarts }: CueSite): boolean {
  if ((hit.tag !== 'insult' && hit.tag !== 'contempt') || !hit.pattern.startsWith('nicht mehr alle')) return false;
  const alle = tokens.indexOf('alle', hit.start);
  if (alle > hit.start && clauseStarts.has(alle)) return true;
  // "nicht mehr alle Sender", "nicht mehr alle Geräte": a count of things that stopped working.
  const next = hit.end < tokens.length && !clauseStarts.has(hit.end) ? tokens[hit.end] : undefined;
  return hit.pattern === 'nicht mehr alle' && next !== undefined && !IDIOM_ENDINGS.has(next);
}
/** The words that complete "nicht mehr alle …" as the insult. */
const IDIOM_ENDINGS: ReadonlySet<string> = new Set(['tassen', 'latten', 'beisammen', 'sinne', 'da', 'drauf']);

/**
 * "Verdammt, ich hab meinen Zug verpasst", "fuck, PIN vergessen lol", "scheiß Wetter, aber egal": a swear
 * word opening a clause about the customer's own mishap, aimed at nobody here and naming no fault of ours.
 */
function ownMishap({ hit, tokens, clauseStarts }: CueSite): boolean {
  if (hit.tag !== 'swear' || (hit.start > 0 && !clauseStarts.has(hit.start))) return false;
  // "Gopfertammi, ich ha mis Passwort scho wieder vergässe": "wieder" is the customer's own again.
  const againOwn = blamesThemself(tokens);
  if (tokens.some((w) => WORDS.addressedOrGrievance.has(w) && !(againOwn && w === 'wieder'))) return false;
  const after = tokens.slice(hit.end, hit.end + 3);
  return after.some((w) => WORDS.firstPerson.has(w)) || tokens.some((w) => WORDS.lightHearted.has(w));
}

/** Verbs of the customer's own slip, folded ("vergessen", Swiss "vergässe", "verschlampt", "forgot"). */
const OWN_SLIPS: ReadonlySet<string> = new Set([
  'vergesen',
  'vergase',
  'vergasen',
  'vergessen',
  'verlegt',
  'verschlampt',
  'verbaselt',
  'vertipt',
  'verwechselt',
  'forgot',
  'forgoten',
  'misplaced',
]);
/** Whom a complaint is addressed to, folded: with one of these a slip is not the customer's own. */
const ADDRESSEES: ReadonlySet<string> = new Set([
  'ihr',
  'euch',
  'euer',
  'eure',
  'euren',
  'eurem',
  'eurer',
  'sie',
  'ihnen',
  'you',
  'your',
  'du',
  'dein',
  'deine',
  'eich',
  'enk',
  'oich',
  'ech',
]);

/** Whether the message speaks to someone ("ihr", "Sie", "you", Austrian "enk"): folded tokens. */
export function addressesSomeone(tokens: readonly string[]): boolean {
  return tokens.some((w) => ADDRESSEES.has(w));
}

/** "ich hab mein Passwort schon wieder vergessen": the customer blames themself, nobody here. */
function blamesThemself(tokens: readonly string[]): boolean {
  return (
    tokens.some((w) => w === 'ich' || w === 'i') && tokens.some((w) => OWN_SLIPS.has(w)) && !addressesSomeone(tokens)
  );
}

/** "ich Depp", "bin ich blöd", "I'm an idiot" (folded): the customer calls themself names. */
function calledThemself({ hit, tokens }: CueSite): boolean {
  if (hit.tag !== 'insult') return false;
  let i = hit.start - 1;
  if (['ein', 'eine', 'e', 'a', 'an', 'so', 'such', 'total', 'vol'].includes(tokens[i] ?? '')) i--;
  const before = tokens[i];
  const twoBefore = tokens[i - 1];
  return (
    before === 'ich' ||
    (before === 'i' && twoBefore !== 'you') ||
    ((before === 'bin' || before === 'bi' || before === 'm' || before === 'am') &&
      (twoBefore === 'ich' || twoBefore === 'i'))
  );
}

/** Joy that "endlich" only underlines ("Juhu, endlich Glasfaser!!!", "läuft endlich, ich bin begeistert"). */
const JOY_WORDS: ReadonlySet<string> = new Set([
  'juhu',
  'juhui',
  'jipie',
  'yay',
  'yeah',
  'hura',
  'begeistert',
  'freue',
  'freu',
  'genial',
  'wunderbar',
  'hamer',
]);

/** Modal verbs of a wish, folded ("möchte", Swiss "möcht", "wott", "würde gern"). */
const WISH_MODALS: ReadonlySet<string> = new Set([
  'mochte',
  'mocht',
  'mochti',
  'wil',
  'wot',
  'wet',
  'wurde',
  'wurd',
  'want',
]);

function crossesClause({ hit, clauseStarts }: CueSite): boolean {
  for (let i = hit.start + 1; i < hit.end; i++) if (clauseStarts.has(i)) return true;
  return false;
}

/** A modal of a wish before the cue, within its clause. */
function wishedInClause({ hit, tokens, clauseStarts }: CueSite): boolean {
  for (let i = hit.start - 1; i >= 0; i--) {
    if (WISH_MODALS.has(tokens[i])) return true;
    if (clauseStarts.has(i)) break;
  }
  return false;
}

export const CUE_EXCEPTIONS: readonly CueException[] = [
  { name: "swearing at one's own mishap", applies: ownMishap },
  { name: 'the customer calling themself names', applies: calledThemself },
  {
    name: "again, of the customer's own slip",
    applies: (s) => s.hit.tag === 'annoyance' && s.hit.pattern.includes('wieder') && blamesThemself(s.tokens),
  },
  {
    name: '"endlich" in joy',
    applies: (s) =>
      s.hit.tag === 'annoyance' &&
      s.hit.pattern === 'endlich' &&
      s.tokens.some((w) => JOY_WORDS.has(w)) &&
      !s.tokens.some((w) => NEGATIONS.has(w)),
  },
  { name: '"nicht mehr alle" as a fault, not an insult', applies: splitAllesIdiom },
  {
    // "ich möcht mis Abo kündige, ich zügle nach Bern" is no "kündige ich": the cancelling is a wish (a
    // modal verb before it), and the phrase runs on into the next clause. "Ich kündige, ich habe genug!"
    // stays a threat.
    name: 'a wish to cancel read across a clause boundary',
    applies: (site) => site.hit.tag === 'threat:cancel' && crossesClause(site) && wishedInClause(site),
  },
  {
    name: 'count of charges, not of attempts',
    applies: ({ hit, tokens }) =>
      hit.tag === 'annoyance' &&
      hit.end - hit.start === 1 &&
      COUNT_WORDS.has(tokens[hit.start]) &&
      [tokens[hit.end], tokens[hit.start - 1]].some((w) => COUNTED_FACT.test(w ?? '')),
  },
  // "PIN dreimal falsch eingegeben": the customer's own tries at a code, not our failures.
  {
    name: 'count of own entries',
    applies: ({ hit, tokens }) =>
      hit.tag === 'annoyance' &&
      hit.end - hit.start === 1 &&
      COUNT_WORDS.has(tokens[hit.start]) &&
      tokens.slice(hit.end, hit.end + 2).some((w) => OWN_ENTRY.test(w)),
  },
  { name: 'negated feeling', applies: negated },
  { name: 'hypothetical complaint', applies: hypothetical },
  {
    name: 'contempt asked as a question',
    applies: (s) => s.hit.tag === 'contempt' && WORDS.questionWords.has(before(s) ?? ''),
  },
  {
    name: 'contempt that does not close its clause',
    applies: (s) => s.hit.tag === 'contempt' && CLAUSE_FINAL.test(s.hit.pattern) && !closesClause(s),
  },
  { name: 'asking how to cancel', applies: (s) => s.hit.tag === 'threat:cancel' && WORDS.howTo.has(before(s) ?? '') },
  // "Ich wechsle zu einem anderen Anbieter. Was muss ich tun?": a switch the customer asks how to do
  // ("wenn das nicht klappt, wechsle ich …, wie kann ich …" stays a threat: it has a condition).
  {
    name: 'asking how to switch',
    applies: (s) =>
      s.hit.tag === 'threat:cancel' && asksProcedure(s.tokens) && !s.tokens.some((w) => WORDS.conditional.has(w)),
  },
  // "Mein Mann ist Anwalt": a profession, not a threat.
  {
    name: 'lawyer as a profession',
    applies: (s) =>
      s.hit.tag === 'threat:legal' &&
      (before(s) === 'ist' || before(s) === 'als') &&
      PROFESSION.test(s.tokens[s.hit.start]),
  },
  // "Das ist mir zu blöd", "zu dumm, dass ...": weariness or regret, not an insult; "Sie sind zu dumm" still addresses a person.
  {
    name: 'weariness, not an insult',
    applies: ({ hit, tokens }) =>
      hit.tag === 'insult' &&
      hit.weight < 0.6 &&
      tokens[hit.start - 1] === 'zu' &&
      !tokens.slice(Math.max(0, hit.start - 4), hit.start).some((w) => WORDS.addressed.has(w)),
  },
  // "Ich habe etwas Dummes gemacht", "was Blödes passiert": a silly thing, said of a thing, not of a person.
  {
    name: 'a silly thing, not an insult',
    applies: ({ hit, tokens }) =>
      hit.tag === 'insult' &&
      hit.weight < 0.6 &&
      ['etwas', 'was', 'nichts', 'nix'].includes(tokens[hit.start - 1] ?? ''),
  },
  {
    name: '"ist da jemand" continued into a request',
    applies: (s) =>
      CLAUSE_FINAL_ANNOYANCE.test(s.hit.pattern) &&
      s.hit.end < s.tokens.length &&
      (!s.clauseStarts.has(s.hit.end) || WORDS.relative.has(s.tokens[s.hit.end])),
  },
];

/** A positive word at the start, or right before a failure word: "Toll, wieder kein Netz", "Super Service, echt". */
export function isSarcastic(tokens: readonly string[], hits: readonly CueHit[]): boolean {
  const failures = hits.filter((h) => h.tag === 'failure');
  if (failures.length === 0 || hits.some((h) => h.tag === 'resolved')) return false;
  for (const hit of hits) {
    // Thanks are thanks ("Merci, dann mach ich das am Wochenende. En schöne Tag no!"); "Danke für nichts"
    // is read as sarcasm on its own.
    if (hit.tag !== 'positive' || WORDS.thanksOpeners.has(tokens[hit.start])) continue;
    const opener = hit.start === 0 || (hit.start === 1 && WORDS.sarcasmOpeners.has(tokens[0]));
    const closeToFailure = failures.some((f) => f.start > hit.start && f.start - hit.end <= 1);
    // A closing "toll" after a failure: "Und wieder falsch abgerechnet, toll."
    // Bare negations do not count there ("Keine Probleme mehr, perfekt"), and thanks make it sincere.
    const closer =
      hit.end === tokens.length &&
      !tokens.includes('danke') &&
      failures.some(
        (f) => f.end <= hit.start && !NEGATIONS.has(f.pattern) && f.pattern !== 'nichts' && f.pattern !== 'nix',
      );
    if (opener || closeToFailure || closer) return true;
  }
  return false;
}
