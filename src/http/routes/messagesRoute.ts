import type { CloudAdapter } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { jsonBody, RouteModule, sendError } from '../server';
import type { BotRouter } from '../../bots/botRouter';
import { underRequest } from '../../services/requestContext';
import { requestContextOf } from '../accessLog';

/** POST /api/messages: Bot Framework activities (Direct Line, Teams, Emulator, expectReplies). */
export class MessagesRoute implements RouteModule {
  private inFlight = 0;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly router: BotRouter,
  ) {}

  register(server: Server): void {
    server.post('/api/messages', jsonBody, async (req: Request, res: Response) => {
      const problem = envelopeProblem(req.body);
      if (problem) return sendError(res, 400, 'InvalidActivity', problem);
      this.inFlight++;
      try {
        await this.adapter.process(
          req,
          res,
          underRequest(requestContextOf(req), (context) => this.router.run(context)),
        );
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * botbuilder answers an activity whose envelope has the wrong types with a 500: no string type
 * (its validator throws before its own 400 check), a number as serviceUrl (the connector throws),
 * a number as locale (even the apology of onTurnError throws). Refuse such an activity here as the
 * bad input it is; everything else is left to botbuilder.
 */
function envelopeProblem(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  if (typeof body.type !== 'string') return 'The activity needs a type';
  for (const field of ['serviceUrl', 'channelId', 'deliveryMode', 'id', 'replyToId', 'locale']) {
    if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'string')
      return `${field} must be a string`;
  }
  for (const field of ['conversation', 'from', 'recipient']) {
    const account = body[field];
    if (account === undefined || account === null) continue;
    if (!isObject(account) || (account.id !== undefined && typeof account.id !== 'string'))
      return `${field} must be an object with a string id`;
  }
  return undefined;
}
