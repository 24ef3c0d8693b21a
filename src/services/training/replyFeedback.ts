import { isInformal } from '../agentReplies/informalAddress';
import { containsArguing } from '../agentReplies/arguing';

/** How one agent reply measures against the call center's rules; hints are locale keys. */
export interface ReplyAssessment {
  formal: boolean;
  neutral: boolean;
  arguing: boolean;
  deescalating: boolean;
  concreteNextStep: boolean;
  score: number;
  /** Keys under training:hints, most important first. */
  hintKeys: string[];
}

const ACKNOWLEDGING = [
  'tut mir leid',
  'tut mir sehr leid',
  'entschuldig',
  'bedaure',
  'bedauere',
  'verstehe',
  'nachvollziehen',
  'verständlich',
  'ärgerlich',
  'unangenehm',
  'danke für ihre geduld',
  'vielen dank für ihre geduld',
  'danke, dass sie',
  'danke dass sie',
  'sie haben recht',
  'das klingt',
  'ich kümmere mich',
  'ich helfe ihnen',
  'keine sorge',
];

const NEXT_STEP_ACTIONS = [
  'ich sperre',
  'habe gesperrt',
  'ist gesperrt',
  'ich prüfe',
  'ich überprüfe',
  'ich veranlasse',
  'ich schicke',
  'ich sende',
  'ich storniere',
  'ich leite',
  'ich erstatte',
  'ich buche',
  'ich schreibe ihnen',
  'gutschrift',
  'ich rufe sie',
  'rückruf',
  'techniker',
  'ersatzkarte',
  'neue karte',
  'ich erkläre ihnen',
  'schritt für schritt',
  'ich trage',
  'ich notiere',
  'ich melde mich',
  'ich richte',
  'ich korrigiere',
];

const NEXT_STEP_REFERENCES = ['vorgangsnummer', 'ticketnummer', 'referenznummer', 'aktenzeichen', 'fallnummer'];
const NEXT_STEP_TIMES = [
  'heute',
  'morgen',
  'übermorgen',
  'bis ende',
  'innerhalb',
  'noch in dieser',
  'gleich im anschluss',
];
/** "14 Uhr", "14:30", "in 2 Stunden", "3 Werktage", a reference like "AB-12345". */
const TIME_OR_REFERENCE =
  /\b\d{1,2}(:\d{2})?\s?uhr\b|\b\d{1,2}:\d{2}\b|\b\d{1,3}\s?(minuten|stunden|tagen|tage|werktagen|werktage)\b|\b[a-z]{2,4}-\d{3,}\b/u;

/** Three or more exclamation marks, or a long stretch in capitals: shouting back is not neutral. */
function shouts(text: string): boolean {
  if (text.includes('!!!')) return true;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 12 && letters === letters.toUpperCase();
}

function containsAny(folded: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => folded.includes(p));
}

/** Assesses one reply: formal address, no arguing, acknowledgement, a concrete next step. */
export function assessReply(text: string): ReplyAssessment {
  const folded = text.slice(0, 4000).toLowerCase().replace(/\s+/g, ' ');
  const formal = !isInformal(text);
  const arguing = containsArguing(text);
  const neutral = !arguing && !shouts(text);
  const deescalating = containsAny(folded, ACKNOWLEDGING);
  const concreteNextStep =
    containsAny(folded, NEXT_STEP_ACTIONS) ||
    containsAny(folded, NEXT_STEP_REFERENCES) ||
    containsAny(folded, NEXT_STEP_TIMES) ||
    TIME_OR_REFERENCE.test(folded);
  const score =
    (formal ? 25 : 0) + (neutral ? 25 : 0) + (deescalating ? 25 : 0) + (concreteNextStep ? 25 : 0) - (arguing ? 25 : 0);
  const hintKeys: string[] = [];
  if (!formal) hintKeys.push('informal');
  if (arguing) hintKeys.push('arguing');
  else if (!neutral) hintKeys.push('shouting');
  if (!deescalating) hintKeys.push('acknowledge');
  if (!concreteNextStep) hintKeys.push('nextStep');
  if (hintKeys.length === 0) hintKeys.push('good');
  return { formal, neutral, arguing, deescalating, concreteNextStep, score: Math.max(0, score), hintKeys };
}

/** How the simulated customer's mood moves: down after a good reply, up after arguing or "du". */
export function moodChange(assessment: ReplyAssessment): -1 | 0 | 1 | 2 {
  if (assessment.arguing && !assessment.formal) return 2;
  if (assessment.arguing || !assessment.formal || !assessment.neutral) return 1;
  if (assessment.deescalating && assessment.concreteNextStep) return -1;
  if (assessment.score >= 75) return -1;
  return 0;
}
