/**
 * Baseline 2 for `npm run bench`: a plain botbuilder dialog bot as the samples write it — a small
 * waterfall with a TextPrompt, conversation state on MemoryStorage, restify + CloudAdapter (no auth).
 * Listens on PORT and prints "LISTENING <port>".
 */
import {
  ActivityHandler,
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
import { serveBot } from './serveBot';

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
void serveBot(adapter, (context) => bot.run(context));
