import restify, { Request, Response, Server } from 'restify';
import type { Logger } from './services/logger';
import type { Metrics } from './services/metrics';

/** A concern's HTTP routes; index.ts hands each module to createServer. */
export interface RouteModule {
  register(server: Server): void;
}

export interface ServerOptions {
  logger: Logger;
  metrics: Metrics;
  isReady: () => boolean | Promise<boolean>;
  modules: RouteModule[];
}

/** Largest JSON body any route accepts; bigger bodies get 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

/** JSON body parsing for one route; malformed JSON -> 400, oversized -> 413. */
export const jsonBody = restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false, rejectUnknown: true });

/** Sends a short JSON error in the shape every route uses. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

export function createServer(options: ServerOptions): Server {
  const server = restify.createServer({ name: 'lotse', handleUncaughtExceptions: false });
  server.pre((req: Request, res: Response, next: restify.Next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.on('after', (req: Request, res: Response) => {
    const route = req.getRoute?.()?.path?.toString() ?? 'unmatched';
    options.metrics.httpRequests.inc({ route, method: req.method ?? '', status: String(res.statusCode) });
  });
  // A bug in a handler answers 500 and is logged; it never takes the process down.
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    if ((err.statusCode ?? 500) >= 500) options.logger.error({ err, url: req.url }, 'request failed');
    callback();
  });
  server.on('uncaughtException', (req: Request, res: Response, _route: unknown, err: Error) => {
    options.logger.error({ err, url: req.url }, 'unhandled error in route');
    if (!res.headersSent) sendError(res, 500, 'Internal', 'Internal error');
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = await options.isReady();
    options.metrics.databaseUp.set(ready ? 1 : 0);
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable' });
  });
  server.get('/metrics', async (_req: Request, res: Response) => {
    const body = await options.metrics.registry.metrics();
    res.setHeader('Content-Type', options.metrics.registry.contentType);
    res.sendRaw(200, body);
  });

  for (const module of options.modules) module.register(server);
  return server;
}
