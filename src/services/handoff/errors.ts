import { ConflictError, NotFoundError } from '../errors';

/** No handoff with this id (also for ids that are not ids at all). Maps to 404. */
export class HandoffNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('handoff', id);
    this.name = 'HandoffNotFoundError';
  }
}

/** Somebody else claimed it first, or it is no longer in a state that allows this. Maps to 409. */
export class HandoffConflictError extends ConflictError {
  constructor(
    readonly handoffId: string,
    message: string,
  ) {
    super(message);
    this.name = 'HandoffConflictError';
  }
}

/** The caller may not do this with this handoff (not the assigned agent, needs a supervisor). Maps to 403. */
export class HandoffForbiddenError extends Error {
  constructor(
    readonly handoffId: string,
    message: string,
  ) {
    super(message);
    this.name = 'HandoffForbiddenError';
  }
}

/** The customer's channel did not accept a message. Maps to 502. */
export class CustomerDeliveryError extends Error {
  constructor(
    readonly handoffId: string,
    cause: unknown,
  ) {
    super(`could not deliver to the customer of handoff ${handoffId}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'CustomerDeliveryError';
  }
}
