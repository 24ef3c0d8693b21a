import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from './logger';

/** What the HTTP layer knows about the request a piece of work runs for. */
export interface RequestContext {
  requestId: string;
  /** The access log's child logger, bound to the request id. */
  log: Logger;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Runs work inside a request's context, so loggers created during it (a turn's logger) carry the
 * request id without every layer passing the request along.
 */
export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The request the current work runs for, if any (background work has none). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
