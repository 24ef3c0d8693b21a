import type { Server } from 'restify';
import type { AddressInfo } from 'node:net';
import { createServer } from '../../src/http/server';
import { createLogger } from '../../src/services/logger';
import { Metrics } from '../../src/services/metrics';

async function readyz(degraded: string[], databaseUp = true): Promise<{ status: number; body: unknown }> {
  const server: Server = createServer({
    logger: createLogger('silent'),
    metrics: new Metrics(false),
    isReady: () => databaseUp,
    degraded: () => degraded,
    modules: [],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`);
    return { status: response.status, body: await response.json() };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('/readyz with a reduced part', () => {
  it('reports the embedding model away as degraded, still ready (200)', async () => {
    expect(await readyz(['embeddings'])).toEqual({
      status: 200,
      body: { status: 'degraded', degraded: ['embeddings'] },
    });
  });

  it('is plainly ready when nothing is reduced, and 503 when the database is down', async () => {
    expect(await readyz([])).toEqual({ status: 200, body: { status: 'ready' } });
    expect((await readyz(['embeddings'], false)).status).toBe(503);
  });
});
