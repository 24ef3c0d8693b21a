import { exampleFeatures, frustrationCorpus, type LabelledExample } from './corpus';
import { extractFeatures } from './features';
import {
  ACRONYMS,
  ANGRY_EMOJI,
  ANGRY_EMOTICON,
  ANNOYED_EMOJI,
  ANNOYED_EMOTICON,
  CENSORED_SWEAR,
  CURSING_EMOJI,
  FRUSTRATION_CUES,
  MOCKERY,
  NEGATIONS,
} from './frustrationLexicon';
import { LinearModel } from './linearModel';
import { fold, foldTokens, normalizeText } from './normalize';
import { PhraseMatcher, type Cue, type CueHit } from './phraseMatcher';
import type { FrustrationHistory, FrustrationLevel, FrustrationResult, FrustrationScorer, FrustrationThresholds } from './types';

export const DEFAULT_FRUSTRATION_THRESHOLDS: FrustrationThresholds = { annoyed: 0.3, irate: 0.6 };

/** Tags whose cues are evidence; the others only feed combination rules. */
const EVIDENCE_TAGS = new Set([
  'insult',
  'swear',
  'anger',
  'annoyance',
  'sarcasm',
  'threat:legal',
  'threat:authority',
  'threat:public',
  'threat:cancel',
  'bot_abuse',
  'contempt',
  'custom',
]);

/**
 * Signals that can carry a message to "irate" on their own: insults, swearing, contempt, threats of
 * lawyers, regulators or the press, shouting, a cursing emoji. Annoyance, sarcasm, impatience and a
 * threat to cancel pile up only to "annoyed" (the customer is unhappy, but civil), unless they come
 * with one of these or many at once with shouted punctuation.
 */
/** A threat to cancel is irate-class only when the combination rules raise it (emphasis, finality, "wehe"). */
const IRATE_TAGS = new Set([
  'insult',
  'swear',
  'anger',
  'contempt',
  'threat:legal',
  'threat:authority',
  'threat:public',
  'threat:cancel',
  'bot_abuse',
  'custom',
]);
const IRATE_MIN_WEIGHT = 0.55;

/** "Wie geht's noch mal?" is a question, "Geht's noch?" is contempt. */
const QUESTION_WORDS = new Set(['wie', 'was', 'wo', 'so', 'wan', 'wann', 'und', 'lang', 'lange']);
/** Contempt that is a rhetorical question only when it closes its clause ("Geht's noch?" but not "geht's noch lange"). */
const CLAUSE_FINAL = /^(geht|gehts|gaht|gahts|hakt|hackt|hackts|tickt|tickst|ticken) /;
const SHAPE_SIGNALS = new Set(['shouting', 'exclamation', 'exasperation', 'emoji:angry', 'emoji:annoyed']);
/** "Wirklich? Fünf Tage?" — incredulity opening the message. */
const INCREDULOUS_OPENER = /^\s*(wirklich|echt( jetzt)?|ernsthaft|im ernst|ohne witz|seriously|really)\s*\?/i;
/**
 * Short quoted text is a citation (a merchant name on a statement, an error message), not the customer's voice.
 * A single quote opens a citation only after a space or bracket, so the apostrophe of "geht's" never does.
 */
const QUOTED = /(^|[\s(:])'[^'\n]{1,40}'(?=[\s.,;:!?)]|$)|"[^"\n]{1,60}"|„[^„“”"\n]{1,60}[“”"]|«[^«»\n]{1,60}»|‚[^‚‘’'\n]{1,40}[‘’']/g;

const SARCASM_OPENERS = new Set(['na', 'oh', 'ja', 'also', 'wirklich', 'echt', 'wow', 'ach']);

interface Evidence {
  signal: string;
  weight: number;
}

/**
 * Scores how frustrated a customer is, from the message and the conversation so far.
 *
 * Evidence is collected from a German/Austrian/Swiss lexicon (insults, swearing, anger, annoyance,
 * sarcasm, threats), from the shape of the text (capitals, "!!!", angry emoji), from history (the
 * same message again, failed turns, annoyance that keeps rising) and from a small logistic-regression
 * model trained on the shipped corpus, which catches phrasings the lexicon lacks. The pieces are
 * combined by noisy-or, so each adds without the sum leaving [0, 1]. Only an irate-class signal
 * (insult, swearing, contempt, a threat of lawyer/regulator/press, shouting, a cursing emoji, or a
 * conversation that keeps failing) can reach "irate": a civil customer who piles up annoyance
 * ("seit Wochen", "schon wieder", "langsam reicht's") stays "annoyed".
 *
 * Urgency is not frustration: "Karte gestohlen, bitte sofort sperren!" carries no cue.
 */
export class GermanFrustrationScorer implements FrustrationScorer {
  private readonly matcher = new PhraseMatcher(FRUSTRATION_CUES, { fuzzy: false });
  private readonly model: LinearModel;
  private readonly customMatchers = new Map<string, PhraseMatcher>();

  constructor(
    private readonly defaults: FrustrationThresholds = DEFAULT_FRUSTRATION_THRESHOLDS,
    corpus: readonly LabelledExample[] = frustrationCorpus(),
  ) {
    const examples = corpus.map((ex) => ({ features: exampleFeatures(ex), label: ex.level }));
    this.model = LinearModel.train(examples, 3, { epochs: 8, learningRate: 0.8, balance: 0.7, seed: 11 });
  }

  score(text: string, history?: FrustrationHistory, thresholds?: FrustrationThresholds): FrustrationResult {
    const limits = { ...this.defaults, ...thresholds };
    const raw = text ?? '';
    const tokens = foldTokens(raw);
    const evidence: Evidence[] = [];

    const tone = this.lexicalEvidence(raw, tokens, limits.extraTriggerWords, evidence);
    shapeEvidence(raw, evidence, evidence.length === 0 && tone.urgent);
    // Colour words (an Austrian "Oida") do not count as a complaint that would free the model's cap.
    const messageSignals = evidence.filter((e) => e.weight >= 0.2).length;
    if (tokens.length > 0) this.modelEvidence(raw, messageSignals > 0, tone.courteous, evidence);
    if (history) historyEvidence(raw, tokens, history, messageSignals > 0, evidence);

    let calm = 1;
    for (const e of evidence) calm *= 1 - e.weight;
    let score = round(1 - calm);
    if (score >= limits.irate && !canBeIrate(evidence)) score = Math.max(limits.annoyed, round(limits.irate - 0.01));
    const level: FrustrationLevel = score >= limits.irate ? 2 : score >= limits.annoyed ? 1 : 0;
    return { level, score, signals: [...new Set(evidence.map((e) => e.signal))] };
  }

  /** Adds lexicon evidence; reports whether the message is courteous (thanks, "it works again"). */
  private lexicalEvidence(
    raw: string,
    tokens: readonly string[],
    extra: readonly string[] | undefined,
    out: Evidence[],
  ): { courteous: boolean; urgent: boolean } {
    const clauseStarts = clauseStartIndices(raw);
    const hits = this.matcher.match(tokens);
    if (extra && extra.length > 0) hits.push(...this.customMatcher(extra).match(tokens));

    // Strongest cue first; a token already explained by a stronger cue adds nothing more.
    const covered = new Set<number>();
    const evidenceHits = hits
      .filter((h) => EVIDENCE_TAGS.has(h.tag))
      .filter((h) => !isNegated(h, tokens, clauseStarts))
      .filter((h) => !isHypothetical(h, tokens, clauseStarts))
      .filter((h) => !(h.tag === 'contempt' && h.start > 0 && QUESTION_WORDS.has(tokens[h.start - 1])))
      .filter((h) => !(h.tag === 'contempt' && CLAUSE_FINAL.test(h.pattern) && h.end < tokens.length && !clauseStarts.has(h.end)))
      .filter((h) => !(h.tag === 'threat:cancel' && h.start > 0 && HOW_TO.has(tokens[h.start - 1])))
      // "Das ist mir zu blöd", "zu dumm, dass ...": weariness or regret, not an insult.
      // "Mein Mann ist Anwalt": a profession, not a threat.
      .filter((h) => !(h.tag === 'threat:legal' && h.start > 0 && (tokens[h.start - 1] === 'ist' || tokens[h.start - 1] === 'als') && /^(anwalt|rechtsanwalt|jurist|advokat)/.test(tokens[h.start])))
      // "Sie sind zu dumm" still addresses a person.
      .filter((h) => !(h.tag === 'insult' && h.weight < 0.6 && tokens[h.start - 1] === 'zu' && !tokens.slice(Math.max(0, h.start - 4), h.start).some((w) => ADDRESSED.has(w))))
      .filter((h) => !(CLAUSE_FINAL_ANNOYANCE.test(h.pattern) && h.end < tokens.length && (!clauseStarts.has(h.end) || RELATIVE.has(tokens[h.end]))))
      .sort((a, b) => b.weight - a.weight);
    for (const hit of evidenceHits) {
      let overlaps = false;
      for (let i = hit.start; i < hit.end; i++) if (covered.has(i)) overlaps = true;
      if (overlaps) continue;
      for (let i = hit.start; i < hit.end; i++) covered.add(i);
      out.push({ signal: hit.tag, weight: hit.fuzzy ? hit.weight * 0.8 : hit.weight });
    }

    // "Toll, geht wieder, super Service!" is sincere: things work again and nothing failed.
    const fixes = hits.filter((h) => h.tag === 'resolved');
    const inFix = (h: CueHit): boolean => fixes.some((f) => h.start < f.end && f.start < h.end);
    if (fixes.length > 0 && !hits.some((h) => h.tag === 'failure' && h.pattern !== 'wieder' && !inFix(h))) {
      for (let i = out.length - 1; i >= 0; i--) if (out[i].signal === 'sarcasm') out.splice(i, 1);
    }
    if (!out.some((e) => e.signal === 'sarcasm') && isSarcastic(tokens, hits)) out.push({ signal: 'sarcasm', weight: 0.45 });
    combinationEvidence(raw, tokens, hits, clauseStarts, out);
    if (INCREDULOUS_OPENER.test(raw) && !out.some((e) => e.signal === 'annoyance')) out.push({ signal: 'annoyance', weight: 0.35 });

    // Politeness takes the edge off a single weak marker, never off insults or threats.
    const polite = hits.some((h) => h.tag === 'polite');
    if (polite && out.length === 1 && out[0].weight <= 0.3) out[0] = { ...out[0], weight: out[0].weight * 0.8 };
    return { courteous: polite || hits.some((h) => h.tag === 'resolved'), urgent: hits.some((h) => h.tag === 'urgent') };
  }

  private customMatcher(words: readonly string[]): PhraseMatcher {
    const key = words.join('\u0000');
    let matcher = this.customMatchers.get(key);
    if (!matcher) {
      const cues: Cue[] = words
        .map((w) => w.trim())
        .filter((w) => normalizeText(w).length > 0)
        .map((pattern) => ({ pattern, tag: 'custom', weight: 0.5 }));
      matcher = new PhraseMatcher(cues, { fuzzy: false });
      if (this.customMatchers.size > 50) this.customMatchers.clear();
      this.customMatchers.set(key, matcher);
    }
    return matcher;
  }

  /** The model sees phrasings the lexicon lacks; alone it may only lift a message to "annoyed". */
  private modelEvidence(raw: string, hasLexicalEvidence: boolean, courteous: boolean, out: Evidence[]): void {
    const probs = this.model.probabilities(extractFeatures(raw));
    const frustrated = probs[1] + probs[2];
    // Courtesy without any complaint marker is calm: then the model alone cannot make it "annoyed".
    const cap = hasLexicalEvidence ? 0.32 : courteous ? 0.2 : 0.3;
    const weight = Math.min(cap, Math.max(0, (frustrated - 0.5) * 0.9));
    if (weight > 0.05) out.push({ signal: 'model', weight });
    if (probs[2] > 0.7 && hasLexicalEvidence) out.push({ signal: 'model:irate', weight: 0.25 });
  }
}

/** Negative evaluative roots (folded): "inkompetent", "armselig", "unfähig" ... */
const NEGATIVE_ROOT =
  /^(inkompetent|unfahig|armselig|erbarmlich|lacherlich|jamerlich|unverschamt|chaotisch|peinlich|diletant|unutz|nutzlos|miserabel|mies|dum|blod|deppert|deppat|verlogen|betrug|kriminel|unserios|grotig|lausig|schabig|unterirdisch|korupt|verkomen|hofnungslos|unprofesionel|bescheuert|beklopt|saublod|vertrotelt|verpent|verschlafen|katastrophal|elend|abzock)/;
/** The company as a group or a place: "Haufen", "Verein", "Bude". */
const GROUP_NOUN =
  /^(haufen|haufn|haufa|hauf|verein|vereinl|saftladen|laden|ladl|bude|buden|schupen|truppe|trupe|club|klub|firma|unternehmen|anbieter|bande|betrieb|konzern|sauhaufen)$/;
/** What a superlative may judge: the company or its service ("der schlechteste Kundenservice"). */
const JUDGED_NOUN = /^(kundenservice|kundendienst|service|suport|hotline|bank|company|provider|kundenbetreuung|betreuung|beratung)$/;
/** "je erlebt", "noch nie erlebt": beyond comparison, but praise as often as blame. */
const BEYOND_COMPARISON = / (je|jemals|noch nie|nie) (erlebt|gesehen|zu tun|gehabt|untergekomen)/;
/** Superlatives of a negative evaluation: "der schlechteste", "das Inkompetenteste". */
const NEGATIVE_SUPERLATIVE =
  /^(inkompetent|unfahig|armselig|erbarmlich|lacherlich|jamerlich|unverschamt|chaotisch|peinlich|diletantisch|nutzlos|mies|schlecht|dum|blod|verlogen|unserios|lausig|schabig|unprofesionel|unfreundlich|unzuverlasig|hinterletzt|grotenschlecht|katastrophal|unterirdisch)(e)?st(e|en|er|es|em)?$/;
/** What puts a superlative beyond all comparison: "des Landes", "je erlebt", "aller Zeiten". */
const SUPERLATIVE_SCOPE = new Set(['je', 'jemals', 'ever', 'landes', 'welt', 'zeiten', 'leben', 'kene', 'erlebt', 'branche', 'planeten', 'universums', 'europas', 'deutschlands', 'osterreichs', 'schweiz', 'galaxis', 'markt', 'stadt', 'breit']);
/** A real question for help turns "Komisch, dass ..." into puzzlement, not irony. */
const HELP_QUESTION = / (woran liegt|was kan ich|was sol ich tun|wie kan ich|wie bekome ich|einen tip|eine idee|was tun) /;
/** "Ist da jemand?" asks after waiting; "Ist da jemand, der Italienisch spricht?" asks for a person. */
const CLAUSE_FINAL_ANNOYANCE = /^(ist da|is da|is do|isch da|ist hier|is hier) /;
const ADDRESSED: ReadonlySet<string> = new Set(['sind', 'seid', 'bist', 'sid', 'sin', 'seids', 'are']);
/** "Wie kündige ich?" asks how, it threatens nothing. */
const HOW_TO: ReadonlySet<string> = new Set(['wie', 'wo', 'wann', 'wan', 'ob', 'kan', 'darf', 'mus', 'sol', 'how']);
const RELATIVE: ReadonlySet<string> = new Set(['der', 'die', 'das', 'welcher', 'welche', 'wo', 'wer', 'mit', 'fur', 'dem', 'den', 'who', 'that']);
/** A clause that is only a span of time: "Vor fünf Tagen.", "Seit drei Wochen!" */
const DURATION_CLAUSE =
  /^(vor|seit|nach|schon|uber|mitlerweile) (\d+|einer|einem|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|zwolf|vierzehn|zwanzig|dreisig) (tag|tagen|tage|woche|wochen|monat|monaten|monate|stunde|stunden|minuten|jahr|jahren)$/;
/** "Nochmal: ...", "Zum dritten Mal: ..." opening the message. */
const AGAIN_OPENER = /^\s*(nochmal|noch ?mal|noch einmal|zum (letzten|dritten|vierten|x-?ten|wiederholten) mal|ein letztes mal|once again)\s*[:!]/i;
/** A promise or status in scare quotes: 'unterwegs', „zeitnah“. */
const SCARE_QUOTED =
  /['"„‚«](unterwegs|in bearbeitung|bearbeitung|zeitnah|umgehend|demnächst|bald|gleich|sofort|schnell|kurzfristig|versendet|verschickt|erledigt|geprüft|in prüfung|in kürze|priorität)['"“”‘’»]/i;
const CANCEL_WORD = /^(kundig|gekundig|chundig|gchundig|kundg|cancel|storn)/;
const CONGRATS = new Set(['gluckwunsch', 'gratuliere', 'gratulation', 'gratulire', 'bravo', 'glukwunsch']);
/** "Komisch, dass das Abbuchen klappt, aber die Gutschrift nicht." */
const IRONIC_CONTRAST =
  /^(komisch|seltsam|merkwurdig|interesant|lustig|witzig|erstaunlich|faszinierend|spanend|kurios) (das|wie|nur) .{0,200}\b(aber|nur|doch) .{0,200}\b(nicht|nie|ned|nid|kein|keine|nix|nichts)\b/;

/**
 * Combinations no single cue carries: a negative adjective with a group noun ("armseliger Haufen"), a negative
 * superlative beyond comparison ("der schlechteste Kundenservice des Landes"), cancellation with emphasis or
 * finality ("Kündigung. Jetzt.", "und wehe ..."), mockery piled up, irony by contrast.
 */
function combinationEvidence(
  raw: string,
  tokens: readonly string[],
  hits: readonly CueHit[],
  clauseStarts: ReadonlySet<number>,
  out: Evidence[],
): void {
  const resolved = hits.some((h) => h.tag === 'resolved');
  let groupContempt = false;
  let superlative = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (GROUP_NOUN.test(token) && i > 0) {
      for (let back = 1; back <= 2 && i - back >= 0; back++) {
        if (clauseStarts.has(i - back + 1)) break;
        if (NEGATIVE_ROOT.test(tokens[i - back]) && !NEGATION_BEFORE.has(tokens[i - back - 1] ?? '')) groupContempt = true;
      }
      // "Was für ein Verein", "ihr seid ein Haufen ...": the group word itself is the verdict.
      if (/^(haufen|haufn|haufa|verein|saftladen|bude|truppe|trupe|schupen)$/.test(token)) {
        const before = tokens.slice(Math.max(0, i - 4), i).join(' ');
        if (/\b(was fur|so ein|seid ein|seids a|seid a|seits a|sind ein|sind a)\b/.test(before)) groupContempt = true;
      }
    }
    if (NEGATIVE_SUPERLATIVE.test(token) && !NEGATION_BEFORE.has(tokens[i - 1] ?? '')) {
      const around = tokens.slice(i + 1, i + 9);
      const judged = around.slice(0, 2).some((w) => GROUP_NOUN.test(w) || JUDGED_NOUN.test(w));
      if (judged || around.some((w) => SUPERLATIVE_SCOPE.has(w))) superlative = true;
    }
  }
  if (groupContempt) out.push({ signal: 'contempt', weight: 0.7 });
  if (superlative) out.push({ signal: 'contempt', weight: 0.7 });

  // "je erlebt", "noch nie erlebt" judge only with a negative word; "der beste Service, den ich je erlebt habe" is praise.
  const text = ' ' + tokens.join(' ') + ' ';
  if (!superlative && !resolved && BEYOND_COMPARISON.test(text)) {
    const blame = tokens.some((w) => NEGATIVE_ROOT.test(w)) || hits.some((h) => h.tag === 'anger' || h.tag === 'insult' || h.tag === 'swear');
    const outrage = / (so etwas|sowas|so was|sowos|so opis) /.test(text) && !hits.some((h) => h.tag === 'positive' || h.tag === 'polite');
    if (blame || outrage) out.push({ signal: 'contempt', weight: 0.65 });
  }
  // Count separate mocking phrases; "Super, danke für nichts" is one jab, not two.
  const jabs = hits.filter((h) => h.tag === 'sarcasm');
  let lexical = 0;
  let lastEnd = -1;
  for (const jab of [...jabs].sort((a, b) => a.start - b.start)) {
    if (jab.start >= lastEnd) lexical++;
    lastEnd = Math.max(lastEnd, jab.end);
  }
  // Resolved-and-sincere messages had their sarcasm removed above.
  const sarcasm = out.some((e) => e.signal === 'sarcasm') ? lexical : 0;
  const congratsDone = !tokens.includes('danke') && tokens.some((w) => CONGRATS.has(w)) && tokens.some((w) => w === 'geschaft' || w === 'hinbekomen' || w === 'gschaft');
  // Two jabs about an actual failure, or with open mockery ("Ich bin gerührt"), scorn the company; "Na toll. Super." only sighs.
  const complaint =
    hits.some((h) => h.tag === 'failure') ||
    out.some((e) => e.signal === 'annoyance' && e.weight >= 0.3) ||
    jabs.some((j) => MOCKERY.has(j.pattern));
  if (!resolved && ((sarcasm >= 2 && complaint) || (congratsDone && sarcasm >= 1))) out.push({ signal: 'contempt', weight: 0.6 });

  const cancels = tokens.some((w) => CANCEL_WORD.test(w)) || hits.some((h) => h.tag === 'threat:cancel');
  if (cancels && cancellationEmphasis(raw, tokens, hits, clauseStarts, sarcasm > 0)) out.push({ signal: 'threat:cancel', weight: 0.62 });

  // "Vor fünf Tagen." after a request, "Nochmal: ...", a promise in scare quotes ('zeitnah'): impatience in the form.
  if (!out.some((e) => e.signal === 'annoyance' && e.weight >= 0.3)) {
    const starts = [...clauseStarts].filter((i) => i > 0 && i < tokens.length).sort((a, b) => a - b);
    const bareSpan = starts.some((st, k) => DURATION_CLAUSE.test(tokens.slice(st, starts[k + 1] ?? tokens.length).join(' ')));
    // A quoted status is a citation ("Status 'versendet'") unless time has run on it ("seit 10 Tagen 'unterwegs'").
    const scare = SCARE_QUOTED.test(raw) && / (seit|schon|imer noch|noch imer|angeblich|tagen|wochen) /.test(text);
    if (bareSpan || AGAIN_OPENER.test(raw) || scare) out.push({ signal: 'annoyance', weight: 0.35 });
  }
  if (IRONIC_CONTRAST.test(text.trim()) && !HELP_QUESTION.test(text) && !out.some((e) => e.signal === 'sarcasm')) out.push({ signal: 'sarcasm', weight: 0.4 });

  // "..., andernfalls erstatte ich Anzeige": an ultimatum with a deadline or the law behind it is a threat; a bare one is anger.
  const ultimatum = ULTIMATUM.exec(text);
  // "sonst werde ich gemahnt", "sonst mache ich es falsch" are worries, not threats: the step must be one against the company.
  if (ultimatum && CUSTOMER_STEP.test(ultimatum[0])) {
    const legal = LEGAL_STEP.test(ultimatum[0]);
    const backed = legal || DEADLINE.test(text);
    const threat = out.find((e) => e.signal.startsWith('threat:'));
    if (!threat) out.push(backed ? { signal: legal ? 'threat:legal' : 'threat:cancel', weight: 0.62 } : { signal: 'anger', weight: 0.45 });
    else if (backed && threat.weight < 0.6) out.push({ signal: threat.signal, weight: 0.62 });
  }
  // "Chapeau, drei Wochen für ...": praise opening a span of time or a repeat is mock praise.
  if (!out.some((e) => e.signal === 'sarcasm') && !resolved && MOCK_OPENER.test(text) && SPAN.test(text) && !tokens.some((w) => SINCERE.has(w))) {
    out.push({ signal: 'sarcasm', weight: 0.45 });
  }
  // "Menü, Menü, Menü", "nein nein nein": one word said three times over is a sigh of impatience.
  if (!out.some((e) => e.signal === 'annoyance' && e.weight >= 0.35) && hasTriple(tokens)) out.push({ signal: 'annoyance', weight: 0.35 });
  // "Seit Montag offen. Heute ist Freitag.": the customer counts the days for us.
  if (!out.some((e) => e.signal === 'annoyance' && e.weight >= 0.35) && countsDays(text)) out.push({ signal: 'annoyance', weight: 0.35 });
}

/** Praise opening the message, the way mockery starts: "Chapeau, ...", "Bravo, ...", "Respekt, ...". */
const MOCK_OPENER = /^ (na )?(chapeau|bravo|respekt|hut ab|gratuliere|gratulation|glukwunsch|herzlichen glukwunsch|toll|super|klasse|prima|grosartig|hervoragend|ausgezeichnet|wunderbar|wow|perfekt|spitze)( wirklich| echt| ehrlich)? /;
/** Words that make opening praise sincere: "Super, zwei Wochen bis zur Lieferung, das passt mir gut." */
const SINCERE: ReadonlySet<string> = new Set(['danke', 'dankeschon', 'merci', 'pasend', 'past', 'gut', 'freue', 'freut', 'schnel', 'rechtzeitig', 'punktlich']);
/** A span of time or a count of attempts: "drei Wochen", "zum fünften Mal", "schon wieder". */
const SPAN =
  / ((\d+|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|zwanzig|dreisig|einen|einem|einer|ein) (ganzen |halben |volen |geschlagenen )?(tag|tage|tagen|woche|wochen|monat|monate|monaten|stunde|stunden|jahr|jahre|anlaufe|versuche|anrufe|mails)|zum \S+ mal|schon wieder|wieder mal|erneut) /;
/** "andernfalls erstatte ich ...", "sonst gehe ich ...": the customer announces a step of their own. */
const ULTIMATUM =
  / (andernfals|anderenfals|ansonsten|widrigenfals|sonst|sunst|otherwise) (werde ich|ich werde|werd ich|wird ich|erstate ich|stele ich|schalte ich|wende ich|gehe ich|geh ich|ziehe ich|kundige ich|leite ich|mache ich|reiche ich|hole ich|zeige ich|melde ich|bin ich|i wil|i ll|i wil)( \S+){0,5}/;
const CUSTOMER_STEP =
  /(anzeige|anzeigen|polizei|staatsanwalt|anwalt|gericht|klage|klagen|verklagen|einschalten|kundig|wechseln|melden|veroffentlich|zuruckbuchen|zuruckbuch|widerruf|stornier|rechtlich|bewert|presse|medien|konkurenz)/;
const LEGAL_STEP = /(anzeige|strafanzeige|polizei|staatsanwalt|anwalt|gericht|klage|verbraucherzentrale|schlichtung|ombuds|presse|medien)/;
/** A deadline set by the customer: "innerhalb von 24 Stunden", "bis morgen", "bis Freitag". */
const DEADLINE =
  / (innerhalb (von |der |einer |eines )?(\S+ )?(stunde|stunden|tag|tagen|tage|woche|wochen|frist)|bis (spatestens |zum |ende |heute|morgen|ubermorgen|montag|dienstag|mitwoch|donerstag|freitag|samstag|sontag)|frist|ultimatum|within \d+)/;
const WEEKDAY = '(montag|dienstag|mitwoch|donerstag|freitag|samstag|sontag|letzter woche|letzte woche|vorletzter woche|anfang des monats|anfang monat|ostern|weihnachten)';
const SINCE_DAY = new RegExp(` seit ${WEEKDAY} `);
const TODAY_IS_DAY = new RegExp(` (heute ist|heut is|heut isch|heute haben wir|jetzt ist|mitlerweile ist|inzwischen ist|today is|its) (schon |bereits |imerhin )?${WEEKDAY} `);

/** "seit Montag … heute ist schon Freitag": two searches, one after the other, so the scan stays linear. */
function countsDays(text: string): boolean {
  const since = SINCE_DAY.exec(text);
  return since !== null && TODAY_IS_DAY.test(text.slice(since.index + since[0].length - 1));
}
const TRIPLE_IGNORED: ReadonlySet<string> = new Set(['danke', 'bitte', 'sehr', 'super', 'toll', 'gut', 'ja', 'ha', 'haha', 'hi', 'lol', 'merci', 'thanks', 'yes']);

/** The same word three times in a row ("Menü, Menü, Menü"). */
function hasTriple(tokens: readonly string[]): boolean {
  for (let i = 2; i < tokens.length; i++) {
    const w = tokens[i];
    if (w.length >= 3 && !/\d/.test(w) && !TRIPLE_IGNORED.has(w) && tokens[i - 1] === w && tokens[i - 2] === w) return true;
  }
  return false;
}

const NEGATION_BEFORE: ReadonlySet<string> = new Set(['nicht', 'kein', 'keine', 'keinen', 'ned', 'nid', 'not', 'nie']);
const EMPHASIS_CLAUSE = /^(jetzt|sofort|jetzt sofort|sofort jetzt|und zwar sofort|und zwar jetzt|auf der stele|heute noch|subito|gleich|now|right now|endgultig|fertig|aus|schlus|basta|punkt)$/;

/** Cancellation said with emphasis or finality: a clause of its own ("Jetzt."), "wehe", "nie wieder", "und zwar alles", "!!". */
function cancellationEmphasis(
  raw: string,
  tokens: readonly string[],
  hits: readonly CueHit[],
  clauseStarts: ReadonlySet<number>,
  sarcastic: boolean,
): boolean {
  if (sarcastic || /!{2,}/.test(raw)) return true;
  const text = ' ' + tokens.join(' ') + ' ';
  if (/ (wehe|nie wieder|nie mehr|nimer|nie nie|nie im leben|reicht|reichts|reicht s|glangts|glangt s|langts|langt s|gelangt|schnauze|sat) /.test(text)) return true;
  if (/ (und zwar|zwar) (alles|sofort|jetzt|fristlos|komplet|samtliche) /.test(text)) return true;
  if (/ (alles|samtliche|samtlichen|komplet) (kundigen|gekundigt|kundige) | kundige (alles|samtliche|komplet) /.test(text)) return true;
  if (hits.some((h) => h.tag === 'anger' || h.tag === 'contempt' || h.tag === 'insult' || h.tag === 'swear')) return true;
  // A clause of only "Jetzt." or "Sofort.": the customer puts a full stop behind the demand.
  const starts = [...clauseStarts].filter((i) => i < tokens.length).sort((a, b) => a - b);
  for (let k = 0; k < starts.length; k++) {
    const clause = tokens.slice(starts[k], starts[k + 1] ?? tokens.length).join(' ');
    if (k > 0 && EMPHASIS_CLAUSE.test(clause)) return true;
  }
  return false;
}

const CONDITIONAL: ReadonlySet<string> = new Set(['wenn', 'falls', 'sofern', 'sollte', 'ob', 'if', 'wen', 'fals']);

/** "wenn es dann immer noch nicht geht, melde ich mich": a weak marker in a condition is a plan, not a complaint. */
function isHypothetical(hit: CueHit, tokens: readonly string[], clauseStarts: ReadonlySet<number>): boolean {
  if (hit.tag !== 'annoyance' || hit.weight > 0.3) return false;
  for (let i = hit.start - 1; i >= Math.max(0, hit.start - 4); i--) {
    if (CONDITIONAL.has(tokens[i])) return true;
    if (clauseStarts.has(i)) break;
  }
  return false;
}

/** "nicht sauer", "kein Witz": a negation right before a one-word feeling, within the same clause. */
function isNegated(hit: CueHit, tokens: readonly string[], clauseStarts: ReadonlySet<number>): boolean {
  if (hit.tag !== 'anger' && hit.tag !== 'annoyance') return false;
  if (hit.end - hit.start !== 1 || hit.start === 0 || clauseStarts.has(hit.start)) return false;
  return NEGATIONS.has(tokens[hit.start - 1]);
}

const WORD_OR_BREAK = /[\p{L}\p{N}]+|[,.;:!?()\n]/gu;

/** Indices of tokens that follow a comma, full stop or similar, so that clauses can be told apart. */
function clauseStartIndices(raw: string): Set<number> {
  const starts = new Set<number>([0]);
  let index = 0;
  for (const match of raw.matchAll(WORD_OR_BREAK)) {
    const first = match[0].charCodeAt(0);
    if (match[0].length === 1 && ',.;:!?()\n'.includes(match[0]) && !(first >= 48 && first <= 57)) starts.add(index);
    else index++;
  }
  return starts;
}

/** A positive word at the start, or right before a failure word: "Toll, wieder kein Netz", "Super Service, echt". */
function isSarcastic(tokens: readonly string[], hits: readonly CueHit[]): boolean {
  const failures = hits.filter((h) => h.tag === 'failure');
  if (failures.length === 0 || hits.some((h) => h.tag === 'resolved')) return false;
  for (const hit of hits) {
    if (hit.tag !== 'positive' || tokens[hit.start] === 'danke') continue;
    const opener = hit.start === 0 || (hit.start === 1 && SARCASM_OPENERS.has(tokens[0]));
    const closeToFailure = failures.some((f) => f.start > hit.start && f.start - hit.end <= 1);
    // A closing "toll" after a failure: "Und wieder falsch abgerechnet, toll."
    // Bare negations do not count there ("Keine Probleme mehr, perfekt"), and thanks make it sincere.
    const closer =
      hit.end === tokens.length &&
      !tokens.includes('danke') &&
      failures.some((f) => f.end <= hit.start && !NEGATIONS.has(f.pattern) && f.pattern !== 'nichts' && f.pattern !== 'nix');
    if (opener || closeToFailure || closer) return true;
  }
  return false;
}

function shapeEvidence(raw: string, out: Evidence[], urgentOnly: boolean): void {
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

/** What, next to outrage ("Frechheit", "unverschämt"), makes a second, independent signal. */
const SECOND_SIGNALS: ReadonlySet<string> = new Set(['sarcasm', 'bot_abuse', 'threat:cancel', 'threat:public', 'threat:authority']);

function canBeIrate(evidence: readonly Evidence[]): boolean {
  let mild = 0;
  let loud = false;
  const heated = evidence.some((e) => (e.signal === 'anger' || e.signal === 'contempt') && e.weight >= 0.4);
  for (const e of evidence) {
    if (IRATE_TAGS.has(e.signal) && e.weight >= IRATE_MIN_WEIGHT) return true;
    if (heated && SHAPE_SIGNALS.has(e.signal)) return true;
    // Two independent moderate signals: outrage plus mockery, bot abuse or a threat (a civil complaint beside it stays annoyed).
    if (heated && SECOND_SIGNALS.has(e.signal) && e.weight >= 0.35) return true;
    if (e.signal === 'emoji:cursing' || e.signal === 'model:irate' || e.signal === 'lingering' || e.signal === 'sustained') return true;
    // Patience that has run out over the conversation: the bot failed again and again, or the customer was irate already.
    if ((e.signal === 'failed_turns' || e.signal === 'rising') && e.weight >= 0.35) return true;
    if (e.signal === 'repeated') return true;
    if (e.signal === 'shouting' && e.weight >= 0.4) return true;
    if (e.signal === 'exclamation' && e.weight >= 0.35) loud = true;
    else if (e.signal !== 'model') mild++;
  }
  return loud && mild >= 1;
}

function historyEvidence(
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

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
