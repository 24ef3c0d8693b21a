/** Canned responses: one service per connection, shared by the HTTP routes and the Teams thread. */
import type { Connection } from 'mongoose';
import { loadCannedResponses } from '../services/cannedResponses/cannedResponseRules';
import { CannedResponseService } from '../services/cannedResponses/cannedResponseService';

const built = new WeakMap<Connection, CannedResponseService>();

export function buildCannedResponses(connection: Connection): CannedResponseService {
  let service = built.get(connection);
  if (!service) {
    service = new CannedResponseService(connection, loadCannedResponses());
    built.set(connection, service);
  }
  return service;
}
