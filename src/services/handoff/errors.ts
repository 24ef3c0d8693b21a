import { ConflictError, ForbiddenError, NotFoundError, UpstreamFailedError } from '../errors';

/** No handoff with this id (also for ids that are not ids at all). */
export class HandoffNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('handoff', id);
    this.name = 'HandoffNotFoundError';
  }
}

/** Somebody else claimed it first, or it is no longer in a state that allows this. */
export class HandoffConflictError extends ConflictError {
  constructor(
    readonly handoffId: string,
    message: string,
  ) {
    super(message);
    this.name = 'HandoffConflictError';
  }
}

/** The caller may not do this with this handoff (not the assigned agent, needs a supervisor). */
export class HandoffForbiddenError extends ForbiddenError {
  constructor(
    readonly handoffId: string,
    message: string,
  ) {
    super(message);
    this.name = 'HandoffForbiddenError';
  }
}

/** The customer's channel did not accept an agent's message; the agent may retry. */
export class CustomerDeliveryError extends UpstreamFailedError {
  constructor(
    readonly handoffId: string,
    cause: unknown,
  ) {
    super(
      `could not deliver to the customer of handoff ${handoffId}: ${(cause as Error)?.message ?? String(cause)}`,
      "The customer's channel did not accept the message; please retry",
      'CustomerUnreachable',
      { cause },
    );
    this.name = 'CustomerDeliveryError';
  }
}
