import path from 'node:path';
import { Database } from '../../../src/services/database/database';
import { loadKnowledgePack } from '../../../src/services/knowledge/contentPack';
import { KnowledgeBase } from '../../../src/services/knowledge/knowledgeBase';
import { knowledgeEntryModel } from '../../../src/services/knowledge/knowledgeModel';
import { createLogger } from '../../../src/services/logger';
import { testMongoUri } from '../../support/testDb';

const logger = createLogger('silent');
const packDir = path.join(__dirname, 'fixtures/pack');
const PACK = loadKnowledgePack(packDir);
let database: Database;
let kb: KnowledgeBase;

beforeAll(async () => {
  database = new Database(testMongoUri('kb'), logger);
  await database.connect();
  kb = new KnowledgeBase(database.connection, logger, { packDir });
  await kb.seed();
});
afterAll(() => database.close());

describe('KnowledgeBase', () => {
  it('stores every pack entry under its id, once, also when several instances start together', async () => {
    const other = new KnowledgeBase(database.connection, logger, { packDir });
    await Promise.all([other.seed(), kb.seed()]);
    const model = knowledgeEntryModel(database.connection);
    expect(await model.countDocuments()).toBe(PACK.length);
    expect((await model.distinct('key')).sort()).toEqual(PACK.map((e) => e.id).sort());
  });

  it.each([
    ['Wie kann ich meine Rechnung bezahlen?', 'billing.payment-methods'],
    ['wie kann ich meine rechnnug bezahlen', 'billing.payment-methods'],
    ['Kuendigungsfrist?', 'general.cancellation'],
    ['Kündigungsfrist', 'general.cancellation'],
    ['wann ist die rechnung faellig', 'billing.debit-date'],
    ['mein router blinkt rot', 'technical.router-restart'],
    ['How do I set up direct debit?', 'billing.direct-debit-setup'],
  ])('answers "%s" with %s (stemming, typos, ae/oe/ue/ss)', async (question, key) => {
    expect((await kb.answer(question, 'de'))?.key).toBe(key);
  });

  it('answers in English when asked in English', async () => {
    expect((await kb.answer('opening hours', 'en'))?.text).toContain('Monday to Friday');
    expect((await kb.answer('Öffnungszeiten', 'de'))?.text).toContain('Montag bis Freitag');
  });

  it('has no answer for questions outside its knowledge', async () => {
    expect(await kb.answer('Wie wird das Wetter morgen in Hamburg?', 'de')).toBeUndefined();
    expect(await kb.answer('😀', 'de')).toBeUndefined();
  });

  it('answers with entries an admin adds after reload, and drops deactivated ones', async () => {
    const model = knowledgeEntryModel(database.connection);
    await model.create({
      questions: { de: ['Haben Sie einen Shop in Leipzig?'], en: ['Do you have a shop in Leipzig?'] },
      answer: {
        de: 'Unser Shop in Leipzig ist in der Petersstraße 12.',
        en: 'Our Leipzig shop is at Petersstraße 12.',
      },
      category: 'general',
      active: true,
    });
    expect(await kb.answer('Shop Leipzig', 'de')).toBeUndefined();
    await kb.reload();
    expect((await kb.answer('Shop Leipzig', 'de'))?.text).toContain('Petersstraße');
    await model.updateOne({ key: 'general.opening-hours' }, { $set: { active: false } });
    await kb.retrain();
    expect(await kb.entry('general.opening-hours', 'de')).toBeUndefined();
  });

  it('still finds an entry by the key of the former built-in entry it replaced', async () => {
    expect((await kb.entry('billing.direct-debit', 'de'))?.key).toBe('billing.direct-debit-setup');
  });

  describe('search', () => {
    it('is confident for a clear question and gives the answer with its title', async () => {
      const found = await kb.search('Wie kann ich meine Rechnung bezahlen?', 'de');
      expect(found.confident).toBe(true);
      expect(found.best?.key).toBe('billing.payment-methods');
      expect(found.best?.title).toBe('Wie kann ich meine Rechnung bezahlen?');
      expect(found.alternatives).toEqual([]);
    });

    it('offers up to three plausible entries, best first, when the message is vague', async () => {
      const found = await kb.search('Rechnung', 'de');
      expect(found.confident).toBe(false);
      expect(found.alternatives.length).toBeGreaterThanOrEqual(2);
      expect(found.alternatives.length).toBeLessThanOrEqual(3);
      const scores = found.alternatives.map((a) => a.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(found.best).toEqual(found.alternatives[0]);
    });

    it('finds nothing for questions outside its knowledge, and says when they belong to another trade', async () => {
      expect(await kb.search('Wie wird das Wetter morgen in Hamburg?', 'de')).toEqual({
        confident: false,
        alternatives: [],
        offTopic: true,
      });
      expect(await kb.search('Wann wurde der Kölner Dom gebaut?', 'de')).toEqual({
        confident: false,
        alternatives: [],
      });
    });

    it('answers an English question in English, with the English title', async () => {
      const found = await kb.search('How do I set up direct debit?', 'en');
      expect(found.best?.key).toBe('billing.direct-debit-setup');
      expect(found.best?.title).toBe('How do I set up direct debit?');
      expect(found.best?.fallbackLanguage).toBeUndefined();
    });

    it('gives the German answer with fallbackLanguage when an entry has no English text', async () => {
      const model = knowledgeEntryModel(database.connection);
      await model.create({
        questions: { de: ['Wo kann ich mein Fahrrad abstellen?'], en: [] },
        answer: { de: 'Fahrradständer finden Sie direkt vor dem Eingang.', en: '' },
        category: 'general',
        active: true,
      });
      await kb.reload();
      const found = await kb.search('where can I park my Fahrrad', 'en');
      expect(found.best?.text).toBe('Fahrradständer finden Sie direkt vor dem Eingang.');
      expect(found.best?.title).toBe('Wo kann ich mein Fahrrad abstellen?');
      expect(found.best?.fallbackLanguage).toBe(true);
    });
  });
  it('seeds again at a later search when the seed at start failed, instead of answering from an empty store', async () => {
    const fresh = new Database(testMongoUri('kb-reseed'), logger);
    await fresh.connect();
    try {
      let failures = 1;
      const options = {
        reseedAfterMs: 0,
        // The pack read stands for whatever failed the first seed (a database away at start).
        get pack() {
          if (failures-- > 0) throw new Error('database not reachable');
          return PACK;
        },
      };
      const restarted = new KnowledgeBase(fresh.connection, logger, options);
      await expect(restarted.seed()).rejects.toThrow('database not reachable');
      expect(restarted.seedFailed).toBe(true);
      expect((await restarted.search('mein router blinkt rot', 'de')).best?.key).toBe('technical.router-restart');
      expect(await knowledgeEntryModel(fresh.connection).countDocuments()).toBe(PACK.length);
      expect(restarted.seedFailed).toBe(false);
    } finally {
      await fresh.connection.dropDatabase();
      await fresh.close();
    }
  });
});
