import { Database } from '../../../src/services/database/database';
import { randomUUID } from 'node:crypto';
import { type Embedder, HttpEmbedder } from '../../../src/services/embeddings/embedder';
import { MongoVectorStore } from '../../../src/services/embeddings/vectorCache';
import type { PackEntry } from '../../../src/services/knowledge/contentPack';
import { KnowledgeBase } from '../../../src/services/knowledge/knowledgeBase';
import { SemanticRanker } from '../../../src/services/knowledge/semanticRanker';
import { createLogger } from '../../../src/services/logger';
import { FakeEmbeddings } from '../../support/fakeEmbeddings';
import { testMongoUri } from '../../support/testDb';

const logger = createLogger('silent');

// Two entries the words cannot tell apart for "Frage zur Rechnung"; the (fake) model says it is the second.
const PACK = [
  {
    id: 'billing.one',
    category: 'billing',
    questions: { de: ['Frage zur Rechnung eins'], en: [] },
    answer: { de: 'Antwort eins.', en: '' },
  },
  {
    id: 'billing.two',
    category: 'billing',
    questions: { de: ['Frage zur Rechnung zwei'], en: [] },
    answer: { de: 'Antwort zwei.', en: '' },
  },
] as unknown as PackEntry[];

// Only a customer's own question (an example of billing.one) knows the direction of "teuer".
function vectorFor(text: string): number[] {
  if (text.includes('teuer')) return [0, 0, 0, 1];
  if (text.includes('zwei') || text === 'Frage zur Rechnung') return [1, 0.05, 0, 0];
  if (text.includes('eins')) return [0, 1, 0, 0];
  return [0, 0, 1, 0];
}

let database: Database;
let model: FakeEmbeddings;
let url: string;

beforeAll(async () => {
  database = new Database(testMongoUri('sem'), logger);
  await database.connect();
  model = new FakeEmbeddings(vectorFor);
  url = await model.start();
});
afterAll(async () => {
  await model.stop();
  await database.close();
});

async function knowledgeWithModel(
  examples?: ReadonlyMap<string, readonly string[]>,
): Promise<{ kb: KnowledgeBase; ranker: SemanticRanker }> {
  const embedder = new HttpEmbedder({ url, model: 'fake', retryAfterMs: 60_000 }, logger);
  const ranker = new SemanticRanker(new MongoVectorStore(database.connection), embedder, logger);
  const kb = new KnowledgeBase(database.connection, logger, {
    pack: PACK,
    semantic: ranker,
    ...(examples ? { examples } : {}),
  });
  await kb.seed();
  // The index is built in the background after a load; a search uses it once it is there.
  await ranker.indexed();
  return { kb, ranker };
}

describe('knowledge search with an embedding model', () => {
  it('without the model the words alone cannot decide and offer both entries', async () => {
    const kb = new KnowledgeBase(database.connection, logger, { pack: PACK });
    await kb.seed();
    const found = await kb.search('Frage zur Rechnung', 'de');
    expect(found.confident).toBe(false);
    expect(found.alternatives.map((a) => a.key).sort()).toEqual(['billing.one', 'billing.two']);
  });

  it('with the model the entry it is sure of answers at once', async () => {
    const { kb, ranker } = await knowledgeWithModel();
    expect(ranker.ready).toBe(true);
    const found = await kb.search('Frage zur Rechnung', 'de');
    expect(found.confident).toBe(true);
    expect(found.best?.text).toBe('Antwort zwei.');
  });

  it('embeds each stored phrasing once: a second instance reads the vectors from MongoDB', async () => {
    await knowledgeWithModel();
    model.embedded = [];
    const { kb } = await knowledgeWithModel();
    expect(model.embedded).toEqual([]);
    await kb.search('Frage zur Rechnung', 'de');
    expect(model.embedded).toEqual(['Frage zur Rechnung']);
  });

  it("learns from customers' own questions: a question only an example resembles finds that entry", async () => {
    const question = 'Frage zur Rechnung, warum so teuer?';
    const { kb: without } = await knowledgeWithModel();
    expect((await without.search(question, 'de')).confident).toBe(false);
    const { kb } = await knowledgeWithModel(new Map([['billing.one', ['Wieso ist das auf einmal so teuer']]]));
    const found = await kb.search(question, 'de');
    expect(found.confident).toBe(true);
    expect(found.best?.text).toBe('Antwort eins.');
  });

  it('never answers from the model alone: an entry the words do not name is not picked', async () => {
    const { kb } = await knowledgeWithModel();
    const found = await kb.search('Wie wird das Wetter morgen?', 'de');
    expect(found.confident).toBe(false);
  });

  it('when the model is away the search answers classically, without waiting for it again', async () => {
    const { kb, ranker } = await knowledgeWithModel();
    model.down = true;
    try {
      const first = await kb.search('Frage zur Rechnung', 'de');
      expect(first.confident).toBe(false);
      expect(first.alternatives).toHaveLength(2);
      expect(ranker.ready).toBe(false);
      model.embedded = [];
      await kb.search('Frage zur Rechnung', 'de');
      expect(model.embedded).toEqual([]);
    } finally {
      model.down = false;
    }
  });

  it("on a first start answers from the pack's phrasings while the customers' examples are still being embedded", async () => {
    let release = (): void => undefined;
    const examplesEmbedded = new Promise<void>((resolve) => (release = resolve));
    const question = 'Frage zur Rechnung, warum so teuer?';
    // A new model name: nothing is cached for it, as on a first start.
    const embedder: Embedder = {
      model: `first-start-${randomUUID()}`,
      available: true,
      async embed(texts) {
        if (texts.some((t) => t.includes('auf einmal so teuer'))) await examplesEmbedded;
        return texts.map((t) => Float32Array.from(vectorFor(t)));
      },
    };
    const ranker = new SemanticRanker(new MongoVectorStore(database.connection), embedder, logger);
    const examples = Array.from({ length: 600 }, (_, i) => `Wieso ist das auf einmal so teuer (${i})`);
    const kb = new KnowledgeBase(database.connection, logger, {
      pack: PACK,
      semantic: ranker,
      examples: new Map([['billing.one', examples]]),
    });
    await kb.seed();
    for (let i = 0; i < 500 && !ranker.ready; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ranker.ready).toBe(true);
    const early = await kb.search('Frage zur Rechnung', 'de');
    expect(early.confident).toBe(true);
    expect(early.best?.text).toBe('Antwort zwei.');
    // What only the examples know comes once they are in.
    expect((await kb.search(question, 'de')).confident).toBe(false);
    release();
    await ranker.indexed();
    const later = await kb.search(question, 'de');
    expect(later.confident).toBe(true);
    expect(later.best?.text).toBe('Antwort eins.');
  });
});
