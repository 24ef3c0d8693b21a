/**
 * Baseline 1 for `npm run bench`: the smallest possible Bot Framework bot — restify + CloudAdapter
 * (no auth), echoing every message. Listens on PORT and prints "LISTENING <port>".
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { serveBot } from './serveBot';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Sie schrieben: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
void serveBot(adapter, (context) => bot.run(context));
