import type { TurnContext } from 'botbuilder';
import { normalizeText } from '../services/nlu/normalize';
import type { TriageAssessment } from '../services/nlu/triageService';
import { containsCardNumber } from '../services/privacy/masking';
import type { HandoffReason } from '../services/handoff/types';
import type { DialogDeps } from './dialogDeps';
import { parseYesNo } from './replies';

/** Longest message the bot reads; a longer one is politely refused instead of being guessed at. */
export const MAX_MESSAGE_CHARS = 1000;

export type Verdict =
  /** Not the first dialog to look at this turn, or nothing special: carry on. */
  | { kind: 'pass'; assessment?: TriageAssessment }
  /** Not a message (e.g. conversationUpdate while a dialog runs). */
  | { kind: 'ignore' }
  /** The guard has answered (bad input, help, language switch); the dialog re-asks its question. */
  | { kind: 'answered'; why: 'bad_input' | 'help' | 'language' }
  | { kind: 'menu' }
  | { kind: 'cancel' }
  | { kind: 'handoff'; reason: HandoffReason; needsSupervisor: boolean }
  /** A lost card or phone mentioned in another dialog: blocking help first. */
  | { kind: 'urgent'; text: string };

const GUARDED = Symbol('lotse.turnGuard');
const ASSESSMENT = Symbol('lotse.assessment');

const HELP = /^(hilfe|help|was kann ich (hier )?tun|wie funktioniert das( hier)?|\?+)$/;
const MENU = /^(menu|menue|hauptmenu|hauptmenue|main menu|zuruck zum menu|zurueck zum menue|zurueck|zuruck|start|back|startseite)$/;
const CANCEL = /^(abbrechen|abbruch|stopp|stop|cancel|vergessen sie es|lassen sie es|egal)$/;
const HUMAN = /^((ich (will|moechte|mochte) )?(einen |eine |mit einem |mit einer )?(mitarbeiter|mitarbeiterin|mensch|menschen|agent|berater|beraterin|person|human|someone|a person|an agent)( sprechen| bitte| please)?)$/;
const PIN_TYPED = /\b(pin|geheimzahl|cvc|cvv|pruefnummer|prufnummer)\b\D{0,20}\d{3,6}\b/;
const ENGLISH_WISH = /^(.{0,20}\b)?(english|englisch|in english)\b(.{0,15})$/;
const GERMAN_WISH = /^(.{0,20}\b)?(deutsch|german|auf deutsch|in german)\b(.{0,15})$/;

/**
 * The checks every customer message passes before a dialog sees it, done once per turn by the
 * outermost dialog: bad input, card numbers and PINs, a wished language, the global commands,
 * and triage with frustration history. Dialogs read the turn's assessment through assessment().
 */
export class TurnGuard {
  constructor(private readonly deps: DialogDeps) {}

  /** The triage result of this turn's message, if the guard has seen one. */
  static assessment(context: TurnContext): TriageAssessment | undefined {
    return context.turnState.get(ASSESSMENT) as TriageAssessment | undefined;
  }

  async check(context: TurnContext): Promise<Verdict> {
    if (context.turnState.get(GUARDED)) return { kind: 'pass', assessment: TurnGuard.assessment(context) };
    context.turnState.set(GUARDED, true);
    const activity = context.activity;
    if (activity.type !== 'message') return { kind: 'ignore' };
    const t = await this.deps.sessions.t(context);
    const text = typeof activity.text === 'string' ? activity.text : '';
    const trimmed = text.trim();

    if (trimmed === '') return this.answer(context, t('conversation:input.empty'));
    if (text.length > MAX_MESSAGE_CHARS) return this.answer(context, t('conversation:input.tooLong', { max: MAX_MESSAGE_CHARS }));
    if (!/[\p{L}\p{N}?]/u.test(trimmed)) return this.answer(context, t('conversation:input.noWords'));
    const normalized = normalizeText(trimmed);
    if (containsCardNumber(trimmed)) return this.answer(context, t('conversation:privacy.cardNumber'));
    if (PIN_TYPED.test(normalized)) return this.answer(context, t('conversation:privacy.pin'));

    const session = await this.deps.sessions.get(context);
    const wish = normalized.length <= 40 ? (ENGLISH_WISH.test(normalized) ? 'en' : GERMAN_WISH.test(normalized) ? 'de' : undefined) : undefined;
    if (wish) {
      session.language = wish;
      return this.answer(context, this.deps.i18n.t(wish)('conversation:language.switched'), 'language');
    }
    if (HELP.test(normalized)) return this.answer(context, t('conversation:help.text'), 'help');
    if (MENU.test(normalized)) return { kind: 'menu' };
    if (CANCEL.test(normalized)) return { kind: 'cancel' };

    const settings = await this.deps.content.settings();
    // "Nein" to the third "Hat das geholfen?" is an answer, not a customer repeating themselves.
    const shortAnswer = /^\d$/.test(normalized) || parseYesNo(normalized) !== undefined;
    const history = shortAnswer ? { ...session.history, previousTexts: [] } : session.history;
    const assessment = this.deps.triage.assess(trimmed, history, settings.frustration);
    context.turnState.set(ASSESSMENT, assessment);
    await this.deps.sessions.remember(context, trimmed, assessment.frustration.level, assessment.frustration.score);

    if (HUMAN.test(normalized)) return { kind: 'handoff', reason: 'explicit_request', needsSupervisor: false };
    const urgent = assessment.intent.intent === 'lost_or_stolen' && assessment.intent.confidence >= 0.6;
    if (urgent && session.category !== 'lost_or_stolen') return { kind: 'urgent', text: trimmed };
    if (assessment.escalate) {
      switch (assessment.escalationReason) {
        case 'irate':
          return { kind: 'handoff', reason: 'frustration', needsSupervisor: true };
        case 'annoyed_twice':
          return { kind: 'handoff', reason: 'frustration', needsSupervisor: false };
        case 'asked_for_human':
          return { kind: 'handoff', reason: 'explicit_request', needsSupervisor: session.category === 'complaint' };
        // failed_twice: the menu offers a person itself and counts the failures.
        default:
          break;
      }
    }
    return { kind: 'pass', assessment };
  }

  private async answer(context: TurnContext, text: string, why: 'bad_input' | 'help' | 'language' = 'bad_input'): Promise<Verdict> {
    await context.sendActivity(text);
    return { kind: 'answered', why };
  }
}
