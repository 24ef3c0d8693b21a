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

/** Azure Direct Line did not give us a token. */
export class DirectLineExchangeError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`Direct Line token exchange failed (HTTP ${status}): ${message}`);
    this.name = 'DirectLineExchangeError';
  }
}
