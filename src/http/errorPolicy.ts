import { mongo } from 'mongoose';
import type { Request, RequestHandler, Response } from 'restify';
import { DatabaseUnavailableError, isConnectivityError } from '../services/database/errors';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnacceptableContentError,
  UnauthorizedError,
  UpstreamFailedError,
  ValidationError,
} from '../services/errors';

/**
 * The one place where errors become HTTP answers: services throw the base classes of
 * services/errors.ts (or errors that extend them), routes run their work through `route`.
 */

/** Sends a short JSON error in the shape every route uses. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

/** The base classes and their answers (a ValidationError answers 400 with its own code). */
const POLICY: Array<[new (...args: never[]) => Error, number, string]> = [
  [UnauthorizedError, 401, 'Unauthorized'],
  [ForbiddenError, 403, 'Forbidden'],
  [NotFoundError, 404, 'NotFound'],
  [ConflictError, 409, 'Conflict'],
];

/** Mongoose's own input errors (a malformed id, a value of the wrong type). */
const MONGOOSE_INPUT_ERRORS = new Set(['CastError', 'ValidationError', 'StrictModeError']);

/** Where the response carries an unexpected error to the server's "after" hook, which logs it. */
const UNEXPECTED = Symbol('lotse.unexpectedError');

/** Maps a service error to its HTTP answer; anything unexpected is a 500 without details. */
export function sendServiceError(res: Response, err: unknown): void {
  if (err instanceof ValidationError) return sendError(res, 400, err.code, err.message);
  if (err instanceof UnacceptableContentError) {
    const suggestion = err.suggestion === undefined ? {} : { suggestion: err.suggestion };
    return void res.send(422, { error: { code: err.code, message: err.message, ...suggestion } });
  }
  for (const [type, status, code] of POLICY) if (err instanceof type) return sendError(res, status, code, err.message);
  if (err instanceof UpstreamFailedError) return sendError(res, err.answerStatus, err.code, err.publicMessage);
  if (err instanceof DatabaseUnavailableError || isConnectivityError(err)) {
    return sendError(res, 503, 'DatabaseUnavailable', 'The database is not reachable; please retry shortly');
  }
  const name = (err as { name?: string })?.name;
  if (name && MONGOOSE_INPUT_ERRORS.has(name)) return sendError(res, 400, 'InvalidInput', (err as Error).message);
  (res as unknown as Record<symbol, unknown>)[UNEXPECTED] = err;
  sendError(res, 500, 'Internal', 'Internal error');
}

/** The error a route answered with 500, for the log; undefined for every other answer. */
export function unexpectedError(res: Response): unknown {
  return (res as unknown as Record<symbol, unknown>)[UNEXPECTED];
}

/** A route's work: the status and body it answers with, or an error the policy maps. */
export type RouteWork = (req: Request) => Promise<[number, unknown]>;

/**
 * The route wrapper: runs the work and sends its answer, or the error policy's answer.
 * `cacheControl` is set on successful answers (e.g. "no-store" for admin data).
 */
export function route(work: RouteWork, options: { cacheControl?: string } = {}): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      const [status, body] = await work(req);
      if (options.cacheControl) res.header('Cache-Control', options.cacheControl);
      res.send(status, body);
    } catch (err) {
      sendServiceError(res, await outageBehind(err));
    }
  };
}

/** Asks the database whether it answers (its ping); registered once by the wiring. */
let databaseAnswers: (() => Promise<boolean>) | undefined;

/**
 * A server error of the driver that names no outage may still come from a database going away: a server
 * shutting down fails the reads it is serving with errors of its own (the local database's closed store).
 * Such an error is checked against a ping of the database; when that fails too, the answer is 503.
 */
export function checkServerErrorsAgainst(ping: () => Promise<boolean>): void {
  databaseAnswers = ping;
}

async function outageBehind(err: unknown): Promise<unknown> {
  if (!databaseAnswers || !(err instanceof mongo.MongoError) || isConnectivityError(err)) return err;
  return (await databaseAnswers()) ? err : new DatabaseUnavailableError(err);
}

/** A handler that answers itself (raw bodies, files, status codes of its own). */
export type AnsweringHandler = (req: Request, res: Response) => Promise<unknown>;

/**
 * The route wrapper for handlers that answer themselves: whatever they throw gets the error
 * policy's answer, so no route module catches errors of its own.
 */
export function answering(handler: AnsweringHandler): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (err) {
      sendServiceError(res, await outageBehind(err));
    }
  };
}
