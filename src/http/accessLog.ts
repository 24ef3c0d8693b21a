import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Next, Request, Response } from 'restify';
import { serializeError, type Logger } from '../services/logger';
import type { RequestContext } from '../services/requestContext';

/** An incoming id is kept only when it is short and plain: it goes into every log line of the request. */
const ACCEPTED_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Frequent, uninteresting requests: health probes, scrapes and Direct Line polling are logged at debug. */
const ROUTINE = /^\/(healthz|readyz|metrics)(\?|$)|^\/v3\/directline\/conversations\/[^/?]+\/activities(\?|$)/;

export const REQUEST_ID_HEADER = 'x-request-id';

const CONTEXT = Symbol('lotse.requestContext');

/** The context accessLog gave the request (its id and logger). */
export function requestContextOf(req: Request): RequestContext | undefined {
  return (req as unknown as Record<symbol, RequestContext | undefined>)[CONTEXT];
}

/** The caller's X-Request-Id when it is acceptable, else a new one. */
export function requestIdFor(req: { headers: IncomingHttpHeaders }): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  return candidate !== undefined && ACCEPTED_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}

/** The path only: a query string may carry a token (Direct Line's stream URL does). */
function pathOf(url: string | undefined): string {
  const end = url?.indexOf('?') ?? -1;
  return end >= 0 ? (url ?? '').slice(0, end) : (url ?? '');
}

function levelFor(req: IncomingMessage, res: ServerResponse, err?: Error): 'error' | 'info' | 'debug' {
  if (err || res.statusCode >= 500) return 'error';
  if (req.method === 'GET' && ROUTINE.test(req.url ?? '')) return 'debug';
  return 'info';
}

/** A request's context whose logger (a pino child, bound to the request id) is made on first use. */
class HttpRequestContext implements RequestContext {
  private logger: Logger | undefined;

  constructor(
    readonly requestId: string,
    private readonly parent: Logger,
  ) {}

  get log(): Logger {
    return (this.logger ??= this.parent.child({ reqId: this.requestId }));
  }
}

/**
 * The access log: one line per request with method, path, status and time, under the request's
 * id (the line pino-http wrote: the request's bindings, then `res` and `responseTime`). The id
 * comes from X-Request-Id when the caller sends an acceptable one, else it is made here; it is
 * echoed in the response, and a route that runs a turn hands the request's context to it
 * (requestContextOf, underRequest in bots/turnContext.ts), so the turn's logs carry the id.
 *
 * Written here rather than with pino-http, which made two child loggers per request (each a
 * serialisation and redaction of its bindings) whether or not anything logged: about 40 µs of CPU
 * per request. Here the request's logger is made when something first asks for it, and the
 * completion line's only when its level is enabled.
 */
export function accessLog(logger: Logger): (req: Request, res: Response, next: Next) => void {
  const base = logger.child(
    {},
    {
      serializers: {
        req: (req: IncomingMessage) => ({ method: req.method, url: pathOf(req.url) }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
    },
  );
  return (req, res, next) => {
    const started = Date.now();
    const requestId = requestIdFor(req);
    // restify keeps its id behind getId() (its plugins read that) and has a method named id; the
    // string shadows the method. req.log stays restify's (the service's logger, which restify uses
    // only for its own trace lines): a getter there would put every request object in V8's slow
    // dictionary mode.
    (req.id as (id: string) => string)(requestId);
    Object.defineProperty(req, 'id', { value: requestId, writable: true, configurable: true });
    res.setHeader('X-Request-Id', requestId);
    const context = new HttpRequestContext(requestId, base);
    const complete = (err?: Error): void => {
      res.removeListener('close', complete);
      res.removeListener('finish', complete);
      res.removeListener('error', complete);
      const raw = req as unknown as IncomingMessage;
      const level = levelFor(raw, res as unknown as ServerResponse, err);
      if (!base.isLevelEnabled(level)) return;
      const line = context.log.child({ req: raw });
      const responseTime = Date.now() - started;
      const failed = err ?? (res as unknown as { err?: Error }).err;
      if (failed || res.statusCode >= 500) {
        const error = failed ?? new Error(`failed with status code ${res.statusCode}`);
        line[level]({ res, err: error, responseTime }, 'request completed with a server error');
      } else line[level]({ res, responseTime }, 'request completed');
    };
    res.on('close', complete);
    res.on('finish', complete);
    res.on('error', complete);
    (req as unknown as Record<symbol, RequestContext>)[CONTEXT] = context;
    next();
  };
}
