import type { Intent } from '../services/nlu/types';
import type { TriageAssessment } from '../services/nlu/triageService';
import { ConversationState, MemoryStorage, TurnContext, UserState } from 'botbuilder';
import type { Clock } from '../dialogs/clock';
import type { DialogDeps, Knowledge, RequestRecorder, Triage } from '../dialogs/dialogDeps';
import { MainDialog } from '../dialogs/mainDialog';
import { describeHours } from '../dialogs/serviceHours';
import { SessionStore } from '../dialogs/session';
import type { PreviewConversationFactory } from '../services/admin/previewService';
import type { ContentProvider } from '../services/content/types';
import type { HandoffService } from '../services/handoff/handoffService';
import type { HandoffRequester } from '../services/handoff/types';
import type { I18nService } from '../services/i18n/i18nService';
import type { Logger } from '../services/logger';
import type { Metrics } from '../services/metrics';
import { conversationEnded, CustomerBot } from './customerBot';
import { CustomerHandoffGate, HandoffMarkReader } from './handoff/customerHandoffGate';

/** Topics a waiting customer may name for a handoff that began without one. */
const WAITING_TOPICS = new Set<Intent>(['billing', 'technical', 'general', 'data_change', 'complaint']);

/** The collaborators the customer conversation is built from; production, preview and tests pass theirs. */
export interface ConversationParts {
  i18n: I18nService;
  content: ContentProvider;
  triage: Triage;
  knowledge: Knowledge;
  requests: RequestRecorder;
  handoff: HandoffRequester;
  clock: Clock;
  logger: Logger;
  conversationState: ConversationState;
  userState: UserState;
  /** Turn counters and durations; the preview's turns are not counted. */
  metrics?: Metrics;
  /** The live queue: with it the bot runs the handoff gate around the dialogs (waiting, relay, survey). */
  queue?: { handoffs: HandoffService; marks?: HandoffMarkReader };
}

export interface CustomerConversation {
  deps: DialogDeps;
  dialog: MainDialog;
  bot: CustomerBot;
}

/** What every dialog of the customer conversation receives. */
export function customerDialogDeps(parts: ConversationParts): DialogDeps {
  const { i18n, content, triage, knowledge, requests, handoff, clock, logger, conversationState, userState } = parts;
  return {
    i18n,
    content,
    triage,
    knowledge,
    requests,
    handoff,
    clock,
    logger,
    sessions: new SessionStore(conversationState, userState, i18n),
  };
}

/**
 * The customer conversation (dialogs, their deps, the bot and its handoff gate) from its
 * collaborators: one recipe for the composition root, the admin preview and the tests.
 */
export function buildCustomerConversation(parts: ConversationParts): CustomerConversation {
  const deps = customerDialogDeps(parts);
  const dialog = new MainDialog(deps);
  // The waiting listener asks for the frustration and the topic of the same message (until the
  // handoff has a topic): one assessment serves both; it is pure, so the last one may be reused.
  let last: { text: string; assessment: TriageAssessment } | undefined;
  const assess = (text: string): TriageAssessment => {
    if (last?.text !== text) last = { text, assessment: parts.triage.assess(text) };
    return last.assessment;
  };
  const gate = parts.queue
    ? new CustomerHandoffGate(parts.queue.handoffs, parts.i18n, parts.logger, parts.queue.marks, {
        frustration: (text) => assess(text).frustration,
        topic: (text) => {
          const { intent, confidence } = assess(text).intent;
          return WAITING_TOPICS.has(intent) && confidence >= 0.6 ? intent : undefined;
        },
        search: (text, lang) => parts.knowledge.search(text, lang),
        entry: async (key, lang) => (await parts.knowledge.entry(key, lang))?.text,
        now: () => parts.clock.now(),
        translate: (lang) => parts.i18n.t(lang),
        keepLanguage: async (context, lang) => {
          (await deps.sessions.get(context)).language = lang;
        },
        serviceHours: async (t) => describeHours(t, (await parts.content.settings()).businessHours) || undefined,
      })
    : undefined;
  const bot = new CustomerBot(parts.conversationState, parts.userState, dialog, parts.logger, parts.metrics, gate);
  return { deps, dialog, bot };
}

/**
 * Conversations for the admin preview: each one the real customer conversation over the draft's
 * texts, menu and settings, in memory state, without the queue's gate.
 */
export function previewConversations(
  base: Pick<ConversationParts, 'triage' | 'knowledge' | 'clock' | 'logger'>,
): PreviewConversationFactory {
  return (draft) => {
    const storage = new MemoryStorage();
    const { bot } = buildCustomerConversation({
      ...base,
      ...draft,
      conversationState: new ConversationState(storage),
      userState: new UserState(storage),
    });
    return {
      async turn(context: TurnContext) {
        await bot.run(context);
        return { ended: conversationEnded(context) };
      },
    };
  };
}
