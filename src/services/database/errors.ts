/** Raised when an operation needs MongoDB and it does not answer; maps to 503. */
export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super(`The database is not reachable${cause instanceof Error ? `: ${cause.message}` : ''}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Server error codes that mean the server is going away or came back without our cursor: shutting down
 * (91, 11600), a replica-set change (189, 10107, 11602, 13435, 13436), and a cursor it no longer knows (43),
 * as after a restart between two batches of a read. Retrying shortly is the answer to each.
 */
const GOING_AWAY_CODES: ReadonlySet<number> = new Set([43, 91, 189, 10107, 11600, 11602, 13435, 13436]);

/** True for driver errors that mean "the server is not there", as opposed to a bad query. */
export function isConnectivityError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'number' && GOING_AWAY_CODES.has(code)) return true;
  return (
    /MongoServerSelectionError|MongooseServerSelectionError|MongoNetworkError|MongoNotConnectedError|MongoTopologyClosedError|MongoServerClosedError|MongoNetworkTimeoutError|MongoOperationTimeoutError|PoolClearedError/.test(
      `${err.name} ${err.constructor?.name ?? ''}`,
    ) ||
    /ECONNREFUSED|Client must be connected|Topology is closed|Server is closed/i.test(err.message) ||
    // Mongoose held the command while disconnected (bufferTimeoutMS) and gave up: the server is away.
    /buffering timed out/i.test(err.message) ||
    // The operation bound ran out; a bulk write reports it under its own name, with this message.
    /Timed out (during|at|before) (server selection|connection checkout|socket)/i.test(err.message) ||
    (/\bconnection\b/i.test(err.message) && /\bclosed\b/i.test(err.message))
  );
}
