import { randomUUID } from 'node:crypto';
import {
  Activity,
  ActivityTypes,
  BotAdapter,
  ConversationReference,
  ConversationState,
  MemoryStorage,
  ResourceResponse,
  TurnContext,
  UserState,
} from 'botbuilder';
import { DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import type { Clock } from '../../dialogs/clock';
import type { Knowledge, Triage } from '../../dialogs/dialogDeps';
import { MainDialog } from '../../dialogs/mainDialog';
import { SessionStore } from '../../dialogs/session';
import type { ContentProvider, Menu, Settings } from '../content/types';
import { ValidationError } from '../errors';
import { isWithinBusinessHours } from '../handoff/businessHours';
import type { HandoffRequest, HandoffRequester, HandoffTicket } from '../handoff/types';
import { I18nService, Lang, LANGUAGES } from '../i18n/i18nService';
import type { Logger } from '../logger';
import type { NewServiceRequest, RecordedRequest } from '../requests/serviceRequestService';
import type { ContentStore } from './contentStore';
import type { FaqService } from './faqService';
import { isPlainObject, rejectUnknownKeys, requireText } from './validators/textRules';
import { validateMenus } from './validators/menu';
import { applySettingsEdit } from './validators/settings';
import { applyTranslationEdit, TranslationTree } from './validators/translations';

export const MAX_PREVIEW_MESSAGES = 20;

export interface PreviewReply {
  text: string;
  /** Button titles offered with the reply. */
  choices: string[];
}

export interface PreviewTurn {
  /** The customer's message; null for the start of the conversation (the greeting). */
  message: string | null;
  replies: PreviewReply[];
}

/** Collects what the bot would send instead of sending it. */
class PreviewAdapter extends BotAdapter {
  readonly sent: Partial<Activity>[] = [];

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    for (const activity of activities) if (activity.type === ActivityTypes.Message) this.sent.push(activity);
    return activities.map(() => ({ id: randomUUID() }));
  }

  async updateActivity(): Promise<void> {
    // Nothing is shown anywhere: nothing to update.
  }

  async deleteActivity(): Promise<void> {
    // Nothing is shown anywhere: nothing to delete.
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, TurnContext.applyConversationReference({ type: ActivityTypes.Event }, reference, true)), logic);
  }

  async process(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const from = this.sent.length;
    await this.runMiddleware(new TurnContext(this, activity), logic);
    return this.sent.slice(from);
  }
}

/** The queue as the preview sees it: says what would happen, queues nobody. */
class PreviewHandoff implements HandoffRequester {
  constructor(
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  async requestHandoff(request: HandoffRequest): Promise<HandoffTicket> {
    const open = isWithinBusinessHours(this.settings.businessHours, this.settings.timeZone, this.clock.now());
    return { handoffId: 'preview', position: 1, estimatedWaitMinutes: 2, outsideBusinessHours: !open && request.reason !== 'urgent' };
  }
}

/** Service requests as the preview sees them: a reference number, nothing stored. */
const previewRequests = {
  async create(request: NewServiceRequest): Promise<RecordedRequest> {
    return { reference: 'VORSCHAU', type: request.type, ...(request.type === 'complaint' ? { responseDueAt: new Date(Date.now() + 7 * 86_400_000) } : {}) };
  },
  async addDetails(): Promise<void> {
    // Nothing is stored in a preview.
  },
};

export interface PreviewDeps {
  store: ContentStore;
  faqs: FaqService;
  /** The live content, the base the draft is laid over. */
  content: ContentProvider;
  triage: Triage;
  knowledge: Knowledge;
  clock: Clock;
  logger: Logger;
  defaultLanguage: Lang;
}

/**
 * Runs the real customer conversation in-process with a draft of translations, menu and settings
 * laid over the live content: memory state, a collecting adapter, a queue and a request store
 * that record nothing. Nothing is published and nothing is written.
 */
export class PreviewService {
  constructor(private readonly deps: PreviewDeps) {}

  async run(input: unknown): Promise<{ turns: PreviewTurn[] }> {
    if (!isPlainObject(input)) throw new ValidationError('body', 'must be an object { draft, messages, language }');
    rejectUnknownKeys(input, ['draft', 'messages', 'language'], '');
    const language = input.language === undefined ? this.deps.defaultLanguage : input.language;
    if (typeof language !== 'string' || !(LANGUAGES as readonly string[]).includes(language)) throw new ValidationError('language', `must be one of ${LANGUAGES.join(', ')}`);
    if (!Array.isArray(input.messages)) throw new ValidationError('messages', 'must be a list of customer messages');
    if (input.messages.length > MAX_PREVIEW_MESSAGES) throw new ValidationError('messages', `may hold at most ${MAX_PREVIEW_MESSAGES} messages`);
    const messages = input.messages.map((m, i) => requireText(m, `messages[${i}]`, 1000));

    const { i18n, content, settings } = await this.draft(input.draft ?? {});
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const dialog = new MainDialog({
      i18n,
      content,
      triage: this.deps.triage,
      knowledge: this.deps.knowledge,
      requests: previewRequests,
      handoff: new PreviewHandoff(settings, this.deps.clock),
      clock: this.deps.clock,
      logger: this.deps.logger,
      sessions: new SessionStore(conversationState, userState, i18n),
    });
    const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    dialogs.add(dialog);
    let ended = false;
    const logic = async (context: TurnContext) => {
      if (ended) return;
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(dialog.id);
      // After a handoff the conversation belongs to a person; the preview says so and stops.
      else if (result.status === DialogTurnStatus.complete) ended = true;
      await conversationState.saveChanges(context, false);
      await userState.saveChanges(context, false);
    };

    const adapter = new PreviewAdapter();
    const base = {
      channelId: 'preview',
      serviceUrl: 'http://preview.invalid',
      conversation: { id: `preview-${randomUUID()}` },
      from: { id: 'preview-customer', name: 'Kunde' },
      recipient: { id: 'lotse-bot', name: 'Lotse' },
      locale: language === 'en' ? 'en-GB' : 'de-DE',
    } as Partial<Activity>;
    const turns: PreviewTurn[] = [];
    const start = await adapter.process({ ...base, type: ActivityTypes.ConversationUpdate, id: randomUUID(), membersAdded: [{ id: 'preview-customer', name: 'Kunde' }] }, logic);
    turns.push({ message: null, replies: start.map(toReply) });
    for (const text of messages) {
      const replies = ended ? [] : await adapter.process({ ...base, type: ActivityTypes.Message, id: randomUUID(), text, timestamp: new Date() }, logic);
      turns.push({ message: text, replies: replies.map(toReply) });
    }
    return { turns };
  }

  /** The live content with the draft on top, validated exactly like a real edit. */
  private async draft(draft: unknown): Promise<{ i18n: I18nService; content: ContentProvider; settings: Settings }> {
    if (!isPlainObject(draft)) throw new ValidationError('draft', 'must be an object { translations, menus, settings }');
    rejectUnknownKeys(draft, ['translations', 'menus', 'settings'], 'draft');
    const i18n = new I18nService(this.deps.defaultLanguage);
    const translations = draft.translations ?? {};
    if (!isPlainObject(translations)) throw new ValidationError('draft.translations', 'must be an object keyed by language');
    rejectUnknownKeys(translations, LANGUAGES, 'draft.translations');
    for (const lng of LANGUAGES) {
      const current = ((await this.deps.store.current('translations', lng)) as TranslationTree | undefined) ?? {};
      const next = translations[lng] === undefined ? current : applyTranslationEdit(lng, i18n.shippedResources(lng), current, translations[lng]);
      i18n.setOverrides(lng, next as Record<string, Record<string, unknown>>);
    }
    const liveMenus = await this.deps.content.menus();
    const liveSettings = await this.deps.content.settings();
    const menus: Record<string, Menu> = draft.menus === undefined ? liveMenus : validateMenus(draft.menus, await this.deps.faqs.index());
    const settings: Settings = draft.settings === undefined ? liveSettings : applySettingsEdit(structuredClone(liveSettings), draft.settings);
    return { i18n, settings, content: { menus: async () => menus, settings: async () => settings } };
  }
}

function toReply(activity: Partial<Activity>): PreviewReply {
  const actions = activity.suggestedActions?.actions ?? [];
  return { text: activity.text ?? '', choices: actions.map((a) => String(a.title ?? a.value ?? '')) };
}
