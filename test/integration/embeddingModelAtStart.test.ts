import { freePort } from '../../src/services/database/localMongoServer';
import { Database } from '../../src/services/database/database';
import { createLogger } from '../../src/services/logger';
import { startServiceProcess, type ServiceProcess } from '../support/serviceProcess';
import { FakeEmbeddings } from '../support/fakeEmbeddings';
import { testMongoUri } from '../support/testDb';

/** A line of the shipped intent training corpus (content/nlu/training/core.json). */
const CORPUS_LINE = 'Warum ist meine Rechnung diesen Monat höher als sonst?';

function vectorFor(text: string): number[] {
  const v = new Array<number>(16).fill(0.01);
  for (const ch of text.toLowerCase()) v[ch.charCodeAt(0) % 16] += 1;
  return v;
}

async function readiness(service: ServiceProcess): Promise<string> {
  const body = (await (await fetch(`${service.baseUrl}/readyz`)).json()) as { status: string };
  return body.status;
}

/** Waits (without a fixed sleep) until the service reports itself fully ready, models included. */
async function fullyReady(service: ServiceProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await readiness(service)) !== 'ready') {
    if (Date.now() > deadline) throw new Error(`not fully ready: ${service.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the embedding model at start', () => {
  const uri = testMongoUri('embeddings_start');
  let model: FakeEmbeddings;
  let url: string;

  beforeAll(async () => {
    const database = new Database(uri, createLogger('silent'));
    await database.connect();
    await database.connection.dropDatabase();
    await database.close();
    model = new FakeEmbeddings(vectorFor);
    url = await model.start();
  });
  afterAll(() => model.stop());

  it('trains knowledge and intents once the database is there, and a second start embeds nothing again', async () => {
    const env = { MONGODB_URI: uri, EMBEDDINGS: 'auto', EMBEDDINGS_URL: url, EMBEDDINGS_MODEL: 'fake' };
    const first = await startServiceProcess(env, await freePort());
    try {
      await fullyReady(first);
      expect(model.embedded).toContain(CORPUS_LINE);
      expect(first.output()).not.toMatch(/intent model not trained/);
    } finally {
      await first.stop();
    }
    model.embedded = [];
    const second = await startServiceProcess(env, await freePort());
    try {
      await fullyReady(second);
      // The corpus and the phrasings come from the database's cache; only customer messages would be embedded.
      expect(model.embedded).toEqual([]);
    } finally {
      await second.stop();
    }
  }, 300_000);
});
