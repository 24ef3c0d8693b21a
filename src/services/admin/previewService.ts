import { randomUUID } from 'node:crypto';
import { Activity, ActivityTypes, BotAdapter, ConversationReference, ResourceResponse, TurnContext } from 'botbuilder';
import type { ContentProvider, Menu, Settings } from '../content/types';
import { ValidationError } from '../errors';
import { staffingAt } from '../handoff/businessHours';
import { priorityOf } from '../handoff/handoffLabels';
import type { HandoffRequest, HandoffRequester, HandoffTicket } from '../handoff/types';
import { I18nService, Lang, LANGUAGES } from '../i18n/i18nService';
import type { NewServiceRequest, RecordedRequest, ServiceRequestService } from '../requests/serviceRequestService';
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

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    await this.runMiddleware(
      new TurnContext(this, TurnContext.applyConversationReference({ type: ActivityTypes.Event }, reference, true)),
      logic,
    );
  }

  async process(
    activity: Partial<Activity>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<Partial<Activity>[]> {
    const from = this.sent.length;
    await this.runMiddleware(new TurnContext(this, activity), logic);
    return this.sent.slice(from);
  }
}

/**
 * The queue as the preview sees it: queues nobody, but answers like the real queue at this moment
 * (live or callback, staffed or not, when the team is back), so the preview announces what a
 * customer would read: no "Ich verbinde Sie" at night for an urgent case.
 */
class PreviewHandoff implements HandoffRequester {
  constructor(
    private readonly settings: Settings,
    private readonly now: () => Date,
  ) {}

  async requestHandoff(request: HandoffRequest): Promise<HandoffTicket> {
    const now = this.now();
    const staffing = staffingAt(this.settings, now);
    // Like the queue: outside business hours only urgent cases wait live, everything else is a callback.
    const live = staffing.staffed || priorityOf(request) === 0;
    if (live)
      return {
        handoffId: 'preview',
        position: 1,
        estimatedWaitMinutes: 2,
        outsideBusinessHours: false,
        ...staffing,
        needsContact: false,
        created: true,
      };
    const reachable = Boolean(request.contact?.phone || request.contact?.email);
    return {
      handoffId: 'preview',
      position: 0,
      estimatedWaitMinutes: 0,
      outsideBusinessHours: true,
      ...staffing,
      needsContact: !reachable,
      created: true,
    };
  }
}

/** Service requests as the preview sees them: a reference number, nothing stored. */
const previewRequests = {
  async create(request: NewServiceRequest): Promise<RecordedRequest> {
    return {
      reference: 'VORSCHAU',
      type: request.type,
      ...(request.type === 'complaint' ? { responseDueAt: new Date(Date.now() + 7 * 86_400_000) } : {}),
    };
  },
  async addDetails(): Promise<void> {
    // Nothing is stored in a preview.
  },
  async withdraw(): Promise<boolean> {
    return true;
  },
  async findByReference(): Promise<null> {
    // A preview's reference ("VORSCHAU") names no stored request.
    return null;
  },
};

/** The draft's collaborators a preview conversation is built from. */
export interface PreviewConversationParts {
  i18n: I18nService;
  content: ContentProvider;
  requests: Pick<ServiceRequestService, 'create' | 'addDetails' | 'withdraw' | 'findByReference'>;
  handoff: HandoffRequester;
}

/** One customer conversation of a preview; the composition root supplies the real one (bots/customerConversation). */
export interface PreviewConversation {
  /** Runs one turn; ended once the conversation was handed to a person or closed. */
  turn(context: TurnContext): Promise<{ ended: boolean }>;
}

export type PreviewConversationFactory = (parts: PreviewConversationParts) => PreviewConversation;

export interface PreviewDeps {
  store: ContentStore;
  faqs: FaqService;
  /** The live content, the base the draft is laid over. */
  content: ContentProvider;
  conversation: PreviewConversationFactory;
  now: () => Date;
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
    if (typeof language !== 'string' || !(LANGUAGES as readonly string[]).includes(language))
      throw new ValidationError('language', `must be one of ${LANGUAGES.join(', ')}`);
    if (!Array.isArray(input.messages)) throw new ValidationError('messages', 'must be a list of customer messages');
    if (input.messages.length > MAX_PREVIEW_MESSAGES)
      throw new ValidationError('messages', `may hold at most ${MAX_PREVIEW_MESSAGES} messages`);
    const messages = input.messages.map((m, i) => requireText(m, `messages[${i}]`, 1000));

    const { i18n, content, settings } = await this.draft(input.draft ?? {});
    const conversation = this.deps.conversation({
      i18n,
      content,
      requests: previewRequests,
      handoff: new PreviewHandoff(settings, this.deps.now),
    });
    let ended = false;
    const logic = async (context: TurnContext) => {
      // After a handoff the conversation belongs to a person; the preview says so and stops.
      if (!ended) ended = (await conversation.turn(context)).ended;
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
    const start = await adapter.process(
      {
        ...base,
        type: ActivityTypes.ConversationUpdate,
        id: randomUUID(),
        membersAdded: [{ id: 'preview-customer', name: 'Kunde' }],
      },
      logic,
    );
    turns.push({ message: null, replies: start.map(toReply) });
    for (const text of messages) {
      const replies = ended
        ? []
        : await adapter.process(
            { ...base, type: ActivityTypes.Message, id: randomUUID(), text, timestamp: new Date() },
            logic,
          );
      turns.push({ message: text, replies: replies.map(toReply) });
    }
    return { turns };
  }

  /** The live content with the draft on top, validated exactly like a real edit. */
  private async draft(draft: unknown): Promise<{ i18n: I18nService; content: ContentProvider; settings: Settings }> {
    if (!isPlainObject(draft))
      throw new ValidationError('draft', 'must be an object { translations, menus, settings }');
    rejectUnknownKeys(draft, ['translations', 'menus', 'settings'], 'draft');
    const i18n = new I18nService(this.deps.defaultLanguage);
    const translations = draft.translations ?? {};
    if (!isPlainObject(translations))
      throw new ValidationError('draft.translations', 'must be an object keyed by language');
    rejectUnknownKeys(translations, LANGUAGES, 'draft.translations');
    for (const lng of LANGUAGES) {
      const current = ((await this.deps.store.current('translations', lng)) as TranslationTree | undefined) ?? {};
      const next =
        translations[lng] === undefined
          ? current
          : applyTranslationEdit(lng, i18n.shippedResources(lng), current, translations[lng]);
      i18n.setOverrides(lng, next as Record<string, Record<string, unknown>>);
    }
    const liveMenus = await this.deps.content.menus();
    const liveSettings = await this.deps.content.settings();
    const menus: Record<string, Menu> =
      draft.menus === undefined ? liveMenus : validateMenus(draft.menus, await this.deps.faqs.index());
    const settings: Settings =
      draft.settings === undefined ? liveSettings : applySettingsEdit(structuredClone(liveSettings), draft.settings);
    return { i18n, settings, content: { menus: async () => menus, settings: async () => settings } };
  }
}

function toReply(activity: Partial<Activity>): PreviewReply {
  const actions = activity.suggestedActions?.actions ?? [];
  return { text: activity.text ?? '', choices: actions.map((a) => String(a.title ?? a.value ?? '')) };
}
