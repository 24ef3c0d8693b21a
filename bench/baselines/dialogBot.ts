/**
 * Baseline 2 for `npm run bench`: a plain botbuilder dialog bot as the samples write it — a small
 * waterfall with a TextPrompt, conversation state on MemoryStorage, restify + CloudAdapter (no auth).
 * POST /api/relay `{ conversationId, serviceUrl, text }` sends a text into a conversation the way
 * the samples' proactive messages do (continueConversationAsync), the baseline of an agent relay.
 * Listens on PORT and prints "LISTENING <port>".
 */
import {
  ActivityHandler,
  ConversationReference,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  TurnContext,
} from 'botbuilder';
import {
  DialogSet,
  DialogState,
  DialogTurnResult,
  DialogTurnStatus,
  TextPrompt,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Request, Response } from 'restify';
import { ExtraRoute, serveBot } from './serveBot';

const PROMPT = 'textPrompt';
const WATERFALL = 'menu';

class DialogBot extends ActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(private readonly conversationState: ConversationState) {
    super();
    this.dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new TextPrompt(PROMPT));
    this.dialogs.add(new WaterfallDialog(WATERFALL, [this.ask.bind(this), this.answer.bind(this)]));
    this.onMessage(async (context, next) => {
      const dc = await this.dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(WATERFALL);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(PROMPT, { prompt: 'Guten Tag! Ich bin der automatische Assistent. Wie kann ich Ihnen helfen?' });
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(`Vielen Dank. Sie schrieben: ${String(step.result ?? '')}`);
    return step.replaceDialog(WATERFALL);
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new DialogBot(new ConversationState(new MemoryStorage()));
const relay: ExtraRoute = (server, body) =>
  server.post('/api/relay', body, async (req: Request, res: Response) => {
    const { conversationId, serviceUrl, text } = req.body as {
      conversationId: string;
      serviceUrl: string;
      text: string;
    };
    const reference: Partial<ConversationReference> = {
      channelId: 'webchat',
      serviceUrl,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      bot: { id: 'bot', name: 'Bot' },
      user: { id: `user-${conversationId}`, name: 'Kunde' },
    };
    await adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity(text);
    });
    res.send(201, { sent: true });
  });
void serveBot(adapter, (context) => bot.run(context), [relay]);
