import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify from 'restify';

/** A route a baseline adds besides POST /api/messages (e.g. the relay of the dialog bot). */
export type ExtraRoute = (server: restify.Server, body: restify.RequestHandler[]) => void;

/**
 * Serves a baseline bot the way Lotse serves its own: restify, a JSON body parser on
 * POST /api/messages, and GET /readyz for the runner's start check.
 */
export async function serveBot(
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  extraRoutes: ExtraRoute[] = [],
): Promise<void> {
  const server = restify.createServer({ name: 'baseline', handleUncaughtExceptions: false });
  const body = restify.plugins.bodyParser({
    maxBodySize: 256 * 1024,
    mapParams: false,
    mapFiles: false,
    rejectUnknown: true,
  });
  server.post('/api/messages', body, async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, logic);
  });
  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ready' });
  });
  for (const route of extraRoutes) route(server, body);
  const port = Number(process.env.PORT ?? 0);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const address = server.address();
  process.stdout.write(`LISTENING ${address.port}\n`);
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
