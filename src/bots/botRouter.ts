import type { ActivityHandler, TurnContext } from 'botbuilder';

/** Sends Teams traffic (the agents) to the agent bot and everything else to the customer bot. */
export class BotRouter {
  constructor(
    private readonly customerBot: ActivityHandler,
    private readonly agentBot?: ActivityHandler,
  ) {}

  async run(context: TurnContext): Promise<void> {
    if (context.activity.channelId === 'msteams' && this.agentBot) {
      await this.agentBot.run(context);
      return;
    }
    await this.customerBot.run(context);
  }
}
