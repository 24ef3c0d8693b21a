import http from 'node:http';
import { TestApp } from '../support/testApp';
import { testMongoUri } from '../support/testDb';
import { ADMIN, handoffRequest, startHandoffTestApp } from '../services/handoff/support/handoffTestApp';

/** One POST on a connection of its own (agent: false), so no two claims share a socket. */
function claimOnNewConnection(baseUrl: string, id: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}/api/handoffs/${id}/claim`,
      { method: 'POST', agent: false, headers: { authorization: `Bearer ${ADMIN}`, connection: 'close' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('claiming a handoff under contention', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const mongoUri = testMongoUri('race');
    first = await startHandoffTestApp({}, mongoUri);
    second = await startHandoffTestApp({}, mongoUri);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('gives exactly one of 50 concurrent claims on two instances a 200 and 49 a 409, twenty times over', async () => {
    for (let round = 0; round < 20; round++) {
      const ticket = await first.app.handoffs.requestHandoff(handoffRequest('http://127.0.0.1:9'));
      const statuses = await Promise.all(
        Array.from({ length: 50 }, (_, i) => claimOnNewConnection((i % 2 ? second : first).baseUrl, ticket.handoffId)),
      );
      expect({
        round,
        ok: statuses.filter((s) => s === 200).length,
        conflict: statuses.filter((s) => s === 409).length,
      }).toEqual({ round, ok: 1, conflict: 49 });
      const record = await second.app.handoffs.get(ticket.handoffId);
      expect(record.audit.filter((a) => a.action === 'claimed')).toHaveLength(1);
    }
  }, 30000);
});
