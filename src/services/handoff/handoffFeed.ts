/**
 * How an instance learns of the other instances' handoff events: a change stream on the events
 * collection where the server offers one (a replica set or a sharded cluster), polling otherwise
 * (a standalone server, such as the local database). Chosen once at start.
 */
import type { Connection } from 'mongoose';

export type HandoffFeedMode = 'changeStream' | 'polling';

/** The mode a server's hello (or isMaster) answer allows: change streams need a replica set or mongos. */
export function feedModeFor(hello: { setName?: unknown; msg?: unknown }): HandoffFeedMode {
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid' ? 'changeStream' : 'polling';
}

/** Asks the server (hello, or isMaster on servers without it); polling when neither answers. */
export async function detectFeedMode(connection: Connection): Promise<HandoffFeedMode> {
  for (const command of [{ hello: 1 }, { isMaster: 1 }]) {
    try {
      return feedModeFor(await connection.getClient().db('admin').command(command));
    } catch {
      // The next command, or polling when none answers.
    }
  }
  return 'polling';
}
