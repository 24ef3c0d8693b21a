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
  const admin = connection.getClient().db('admin');
  try {
    return feedModeFor(await admin.command({ hello: 1 }));
  } catch {
    try {
      return feedModeFor(await admin.command({ isMaster: 1 }));
    } catch {
      return 'polling';
    }
  }
}
