import { Activity, AutoSaveStateMiddleware, ConversationState, MemoryStorage, UserState } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { customerDialogDeps } from '../../src/bots/customerConversation';
import type { Clock } from '../../src/dialogs/clock';
import type { DialogDeps } from '../../src/dialogs/dialogDeps';
import { StaticContentProvider } from '../../src/services/content/staticContentProvider';
import { Database } from '../../src/services/database/database';
import type { HandoffRequest, HandoffRequester, HandoffTicket } from '../../src/services/handoff/types';
import { I18nService } from '../../src/services/i18n/i18nService';
import { KnowledgeBase } from '../../src/services/knowledge/knowledgeBase';
import { createLogger } from '../../src/services/logger';
import { TriageService } from '../../src/services/nlu/triageService';
import { ServiceRequestService } from '../../src/services/requests/serviceRequestService';
import { testMongoUri } from '../support/testDb';

export const i18n = new I18nService('de');
export const de = i18n.t('de');
export const en = i18n.t('en');
const logger = createLogger('silent');

let sharedTriage: TriageService | undefined;
/** Training the recognizer takes a moment; one per test file is enough. */
export function triage(): TriageService {
  sharedTriage ??= new TriageService();
  return sharedTriage;
}

/** Records handoff requests instead of queueing them. */
export class RecordingHandoff implements HandoffRequester {
  readonly requests: HandoffRequest[] = [];
  fail = false;
  async requestHandoff(request: HandoffRequest): Promise<HandoffTicket> {
    if (this.fail) throw new Error('queue down');
    this.requests.push(request);
    return { handoffId: `h${this.requests.length}`, position: 2, estimatedWaitMinutes: 4, outsideBusinessHours: false };
  }
}

export class FixedClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return this.at;
  }
}

export interface Harness {
  deps: DialogDeps;
  handoff: RecordingHandoff;
  requests: ServiceRequestService;
  knowledge: KnowledgeBase;
  clock: FixedClock;
  database: Database;
  client(dialog: Dialog, options?: unknown): Chat;
  close(): Promise<void>;
}

export interface Chat {
  /** Sends a message (or activity) and returns every reply of the turn. */
  say(text: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** The replies' texts joined by newlines. */
  sayText(text: string | Partial<Activity>): Promise<string>;
}

/** Dialog deps with the real knowledge base and request store on a fresh test database. */
export async function createHarness(at = new Date('2025-03-12T10:00:00Z')): Promise<Harness> {
  const database = new Database(testMongoUri('dialogs'), logger);
  await database.connect();
  const clock = new FixedClock(at);
  const knowledge = new KnowledgeBase(database.connection, logger);
  try {
    await knowledge.seedIfEmpty();
  } catch (err) {
    await database.close();
    throw err;
  }
  const requests = new ServiceRequestService(database.connection, () => clock.now());
  await database.ensureIndexes();
  const handoff = new RecordingHandoff();
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const deps: DialogDeps = customerDialogDeps({
    i18n,
    content: new StaticContentProvider({ companyName: 'Muster Telekom', botName: 'Lotse', timeZone: 'Europe/Berlin' }),
    triage: triage(),
    knowledge,
    requests,
    handoff,
    clock,
    logger,
    conversationState,
    userState,
  });
  return {
    deps,
    handoff,
    requests,
    knowledge,
    clock,
    database,
    client(dialog, options) {
      const client = new DialogTestClient(
        'test',
        dialog,
        options,
        [new AutoSaveStateMiddleware(userState)],
        conversationState,
      );
      const say = async (input: string | Partial<Activity>) => {
        const activity: Partial<Activity> =
          typeof input === 'string' ? { type: 'message', text: input, locale: 'de-DE' } : { locale: 'de-DE', ...input };
        const replies: Partial<Activity>[] = [];
        const first = await client.sendActivity(activity);
        if (first) replies.push(first);
        for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(next);
        return replies;
      };
      return {
        say,
        sayText: async (input) => (await say(input)).map((a) => a.text ?? '').join('\n'),
      };
    },
    close: () => database.close(),
  };
}
