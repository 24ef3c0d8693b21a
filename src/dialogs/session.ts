import type { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { TFunction } from 'i18next';
import { I18nService, Lang, toLang } from '../services/i18n/i18nService';
import type { FrustrationHistory, FrustrationLevel, Intent } from '../services/nlu/types';
import { maskSensitive } from '../services/privacy/masking';

/** What the conversation remembers besides the dialog stack; the handoff summary comes from here. */
export interface SessionState {
  language?: Lang;
  greeted: boolean;
  /** Menu labels in the order the customer went through them. */
  menuPath: string[];
  /** Short masked facts for the agent ("Fehlerbild: kein Internet"). */
  facts: string[];
  references: string[];
  /** The request type being handled right now. */
  category?: Intent;
  history: FrustrationHistory;
  lastFrustration: { level: FrustrationLevel; score: number };
}

/** What we remember of a customer across conversations (user state). */
export interface CustomerProfile {
  firstSeenAt?: string;
  lastConversationId?: string;
  conversations: number;
}

const HISTORY_LENGTH = 6;
const MAX_FACTS = 12;

/** Access to the session (conversation state) and profile (user state) of the current turn. */
export class SessionStore {
  private readonly session: StatePropertyAccessor<SessionState>;
  private readonly profile: StatePropertyAccessor<CustomerProfile>;

  constructor(
    conversationState: ConversationState,
    userState: UserState,
    private readonly i18n: I18nService,
  ) {
    this.session = conversationState.createProperty<SessionState>('lotseSession');
    this.profile = userState.createProperty<CustomerProfile>('lotseProfile');
  }

  get(context: TurnContext): Promise<SessionState> {
    return this.session.get(context, {
      greeted: false,
      menuPath: [],
      facts: [],
      references: [],
      history: { previousTexts: [], previousLevels: [], failedTurns: 0 },
      lastFrustration: { level: 0, score: 0 },
    });
  }

  getProfile(context: TurnContext): Promise<CustomerProfile> {
    return this.profile.get(context, { conversations: 0 });
  }

  async lang(context: TurnContext): Promise<Lang> {
    const session = await this.get(context);
    return session.language ?? toLang(context.activity.locale, this.i18n.defaultLang);
  }

  async t(context: TurnContext): Promise<TFunction> {
    return this.i18n.t(await this.lang(context));
  }

  /** Remembers a customer message (masked, shortened) and its frustration level for the scorer. */
  async remember(context: TurnContext, text: string, level: FrustrationLevel, score: number): Promise<void> {
    const s = await this.get(context);
    s.history.previousTexts = [...s.history.previousTexts, maskSensitive(text).slice(0, 300)].slice(-HISTORY_LENGTH);
    s.history.previousLevels = [...s.history.previousLevels, level].slice(-HISTORY_LENGTH);
    s.lastFrustration = { level, score };
  }

  async addFact(context: TurnContext, fact: string): Promise<void> {
    const s = await this.get(context);
    s.facts = [...s.facts, maskSensitive(fact).slice(0, 200)].slice(-MAX_FACTS);
  }

  async addReference(context: TurnContext, reference: string): Promise<void> {
    const s = await this.get(context);
    if (!s.references.includes(reference)) s.references.push(reference);
  }

  async enter(context: TurnContext, category: Intent, label: string): Promise<void> {
    const s = await this.get(context);
    s.category = category;
    s.menuPath = [...s.menuPath, label].slice(-10);
  }

  async failed(context: TurnContext): Promise<number> {
    const s = await this.get(context);
    s.history.failedTurns += 1;
    return s.history.failedTurns;
  }

  async succeeded(context: TurnContext): Promise<void> {
    const s = await this.get(context);
    s.history.failedTurns = 0;
  }
}
