import restify, { Request, Response, Server } from 'restify';
import type { Logger } from '../services/logger';
import type { Metrics } from '../services/metrics';
import { RateLimiter } from '../services/security/rateLimiter';
import { accessLog } from './accessLog';
import { clientAddress, TrustProxy } from './clientAddress';
import { sendError, unexpectedError } from './errorPolicy';
import { exceedsDepth, MAX_JSON_DEPTH } from './jsonDepth';
import { bearerMatches } from './metricsAccess';
import { securityHeaders } from './securityHeaders';

/** A concern's HTTP routes; index.ts hands each module to createServer. */
export interface RouteModule {
  register(server: Server): void;
}

export interface ServerOptions {
  logger: Logger;
  metrics: Metrics;
  isReady: () => boolean | Promise<boolean>;
  /** Parts that run in a reduced way without being down (e.g. "embeddings": classical search only). */
  degraded?: () => string[];
  modules: RouteModule[];
  /** Requests a minute per client on the API and Direct Line routes; 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Proxies whose X-Forwarded-For is believed (default: none, the socket address counts). */
  trustProxy?: TrustProxy;
  /** When set, GET /metrics needs `Authorization: Bearer <token>` (401 without). */
  metricsToken?: string;
}

/** What requireRole asks once the caller is known: a verified principal, or an anonymous caller. */
export interface RequestLimits {
  /** A verified caller: limited by who they are, wherever they come from. */
  principal(id: string): boolean;
  /** A made-up or unknown token: counted against the address, like a caller without a token. */
  anonymous(): boolean;
}

const LIMITS = Symbol('lotse.requestLimits');

/** The request's limits, present on rate-limited routes of a server with a limit. */
export function requestLimits(req: Request): RequestLimits | undefined {
  return (req as unknown as Record<symbol, RequestLimits | undefined>)[LIMITS];
}

/**
 * Routes called by people's browsers and scripts. Bot Framework and WhatsApp traffic is exempt, and
 * so is Direct Line polling (token-bound; behind a load balancer all browsers share one address):
 * only starting new conversations and tokens is limited there.
 */
const RATE_LIMITED =
  /^\/(api\/(admin|handoffs|me|reports|training|auth)(\/|$|\?)|v3\/directline\/(tokens\/generate|conversations\/?)($|\?))/;

/** Largest JSON body any route accepts; bigger bodies get 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Refuses bodies nested deeper than MAX_JSON_DEPTH before any handler walks them. */
function depthGuard(req: Request, res: Response, next: restify.Next): void {
  if (exceedsDepth(req.body)) {
    sendError(res, 400, 'InvalidInput', `The body is nested deeper than ${MAX_JSON_DEPTH} levels`);
    return next(false);
  }
  next();
}

/** JSON body parsing for one route; malformed JSON or too deep -> 400, oversized -> 413. */
export const jsonBody: restify.RequestHandler[] = [
  ...restify.plugins.bodyParser({
    maxBodySize: MAX_BODY_BYTES,
    mapParams: false,
    mapFiles: false,
    rejectUnknown: true,
  }),
  depthGuard,
];

// The error policy lives in errorPolicy.ts; route modules keep importing it from here.
export { route, sendError, sendServiceError } from './errorPolicy';

const STARTED = Symbol('lotse.requestStarted');
/** How long an idle keep-alive connection stays open: longer than any client or load balancer before us. */
const KEEP_ALIVE_MS = 250_000;

export function createServer(options: ServerOptions): Server {
  const server = restify.createServer({
    name: 'lotse',
    handleUncaughtExceptions: false,
    // restify's own lines go through the service's logger (masked), not a second one of its own.
    log: options.logger as unknown as restify.ServerOptions['log'],
  });
  // An idle keep-alive connection is closed by the client in front, never first by us: Azure's load
  // balancer keeps one four minutes, Node's fetch four seconds, and Node's own default of five seconds
  // raced a request sent on a socket being closed, which the client saw as a reset ("fetch failed").
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  const perMinute = options.rateLimitPerMinute ?? 600;
  const limiter = new RateLimiter(perMinute);
  const addressLimiter = new RateLimiter(perMinute * 10);
  const trust = options.trustProxy ?? { kind: 'none' };
  server.pre(securityHeaders());
  server.pre(accessLog(options.logger));
  server.pre((req: Request, res: Response, next: restify.Next) => {
    (req as unknown as Record<symbol, bigint>)[STARTED] = process.hrtime.bigint();
    if (perMinute > 0 && RATE_LIMITED.test(req.url ?? '')) {
      const address = `ip:${clientAddress(req.socket?.remoteAddress, req.headers['x-forwarded-for'], trust)}`;
      const refuse = (client: string): false => {
        res.header('Retry-After', String(Math.max(1, limiter.retryAfterSeconds(client))));
        sendError(res, 429, 'TooManyRequests', 'Too many requests; please slow down');
        return false;
      };
      // A bearer token is judged once it is verified (requireRole): agents behind one office NAT
      // share an address, so a verified caller is limited as who they are. The address still has
      // a ceiling of ten times that, which stops a flood of made-up tokens before verification.
      const bearer = req.url?.startsWith('/api/') && req.headers.authorization !== undefined;
      if (bearer) {
        if (!addressLimiter.take(address)) return next(refuse(address));
        const limits: RequestLimits = {
          principal: (id) => limiter.take(`principal:${id}`) || refuse(`principal:${id}`),
          anonymous: () => limiter.take(address) || refuse(address),
        };
        (req as unknown as Record<symbol, RequestLimits>)[LIMITS] = limits;
      } else if (!limiter.take(address)) {
        return next(refuse(address));
      }
    }
    next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.on('after', (req: Request, res: Response) => {
    // The route's pattern, never the raw URL: ids in paths would make a series per conversation.
    const route = req.getRoute?.()?.path?.toString() ?? 'unmatched';
    const labels = { route, method: req.method ?? '', status: String(res.statusCode) };
    options.metrics.httpRequests.inc(labels);
    const started = (req as unknown as Record<symbol, bigint | undefined>)[STARTED];
    if (started !== undefined)
      options.metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    const unexpected = unexpectedError(res);
    if (unexpected) options.logger.error({ err: unexpected, route }, 'request failed');
  });
  // A bug in a handler answers 500 and is logged; it never takes the process down.
  server.on(
    'restifyError',
    (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      if ((err.statusCode ?? 500) >= 500) options.logger.error({ err, url: req.url }, 'request failed');
      callback();
    },
  );
  server.on('uncaughtException', (req: Request, res: Response, _route: unknown, err: Error) => {
    options.logger.error({ err, url: req.url }, 'unhandled error in route');
    if (!res.headersSent) sendError(res, 500, 'Internal', 'Internal error');
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = await options.isReady();
    const degraded = ready ? (options.degraded?.() ?? []) : [];
    res.send(ready ? 200 : 503, {
      status: ready ? (degraded.length > 0 ? 'degraded' : 'ready') : 'database unavailable',
      ...(degraded.length > 0 ? { degraded } : {}),
    });
  });
  server.get('/metrics', async (req: Request, res: Response) => {
    if (options.metricsToken && !bearerMatches(req.headers.authorization, options.metricsToken)) {
      res.header('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'Unauthorized', 'The metrics need a bearer token');
    }
    const body = await options.metrics.registry.metrics();
    res.setHeader('Content-Type', options.metrics.registry.contentType);
    res.sendRaw(200, body);
  });

  for (const module of options.modules) module.register(server);
  return server;
}
