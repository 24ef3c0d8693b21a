import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '../../src/services/database/localMongoServer';
import { Database } from '../../src/services/database/database';
import { createLogger } from '../../src/services/logger';
import { startServiceProcess, type ServiceProcess } from '../support/serviceProcess';
import { testMongoUri } from '../support/testDb';

/** A line of the shipped intent training corpus (content/nlu/training/core.json). */
const CORPUS_LINE = 'Warum ist meine Rechnung diesen Monat höher als sonst?';

/** An OpenAI-compatible embeddings endpoint on loopback: small vectors from the text's letters; counts its calls. */
class FakeModel {
  readonly embedded = new Set<string>();
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const input = (JSON.parse(body) as { input: string[] }).input;
        input.forEach((text) => this.embedded.add(text));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: input.map((text, index) => ({ index, embedding: vectorFor(text) })) }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/v1`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }
}

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
  let model: FakeModel;
  let url: string;

  beforeAll(async () => {
    const database = new Database(uri, createLogger('silent'));
    await database.connect();
    await database.connection.dropDatabase();
    await database.close();
    model = new FakeModel();
    url = await model.start();
  });
  afterAll(() => model.stop());

  it('trains knowledge and intents once the database is there, and a second start embeds nothing again', async () => {
    const env = { MONGODB_URI: uri, EMBEDDINGS: 'auto', EMBEDDINGS_URL: url, EMBEDDINGS_MODEL: 'fake' };
    const first = await startServiceProcess(env, await freePort());
    try {
      await fullyReady(first);
      expect(model.embedded.has(CORPUS_LINE)).toBe(true);
      expect(first.output()).not.toMatch(/intent model not trained/);
    } finally {
      await first.stop();
    }
    model.embedded.clear();
    const second = await startServiceProcess(env, await freePort());
    try {
      await fullyReady(second);
      // The corpus and the phrasings come from the database's cache; only customer messages would be embedded.
      expect(model.embedded.size).toBe(0);
    } finally {
      await second.stop();
    }
  }, 300_000);
});
