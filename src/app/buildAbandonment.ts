/** Waiting customers who have left: the read tracker of customer pages and the sweep, one per connection. */
import type { Connection } from 'mongoose';
import type { Config } from '../config';
import { AbandonmentSweeper } from '../services/abandonment/abandonmentSweeper';
import { CustomerPresence } from '../services/abandonment/customerPresence';
import type { HandoffService } from '../services/handoff/handoffService';
import type { Logger } from '../services/logger';

export interface Abandonment {
  presence: CustomerPresence;
  sweeper: AbandonmentSweeper;
}

const built = new WeakMap<Connection, Abandonment>();

export function buildAbandonment(
  config: Config,
  connection: Connection,
  handoffs: HandoffService,
  logger: Logger,
): Abandonment {
  let abandonment = built.get(connection);
  if (!abandonment) {
    const presence = new CustomerPresence(connection);
    const sweeper = new AbandonmentSweeper(connection, handoffs, presence, logger, {
      afterMinutes: config.abandonAfterMinutes,
    });
    abandonment = { presence, sweeper };
    built.set(connection, abandonment);
  }
  return abandonment;
}
