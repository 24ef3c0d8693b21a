import type { CloudAdapter } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { jsonBody, RouteModule } from '../server';
import type { BotRouter } from './botRouter';

/** POST /api/messages: Bot Framework activities (Direct Line, Teams, Emulator, expectReplies). */
export class MessagesRoute implements RouteModule {
  private inFlight = 0;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly router: BotRouter,
  ) {}

  register(server: Server): void {
    server.post('/api/messages', jsonBody, async (req: Request, res: Response) => {
      this.inFlight++;
      try {
        await this.adapter.process(req, res, (context) => this.router.run(context));
      } finally {
        this.inFlight--;
      }
    });
  }

  /** Turns still being processed; shutdown waits for them. */
  get turnsInFlight(): number {
    return this.inFlight;
  }
}
