import { MOCKERY } from './frustrationLexicon';
import { hasEvidence, WORDS, type Evidence } from './frustrationText';
import type { CueHit } from './phraseMatcher';

/**
 * Combinations no single cue carries, as a table of named rules: a negative adjective with a group noun
 * ("armseliger Haufen"), a negative superlative beyond comparison, cancellation with emphasis, mockery
 * piled up, irony by contrast, ultimatums, impatience in the form of the message. Rules run in table order
 * and see the evidence added by the rules before them. Their word lists are data
 * (content/nlu/frustration-words.json); the phrase shapes below stay here, where the linear-time check of
 * every pattern under src/ covers them.
 */
export interface CombinationRule {
  name: string;
  /** The signal added when the rule holds (a function where it repeats a signal already found). */
  signal: string | ((c: RuleContext) => string);
  weight: number;
  when: (c: RuleContext) => boolean;
}

/** "je erlebt", "noch nie erlebt": beyond comparison, but praise as often as blame. */
const BEYOND_COMPARISON = / (je|jemals|noch nie|nie) (erlebt|gesehen|zu tun|gehabt|untergekomen)/;
const OUTRAGE = / (so etwas|sowas|so was|sowos|so opis) /;
/** "Was für ein Verein", "ihr seid ein Haufen ...": the group word itself is the verdict. */
const VERDICT_OPENER = /\b(was fur|so ein|seid ein|seids a|seid a|seits a|sind ein|sind a)\b/;
/** A real question for help turns "Komisch, dass ..." into puzzlement, not irony. */
const HELP_QUESTION =
  / (woran liegt|was kan ich|was sol ich tun|wie kan ich|wie bekome ich|einen tip|eine idee|was tun) /;
/** A clause that is only a span of time: "Vor fünf Tagen.", "Seit drei Wochen!" */
const DURATION_CLAUSE =
  /^(vor|seit|nach|schon|uber|mitlerweile) (\d+|einer|einem|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|zwolf|vierzehn|zwanzig|dreisig) (tag|tagen|tage|woche|wochen|monat|monaten|monate|stunde|stunden|minuten|jahr|jahren)$/;
/** "Nochmal: ...", "Zum dritten Mal: ..." opening the message. */
const AGAIN_OPENER =
  /^\s*(nochmal|noch ?mal|noch einmal|zum (letzten|dritten|vierten|x-?ten|wiederholten) mal|ein letztes mal|once again)\s*[:!]/i;
/** A promise or status in scare quotes: 'unterwegs', „zeitnah“. */
const SCARE_QUOTED =
  /['"„‚«](unterwegs|in bearbeitung|bearbeitung|zeitnah|umgehend|demnächst|bald|gleich|sofort|schnell|kurzfristig|versendet|verschickt|erledigt|geprüft|in prüfung|in kürze|priorität)['"“”‘’»]/i;
/** Time has run on a quoted status: "seit 10 Tagen 'unterwegs'". */
const TIME_RAN = / (seit|schon|imer noch|noch imer|angeblich|tagen|wochen) /;
const CANCEL_WORD = /^(kundig|gekundig|chundig|gchundig|kundg|cancel|storn)/;
/** "Komisch, dass das Abbuchen klappt, aber die Gutschrift nicht." */
const IRONIC_CONTRAST =
  /^(komisch|seltsam|merkwurdig|interesant|lustig|witzig|erstaunlich|faszinierend|spanend|kurios) (das|wie|nur) .{0,200}\b(aber|nur|doch) .{0,200}\b(nicht|nie|ned|nid|kein|keine|nix|nichts)\b/;
/** Praise opening the message, the way mockery starts: "Chapeau, ...", "Bravo, ...", "Respekt, ...". */
const MOCK_OPENER =
  /^ (na )?(chapeau|bravo|respekt|hut ab|gratuliere|gratulation|glukwunsch|herzlichen glukwunsch|toll|super|klasse|prima|grosartig|hervoragend|ausgezeichnet|wunderbar|wow|perfekt|spitze)( wirklich| echt| ehrlich)? /;
/** A span of time or a count of attempts: "drei Wochen", "zum fünften Mal", "schon wieder". */
const SPAN =
  / ((\d+|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|zwanzig|dreisig|einen|einem|einer|ein) (ganzen |halben |volen |geschlagenen )?(tag|tage|tagen|woche|wochen|monat|monate|monaten|stunde|stunden|jahr|jahre|anlaufe|versuche|anrufe|mails)|zum \S+ mal|schon wieder|wieder mal|erneut) /;
/** "andernfalls erstatte ich ...", "sonst gehe ich ...": the customer announces a step of their own. */
const ULTIMATUM =
  / (andernfals|anderenfals|ansonsten|widrigenfals|sonst|sunst|otherwise) (werde ich|ich werde|werd ich|wird ich|erstate ich|stele ich|schalte ich|wende ich|gehe ich|geh ich|ziehe ich|kundige ich|leite ich|mache ich|reiche ich|hole ich|zeige ich|melde ich|bin ich|i wil|i ll|i wil)( \S+){0,5}/;
/** "sonst werde ich gemahnt" is a worry, not a threat: the step must be one against the company. */
const CUSTOMER_STEP =
  /(anzeige|anzeigen|polizei|staatsanwalt|anwalt|gericht|klage|klagen|verklagen|einschalten|kundig|wechseln|melden|veroffentlich|zuruckbuchen|zuruckbuch|widerruf|stornier|rechtlich|bewert|presse|medien|konkurenz)/;
const LEGAL_STEP =
  /(anzeige|strafanzeige|polizei|staatsanwalt|anwalt|gericht|klage|verbraucherzentrale|schlichtung|ombuds|presse|medien)/;
/** A deadline set by the customer: "innerhalb von 24 Stunden", "bis morgen", "bis Freitag". */
const DEADLINE =
  / (innerhalb (von |der |einer |eines )?(\S+ )?(stunde|stunden|tag|tagen|tage|woche|wochen|frist)|bis (spatestens |zum |ende |heute|morgen|ubermorgen|montag|dienstag|mitwoch|donerstag|freitag|samstag|sontag)|frist|ultimatum|within \d+)/;
const WEEKDAY =
  '(montag|dienstag|mitwoch|donerstag|freitag|samstag|sontag|letzter woche|letzte woche|vorletzter woche|anfang des monats|anfang monat|ostern|weihnachten)';
const SINCE_DAY = new RegExp(` seit ${WEEKDAY} `);
const TODAY_IS_DAY = new RegExp(
  ` (heute ist|heut is|heut isch|heute haben wir|jetzt ist|mitlerweile ist|inzwischen ist|today is|its) (schon |bereits |imerhin )?${WEEKDAY} `,
);
const FINALITY =
  / (wehe|nie wieder|nie mehr|nimer|nie nie|nie im leben|reicht|reichts|reicht s|glangts|glangt s|langts|langt s|gelangt|schnauze|sat) /;
const ALL_AT_ONCE = / (und zwar|zwar) (alles|sofort|jetzt|fristlos|komplet|samtliche) /;
const CANCEL_ALL =
  / (alles|samtliche|samtlichen|komplet) (kundigen|gekundigt|kundige) | kundige (alles|samtliche|komplet) /;
const EMPHASIS_CLAUSE =
  /^(jetzt|sofort|jetzt sofort|sofort jetzt|und zwar sofort|und zwar jetzt|auf der stele|heute noch|subito|gleich|now|right now|endgultig|fertig|aus|schlus|basta|punkt)$/;
/** The customer numbers their attempts: "mein vierter Chat", "der dritte Anruf", "fourth email". */
const ORDINAL_ATTEMPT =
  / (zweit|drit|viert|funft|sechst|siebt|zehnt|x t|xt|zigst|second|third|fourth|fifth|sixth)(e|er|en|es|em)? (chat|anruf|mail|mails|email|e mail|versuch|anlauf|nachricht|ticket|brief|schreiben|kontakt|reklamation|beschwerde|termin|time|call|attempt|message|ticket)( |$)/;
/** A clause that is only a day gone by: "Gestern. Und vorgestern." — the customer counts our silences. */
const BARE_PAST_CLAUSE =
  /^(und |and )?(gestern|vorgestern|letzte woche|vorige woche|letzten monat|yesterday|last week|last month)( auch| schon| wieder)?$/;
const SUPERLATIVE_ENDINGS = ['st', 'ste', 'sten', 'ster', 'stes', 'stem'].flatMap((ending) => [ending, 'e' + ending]);

const startsWithAny = (token: string, prefixes: ReadonlySet<string>): boolean => {
  for (const prefix of prefixes) if (token.startsWith(prefix)) return true;
  return false;
};
const isNegativeRoot = (token: string): boolean => startsWithAny(token, WORDS.negativeRoots);
const isNegativeSuperlative = (token: string): boolean =>
  SUPERLATIVE_ENDINGS.some(
    (ending) => token.endsWith(ending) && WORDS.negativeSuperlativeStems.has(token.slice(0, -ending.length)),
  );
const negatedAt = (tokens: readonly string[], i: number): boolean => WORDS.negationBefore.has(tokens[i] ?? '');

/** What the rules look at, with the costlier findings computed once on first use. */
export class RuleContext {
  readonly text: string;
  readonly resolved: boolean;
  /** Separate mocking phrases, counted before any rule ran; 0 when sincerity removed the sarcasm. */
  readonly jabs: number;
  private groupFound?: boolean;
  private verdictFound?: boolean;
  private superlativeFound?: boolean;
  private ultimatumFound?: { step: boolean; legal: boolean; backed: boolean };

  constructor(
    readonly raw: string,
    readonly tokens: readonly string[],
    readonly hits: readonly CueHit[],
    readonly clauseStarts: ReadonlySet<number>,
    readonly out: Evidence[],
  ) {
    this.text = ' ' + tokens.join(' ') + ' ';
    this.resolved = hits.some((h) => h.tag === 'resolved');
    let lexical = 0;
    let lastEnd = -1;
    // "Super, danke für nichts" is one jab, not two.
    for (const jab of hits.filter((h) => h.tag === 'sarcasm').sort((a, b) => a.start - b.start)) {
      if (jab.start >= lastEnd) lexical++;
      lastEnd = Math.max(lastEnd, jab.end);
    }
    this.jabs = hasEvidence(out, 'sarcasm') ? lexical : 0;
  }

  has(signal: string, minWeight = 0): boolean {
    return hasEvidence(this.out, signal, minWeight);
  }

  hit(...tags: string[]): boolean {
    return this.hits.some((h) => tags.includes(h.tag));
  }

  /**
   * "Sie sind völlig unfähig", "Sind Sie eigentlich verblödet?", "ihr seids a Witz": a verdict said to
   * the company or the agent, within one clause and not negated ("Sie sind nicht dumm").
   */
  get addressedVerdict(): boolean {
    this.verdictFound ??= this.tokens.some((token, i) => {
      if (!WORDS.addressed.has(token)) return false;
      const subjectNext = WORDS.addresseeSubjects.has(this.tokens[i + 1] ?? '') && !this.clauseStarts.has(i + 1);
      const subjectBefore = i > 0 && WORDS.addresseeSubjects.has(this.tokens[i - 1]) && !this.clauseStarts.has(i);
      if (!subjectNext && !subjectBefore) return false;
      for (let j = i + (subjectNext ? 2 : 1); j < Math.min(this.tokens.length, i + 6); j++) {
        if (this.clauseStarts.has(j)) return false;
        const word = this.tokens[j];
        if (WORDS.negationBefore.has(word)) return false;
        if (WORDS.verdictNouns.has(word) || isNegativeRoot(word)) return true;
      }
      return false;
    });
    return this.verdictFound;
  }

  /** A negative adjective just before a group noun in one clause ("armseliger Haufen"), or "was für ein Verein". */
  get groupContempt(): boolean {
    this.groupFound ??= this.tokens.some((token, i) => {
      if (i === 0 || !WORDS.groupNouns.has(token)) return false;
      for (let back = 1; back <= 2 && i - back >= 0; back++) {
        if (this.clauseStarts.has(i - back + 1)) break;
        if (isNegativeRoot(this.tokens[i - back]) && !negatedAt(this.tokens, i - back - 1)) return true;
      }
      return (
        WORDS.verdictGroupNouns.has(token) && VERDICT_OPENER.test(this.tokens.slice(Math.max(0, i - 4), i).join(' '))
      );
    });
    return this.groupFound;
  }

  /** "der schlechteste Kundenservice", "das Inkompetenteste, das ich je erlebt habe". */
  get superlative(): boolean {
    this.superlativeFound ??= this.tokens.some((token, i) => {
      if (!isNegativeSuperlative(token) || negatedAt(this.tokens, i - 1)) return false;
      const around = this.tokens.slice(i + 1, i + 9);
      const judged = around.slice(0, 2).some((w) => WORDS.groupNouns.has(w) || WORDS.judgedNouns.has(w));
      return judged || around.some((w) => WORDS.superlativeScope.has(w));
    });
    return this.superlativeFound;
  }

  /** An announced step against the company ("sonst gehe ich zum Anwalt"), legal or not, backed by law or a deadline. */
  get ultimatum(): { step: boolean; legal: boolean; backed: boolean } {
    if (!this.ultimatumFound) {
      const found = ULTIMATUM.exec(this.text);
      const step = found !== null && CUSTOMER_STEP.test(found[0]);
      const legal = step && found !== null && LEGAL_STEP.test(found[0]);
      this.ultimatumFound = { step, legal, backed: legal || (step && DEADLINE.test(this.text)) };
    }
    return this.ultimatumFound;
  }

  get firstThreat(): Evidence | undefined {
    return this.out.find((e) => e.signal.startsWith('threat:'));
  }
}

/** "seit Montag … heute ist schon Freitag": two searches, one after the other, so the scan stays linear. */
function countsDays(text: string): boolean {
  const since = SINCE_DAY.exec(text);
  return since !== null && TODAY_IS_DAY.test(text.slice(since.index + since[0].length - 1));
}

/** The same word three times in a row ("Menü, Menü, Menü"). */
function hasTriple(tokens: readonly string[]): boolean {
  for (let i = 2; i < tokens.length; i++) {
    const w = tokens[i];
    if (w.length >= 3 && !/\d/.test(w) && !WORDS.tripleIgnored.has(w) && tokens[i - 1] === w && tokens[i - 2] === w)
      return true;
  }
  return false;
}

/** Cancellation said with emphasis or finality: a clause of its own ("Jetzt."), "wehe", "nie wieder", "und zwar alles", "!!". */
function cancellationEmphasis(c: RuleContext): boolean {
  if (c.jabs > 0 || /!{2,}/.test(c.raw)) return true;
  if (FINALITY.test(c.text) || ALL_AT_ONCE.test(c.text) || CANCEL_ALL.test(c.text)) return true;
  if (c.hit('anger', 'contempt', 'insult', 'swear')) return true;
  // A clause of only "Jetzt." or "Sofort.": the customer puts a full stop behind the demand.
  const starts = [...c.clauseStarts].filter((i) => i < c.tokens.length).sort((a, b) => a - b);
  return starts.some(
    (start, k) => k > 0 && EMPHASIS_CLAUSE.test(c.tokens.slice(start, starts[k + 1] ?? c.tokens.length).join(' ')),
  );
}

/** "Vor fünf Tagen." after a request, "Nochmal: ...", a promise in scare quotes ('zeitnah') that time has run on. */
function impatientForm(c: RuleContext): boolean {
  const starts = [...c.clauseStarts].filter((i) => i > 0 && i < c.tokens.length).sort((a, b) => a - b);
  const bareSpan = starts.some((st, k) =>
    DURATION_CLAUSE.test(c.tokens.slice(st, starts[k + 1] ?? c.tokens.length).join(' ')),
  );
  return bareSpan || AGAIN_OPENER.test(c.raw) || (SCARE_QUOTED.test(c.raw) && TIME_RAN.test(c.text));
}

/** Two clauses that are only a past day, or one joined by "und": "Ich bat um Rückruf. Gestern. Und vorgestern." */
function countsPastDays(c: RuleContext): boolean {
  const starts = [...c.clauseStarts].filter((i) => i > 0 && i < c.tokens.length).sort((a, b) => a - b);
  const bare = starts
    .map((st, k) => c.tokens.slice(st, starts[k + 1] ?? c.tokens.length).join(' '))
    .filter((clause) => BARE_PAST_CLAUSE.test(clause));
  return bare.length >= 2 || bare.some((clause) => clause.startsWith('und ') || clause.startsWith('and '));
}

/** Two jabs about an actual failure, or with open mockery ("Ich bin gerührt"); "Na toll. Super." only sighs. */
function mockeryPiledUp(c: RuleContext): boolean {
  const complaint =
    c.hit('failure') || c.has('annoyance', 0.3) || c.hits.some((h) => h.tag === 'sarcasm' && MOCKERY.has(h.pattern));
  const congratsDone =
    !c.tokens.includes('danke') &&
    c.tokens.some((w) => WORDS.congrats.has(w)) &&
    c.tokens.some((w) => w === 'geschaft' || w === 'hinbekomen' || w === 'gschaft');
  return !c.resolved && ((c.jabs >= 2 && complaint) || (congratsDone && c.jabs >= 1));
}

/** "je erlebt" judges only with blame or outrage; "der beste Service, den ich je erlebt habe" is praise. */
function beyondComparison(c: RuleContext): boolean {
  if (c.superlative || c.resolved || !BEYOND_COMPARISON.test(c.text)) return false;
  const blame = c.tokens.some(isNegativeRoot) || c.hit('anger', 'insult', 'swear');
  return blame || (OUTRAGE.test(c.text) && !c.hit('positive', 'polite'));
}

export const COMBINATION_RULES: readonly CombinationRule[] = [
  {
    name: 'verdict said to the company',
    signal: 'insult',
    weight: 0.7,
    when: (c) => !c.has('insult', 0.7) && c.addressedVerdict,
  },
  { name: 'negative word with group noun', signal: 'contempt', weight: 0.7, when: (c) => c.groupContempt },
  { name: 'negative superlative beyond comparison', signal: 'contempt', weight: 0.7, when: (c) => c.superlative },
  { name: 'blame never experienced before', signal: 'contempt', weight: 0.65, when: beyondComparison },
  { name: 'mockery piled up', signal: 'contempt', weight: 0.6, when: mockeryPiledUp },
  {
    name: 'cancellation with emphasis',
    signal: 'threat:cancel',
    weight: 0.62,
    when: (c) => (c.tokens.some((w) => CANCEL_WORD.test(w)) || c.hit('threat:cancel')) && cancellationEmphasis(c),
  },
  {
    name: 'impatience in the form',
    signal: 'annoyance',
    weight: 0.35,
    when: (c) => !c.has('annoyance', 0.3) && impatientForm(c),
  },
  {
    name: 'irony by contrast',
    signal: 'sarcasm',
    weight: 0.4,
    when: (c) => IRONIC_CONTRAST.test(c.text.trim()) && !HELP_QUESTION.test(c.text) && !c.has('sarcasm'),
  },
  {
    name: 'ultimatum with legal step',
    signal: 'threat:legal',
    weight: 0.62,
    when: (c) => c.ultimatum.legal && !c.firstThreat,
  },
  {
    name: 'ultimatum with deadline',
    signal: 'threat:cancel',
    weight: 0.62,
    when: (c) => c.ultimatum.backed && !c.ultimatum.legal && !c.firstThreat,
  },
  {
    name: 'bare ultimatum',
    signal: 'anger',
    weight: 0.45,
    when: (c) => c.ultimatum.step && !c.ultimatum.backed && !c.firstThreat,
  },
  {
    name: 'ultimatum backs a weak threat',
    signal: (c) => c.firstThreat?.signal ?? 'threat:cancel',
    weight: 0.62,
    when: (c) => c.ultimatum.backed && (c.firstThreat?.weight ?? 1) < 0.6,
  },
  {
    name: 'mock praise of a span of time',
    signal: 'sarcasm',
    weight: 0.45,
    when: (c) =>
      !c.has('sarcasm') &&
      !c.resolved &&
      MOCK_OPENER.test(c.text) &&
      SPAN.test(c.text) &&
      !c.tokens.some((w) => WORDS.sincere.has(w)),
  },
  {
    name: 'one word three times',
    signal: 'annoyance',
    weight: 0.35,
    when: (c) => !c.has('annoyance', 0.35) && hasTriple(c.tokens),
  },
  {
    name: 'customer counts the days',
    signal: 'annoyance',
    weight: 0.35,
    when: (c) => !c.has('annoyance', 0.35) && countsDays(c.text),
  },
  {
    name: 'customer numbers the attempts',
    signal: 'annoyance',
    weight: 0.4,
    when: (c) => !c.has('annoyance', 0.35) && ORDINAL_ATTEMPT.test(c.text),
  },
  {
    name: 'customer lists the days gone by',
    signal: 'annoyance',
    weight: 0.35,
    when: (c) => !c.has('annoyance', 0.35) && countsPastDays(c),
  },
];

/** Runs the rules in table order; each sees what the rules before it added. */
export function applyCombinationRules(c: RuleContext, rules: readonly CombinationRule[] = COMBINATION_RULES): void {
  for (const rule of rules) {
    if (rule.when(c))
      c.out.push({ signal: typeof rule.signal === 'string' ? rule.signal : rule.signal(c), weight: rule.weight });
  }
}
