/** Raised when an operation needs MongoDB and it does not answer; maps to 503. */
export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super(`The database is not reachable${cause instanceof Error ? `: ${cause.message}` : ''}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** True for driver errors that mean "the server is not there", as opposed to a bad query. */
export function isConnectivityError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    /MongoServerSelectionError|MongooseServerSelectionError|MongoNetworkError|MongoNotConnectedError|MongoTopologyClosedError|MongoNetworkTimeoutError|MongoOperationTimeoutError|PoolClearedError/.test(
      `${err.name} ${err.constructor?.name ?? ''}`,
    ) ||
    /ECONNREFUSED|Client must be connected|Topology is closed/i.test(err.message) ||
    // Mongoose held the command while disconnected (bufferTimeoutMS) and gave up: the server is away.
    /buffering timed out/i.test(err.message) ||
    // The operation bound ran out; a bulk write reports it under its own name, with this message.
    /Timed out (during|at|before) (server selection|connection checkout|socket)/i.test(err.message) ||
    (/\bconnection\b/i.test(err.message) && /\bclosed\b/i.test(err.message))
  );
}
