/**
 * The error policy's base classes. A specific error extends one of them (HandoffNotFoundError is a
 * NotFoundError); src/http/errorPolicy.ts maps each base to its HTTP answer in one place, so a
 * service never knows about status codes and a route never lists error classes.
 */

/** The caller's input is not acceptable; the message names the field. HTTP 400 with `code` (InvalidInput). */
export class ValidationError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly code = 'InvalidInput',
  ) {
    super(`${field}: ${message}`);
    this.name = 'ValidationError';
  }
}

/** The caller has not shown who they are (no credential, or none we can read). HTTP 401. */
export class UnauthorizedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

/** The caller may not do this (role too low, not their handoff). HTTP 403. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** No such thing (also for ids that are not ids at all). HTTP 404. */
export class NotFoundError extends Error {
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

/** Somebody else changed it first, or its state does not allow this now. HTTP 409. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/**
 * Well-formed, but the content breaks a rule the caller can fix, e.g. an agent's reply in informal
 * German. HTTP 422 with `code` and, when there is one, a `suggestion` the caller may send instead.
 */
export class UnacceptableContentError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly suggestion?: string,
  ) {
    super(message);
    this.name = 'UnacceptableContentError';
  }
}

/**
 * A system we depend on did not do its part (a customer's channel, an outside API). HTTP 502 with
 * `code` and `publicMessage`; the message with the upstream's details goes to the log, not the caller.
 * `answerStatus` 503 says the caller may simply retry (the upstream is away, not refusing).
 */
export class UpstreamFailedError extends Error {
  readonly answerStatus: 502 | 503;

  constructor(
    message: string,
    readonly publicMessage = 'A system this service depends on did not answer; please retry',
    readonly code = 'UpstreamFailed',
    options?: ErrorOptions & { answerStatus?: 502 | 503 },
  ) {
    super(message, options);
    this.name = 'UpstreamFailedError';
    this.answerStatus = options?.answerStatus ?? 502;
  }
}
