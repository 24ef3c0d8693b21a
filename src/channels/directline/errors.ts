import { ForbiddenError, UnauthorizedError, UpstreamFailedError } from '../../services/errors';

/** No Direct Line token at all. HTTP 401. */
export class DirectLineTokenMissingError extends UnauthorizedError {
  readonly status = 401;

  constructor() {
    super('A Direct Line token is required');
    this.name = 'DirectLineTokenMissingError';
  }
}

/** A Direct Line token that is forged, expired, revoked or for another conversation. HTTP 403. */
export class DirectLineAuthError extends ForbiddenError {
  readonly status = 403;

  constructor(message: string) {
    super(message);
    this.name = 'DirectLineAuthError';
  }
}

/** Azure Direct Line did not give us a token (status: Azure's HTTP status, 0 without an answer). HTTP 503. */
export class DirectLineExchangeError extends UpstreamFailedError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(
      `Direct Line token exchange failed (HTTP ${status}): ${message}`,
      'The chat is not available right now; please retry shortly',
      'DirectLineUnavailable',
      { answerStatus: 503 },
    );
    this.name = 'DirectLineExchangeError';
  }
}
