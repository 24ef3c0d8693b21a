import { exampleFeatures, trainingCorpus, type LabelledExample } from './corpus';
import { extractFeatures } from './features';
import { ACRONYMS, ANGRY_EMOJI, ANNOYED_EMOJI, FRUSTRATION_CUES, NEGATIONS } from './frustrationLexicon';
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
  'custom',
]);

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
 * combined by noisy-or, so each adds without the sum leaving [0, 1].
 *
 * Urgency is not frustration: "Karte gestohlen, bitte sofort sperren!" carries no cue.
 */
export class GermanFrustrationScorer implements FrustrationScorer {
  private readonly matcher = new PhraseMatcher(FRUSTRATION_CUES, { fuzzy: false });
  private readonly model: LinearModel;
  private readonly customMatchers = new Map<string, PhraseMatcher>();

  constructor(
    private readonly defaults: FrustrationThresholds = DEFAULT_FRUSTRATION_THRESHOLDS,
    corpus: readonly LabelledExample[] = trainingCorpus(),
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
    shapeEvidence(raw, evidence);
    const messageSignals = evidence.length;
    if (tokens.length > 0) this.modelEvidence(raw, messageSignals > 0, tone.courteous, evidence);
    if (history) historyEvidence(raw, tokens, history, messageSignals > 0, evidence);

    let calm = 1;
    for (const e of evidence) calm *= 1 - e.weight;
    const score = round(1 - calm);
    const level: FrustrationLevel = score >= limits.irate ? 2 : score >= limits.annoyed ? 1 : 0;
    return { level, score, signals: [...new Set(evidence.map((e) => e.signal))] };
  }

  /** Adds lexicon evidence; reports whether the message is courteous (thanks, "it works again"). */
  private lexicalEvidence(
    raw: string,
    tokens: readonly string[],
    extra: readonly string[] | undefined,
    out: Evidence[],
  ): { courteous: boolean } {
    const clauseStarts = clauseStartIndices(raw);
    const hits = this.matcher.match(tokens);
    if (extra && extra.length > 0) hits.push(...this.customMatcher(extra).match(tokens));

    // Strongest cue first; a token already explained by a stronger cue adds nothing more.
    const covered = new Set<number>();
    const evidenceHits = hits
      .filter((h) => EVIDENCE_TAGS.has(h.tag))
      .filter((h) => !isNegated(h, tokens, clauseStarts))
      .sort((a, b) => b.weight - a.weight);
    for (const hit of evidenceHits) {
      let overlaps = false;
      for (let i = hit.start; i < hit.end; i++) if (covered.has(i)) overlaps = true;
      if (overlaps) continue;
      for (let i = hit.start; i < hit.end; i++) covered.add(i);
      out.push({ signal: hit.tag, weight: hit.fuzzy ? hit.weight * 0.8 : hit.weight });
    }

    if (!out.some((e) => e.signal === 'sarcasm') && isSarcastic(tokens, hits)) out.push({ signal: 'sarcasm', weight: 0.45 });

    // Politeness takes the edge off a single weak marker, never off insults or threats.
    const polite = hits.some((h) => h.tag === 'polite');
    if (polite && out.length === 1 && out[0].weight <= 0.3) out[0] = { ...out[0], weight: out[0].weight * 0.8 };
    return { courteous: polite || hits.some((h) => h.tag === 'resolved') };
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
    if (opener || closeToFailure) return true;
  }
  return false;
}

function shapeEvidence(raw: string, out: Evidence[]): void {
  const words = raw.match(/\p{L}+/gu) ?? [];
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
  if (letters >= 8 && upper / letters >= 0.7) out.push({ signal: 'shouting', weight: 0.5 });
  else if (shoutedWords >= 2) out.push({ signal: 'shouting', weight: 0.4 });
  else if (shoutedWords === 1) out.push({ signal: 'shouting', weight: 0.25 });

  const bangs = raw.match(/!{2,}/g);
  const longest = bangs ? Math.max(...bangs.map((b) => b.length)) : 0;
  if (longest >= 3) out.push({ signal: 'exclamation', weight: 0.35 });
  else if (longest === 2) out.push({ signal: 'exclamation', weight: 0.25 });
  if (/\?!|!\?|\?{2,}/.test(raw)) out.push({ signal: 'exasperation', weight: 0.3 });

  if (ANGRY_EMOJI.test(raw)) out.push({ signal: 'emoji:angry', weight: 0.55 });
  else if (ANNOYED_EMOJI.test(raw)) out.push({ signal: 'emoji:annoyed', weight: 0.35 });
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
      if (prevTokens.join(' ') === current) {
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
