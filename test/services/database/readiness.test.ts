import { startLocalMongo, LocalMongo, freePort } from '../../../src/services/database/localMongoServer';
import { startTestApp, TestApp } from '../../support/testApp';

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('readiness follows the database', () => {
  let db: LocalMongo;
  let port: number;
  let test: TestApp;

  beforeAll(async () => {
    port = await freePort();
    db = await startLocalMongo({ port });
    test = await startTestApp({}, `mongodb://127.0.0.1:${port}/readiness`);
  }, 60000);

  afterAll(async () => {
    await test?.close();
    await db?.stop();
  });

  const status = async (path: string) => (await fetch(`${test.baseUrl}${path}`)).status;

  it('turns /readyz to 503 within 10 s when the database stops, and back to 200 when it returns, without a restart', async () => {
    expect(await status('/readyz')).toBe(200);

    await db.stop();
    const downAfter = await waitFor(async () => (await status('/readyz')) === 503, 10000);
    expect(downAfter).toBeLessThan(10000);
    expect(await status('/healthz')).toBe(200);

    db = await startLocalMongo({ port });
    await waitFor(async () => (await status('/readyz')) === 200, 20000);
    expect(await status('/healthz')).toBe(200);
  }, 60000);
});
