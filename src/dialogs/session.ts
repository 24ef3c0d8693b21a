import type { BotState, ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { TFunction } from 'i18next';
import { I18nService, Lang, toLang } from '../services/i18n/i18nService';
import type { FrustrationHistory, FrustrationLevel, Intent } from '../services/nlu/types';
import { maskSensitive } from '../services/privacy/masking';
import type { Expectation } from './interpreter/expectation';
import type { Field } from './interpreter/matchers';

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
  /** The area the conversation was last about, kept after the request ends ("Wann ist das behoben? Ich will jemanden sprechen"). */
  lastTopic?: Intent;
  history: FrustrationHistory;
  lastFrustration: { level: FrustrationLevel; score: number };
  /** What the step waiting for the customer's next message expects (set whenever a question is asked). */
  expect?: Expectation;
  /** When the customer last wrote (ISO), for "Willkommen zurück" after a pause. */
  lastSeenAt?: string;
  /** The last question the knowledge base answered, for follow-ups ("Und wie lade ich es auf?"). */
  lastQuestion?: string;
  /** Protests ("Sie verstehen mich nicht") in this conversation; the second one brings a person. */
  protests?: number;
  /** The knowledge entry answered last, until the customer's next message: never sent twice in a row. */
  lastAnswerId?: string;
  /** The knowledge entry answered last, kept after the next message: "can you do it for me?" refers to it. */
  answeredBefore?: string;
  /** The personal data the last answer told how to change ("Wie ändere ich meine IBAN?"): details given next are that change. */
  answeredField?: Field;
  /** The knowledge entry the customer asked the assistant to carry out and heard it cannot. */
  cannotDoIt?: string;
  /** Messages the customer wrote in this conversation, this one included. */
  messages?: number;
  /** A second request named in the same message as the first, taken up when the first is done. */
  pendingRequest?: string;
  /** The block request recorded in this conversation, until called off: a corrected number or "hab es wieder" acts on it. */
  block?: { reference: string; phone?: string };
}

/** What we remember of a customer across conversations (user state). */
export interface CustomerProfile {
  firstSeenAt?: string;
  lastConversationId?: string;
  conversations: number;
}

const SESSION = 'lotseSession';
const PROFILE = 'lotseProfile';

/**
 * The property as StatePropertyAccessor.get would return it, without its asynchronous load, when
 * the state is loaded for this turn and has the property; undefined otherwise.
 */
function loadedProperty<T>(state: BotState, context: TurnContext, name: string): T | undefined {
  const bag = state.get(context) as Record<string, unknown> | undefined;
  if (!bag || !Object.prototype.hasOwnProperty.call(bag, name)) return undefined;
  return (bag[name] ?? undefined) as T | undefined;
}

function newSession(): SessionState {
  return {
    greeted: false,
    menuPath: [],
    facts: [],
    references: [],
    history: { previousTexts: [], previousLevels: [], failedTurns: 0 },
    lastFrustration: { level: 0, score: 0 },
  };
}

const HISTORY_LENGTH = 6;
const MAX_FACTS = 12;

/** Access to the session (conversation state) and profile (user state) of the current turn. */
export class SessionStore {
  private readonly session: StatePropertyAccessor<SessionState>;
  private readonly profile: StatePropertyAccessor<CustomerProfile>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly i18n: I18nService,
  ) {
    this.session = conversationState.createProperty<SessionState>(SESSION);
    this.profile = userState.createProperty<CustomerProfile>(PROFILE);
  }

  async get(context: TurnContext): Promise<SessionState> {
    // Asked for many times a turn: once the state is loaded, read it straight from the turn's cache.
    const loaded = loadedProperty<SessionState>(this.conversationState, context, SESSION);
    if (loaded !== undefined) return loaded;
    return (await this.session.get(context)) ?? this.session.get(context, newSession());
  }

  async getProfile(context: TurnContext): Promise<CustomerProfile> {
    const loaded = loadedProperty<CustomerProfile>(this.userState, context, PROFILE);
    if (loaded !== undefined) return loaded;
    return (await this.profile.get(context)) ?? this.profile.get(context, { conversations: 0 });
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
    s.lastTopic = category;
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
