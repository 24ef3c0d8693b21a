import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import pinoHttp from 'pino-http';
import type { Next, Request, Response } from 'restify';
import { serializeError, type Logger } from '../services/logger';
import { RequestContext, runInRequest } from '../services/requestContext';

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

/**
 * The access log (pino-http): one line per request with method, path, status and time, under the
 * request's id. The id comes from X-Request-Id when the caller sends an acceptable one, else it is
 * made here; it is echoed in the response, bound to req.log, and carried into everything the
 * request runs (a turn's logger) through the request context.
 */
export function accessLog(logger: Logger): (req: Request, res: Response, next: Next) => void {
  const http = pinoHttp({
    logger,
    quietReqLogger: true,
    // The id is chosen before pino-http runs (see below); this only covers a request without one.
    genReqId: (req) => requestIdFor(req),
    customLogLevel: levelFor,
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request completed with a server error',
    // Unwrapped: pino-http's wrappers would hand the error serializer a plain object, and the
    // service's serializer keeps credentials out only of Errors.
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, url: pathOf(req.url) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
  });
  return (req, res, next) => {
    const requestId = requestIdFor(req);
    // restify keeps its id behind getId() (its plugins read that) and has a method named id, which
    // pino-http would take for the id; the string shadows the method. restify has also set its own
    // logger on req.log: the request's logger is pino-http's child.
    (req.id as (id: string) => string)(requestId);
    Object.defineProperty(req, 'id', { value: requestId, writable: true, configurable: true });
    (req as unknown as { log?: unknown }).log = undefined;
    http(req as unknown as IncomingMessage, res as unknown as ServerResponse);
    res.setHeader('X-Request-Id', requestId);
    const context: RequestContext = { requestId, log: req.log as unknown as Logger };
    (req as unknown as Record<symbol, RequestContext>)[CONTEXT] = context;
    runInRequest(context, () => next());
  };
}
