import { UpstreamFailedError } from '../../services/errors';

/** A Direct Line token that is missing, forged, expired or for another conversation. */
export class DirectLineAuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
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
