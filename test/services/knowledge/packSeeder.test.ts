import path from 'node:path';
import { Database } from '../../../src/services/database/database';
import { loadKnowledgePack, PackEntry } from '../../../src/services/knowledge/contentPack';
import { KnowledgeBase } from '../../../src/services/knowledge/knowledgeBase';
import { knowledgeEntryModel } from '../../../src/services/knowledge/knowledgeModel';
import { createLogger } from '../../../src/services/logger';
import { testMongoUri } from '../../support/testDb';

const logger = createLogger('silent');
const PACK = loadKnowledgePack(path.join(__dirname, 'fixtures/pack'));
let database: Database;

beforeEach(async () => {
  database = new Database(testMongoUri('kbpack'), logger);
  await database.connect();
});
afterEach(() => database.close());

const kbWith = (pack: readonly PackEntry[]) => new KnowledgeBase(database.connection, logger, { pack });
const model = () => knowledgeEntryModel(database.connection);

describe('seeding the knowledge base from the content pack', () => {
  it('adds the whole pack on the first start and nothing on the next', async () => {
    expect((await kbWith(PACK).seed()).inserted).toBe(PACK.length);
    expect(await kbWith(PACK).seed()).toEqual({ inserted: 0, updated: 0, retired: 0 });
    expect(await model().countDocuments()).toBe(PACK.length);
  });

  it('keeps an admin-edited entry when a newer pack changes the same entry, and updates the untouched ones', async () => {
    await kbWith(PACK).seed();
    await model().updateOne(
      { key: 'general.opening-hours' },
      { $set: { 'answer.de': 'Wir sind rund um die Uhr für Sie da.' } },
    );
    const newer = PACK.map((e) => ({ ...e, answer: { ...e.answer, de: `${e.answer.de} Neu.` } }));
    const result = await kbWith(newer).seed();
    expect(result.updated).toBe(PACK.length - 1);
    expect((await model().findOne({ key: 'general.opening-hours' }).lean())?.answer.de).toBe(
      'Wir sind rund um die Uhr für Sie da.',
    );
    expect((await model().findOne({ key: 'general.cancellation' }).lean())?.answer.de).toMatch(/ Neu\.$/);
  });

  it('does not bring back a shipped entry an admin deleted', async () => {
    await kbWith(PACK).seed();
    await model().deleteOne({ key: 'billing.roaming-costs' });
    await kbWith(PACK).seed();
    expect(await model().countDocuments({ key: 'billing.roaming-costs' })).toBe(0);
  });

  it('adds entries that are new in the pack', async () => {
    await kbWith(PACK.slice(0, 3)).seed();
    expect((await kbWith(PACK).seed()).inserted).toBe(PACK.length - 3);
    expect(await model().countDocuments()).toBe(PACK.length);
  });

  it('on a database of the former built-in entries: adds the pack, switches off untouched old entries, keeps edited ones', async () => {
    const old = (key: string, answer: string) => ({
      key,
      category: 'billing',
      questions: { de: [`Frage zu ${key}`], en: [] },
      answer: { de: answer, en: '' },
      active: true,
    });
    await model().insertMany([
      old('billing.credit-card', 'Die Kreditkartenabrechnung erstellen wir monatlich.'),
      old('billing.payment-methods', 'Alter Text.'),
      old('billing.edited', 'Alt.'),
    ]);
    await model().updateOne(
      { key: 'billing.edited' },
      { $set: { 'answer.de': 'Von einer Administratorin geändert.' } },
    );
    const kb = kbWith(PACK);
    const result = await kb.seed();
    expect(result.inserted).toBe(PACK.length - 1);
    expect(result.retired).toBe(1);
    expect(await model().countDocuments({ key: 'billing.payment-methods' })).toBe(1);
    // The untouched former entry under a key the pack still uses is replaced by the pack's text.
    expect((await kb.entry('billing.payment-methods', 'de'))?.text).toContain('SEPA-Lastschrift');
    expect(await kb.entry('billing.credit-card', 'de')).toBeUndefined();
    expect((await kb.entry('billing.edited', 'de'))?.text).toBe('Von einer Administratorin geändert.');
    expect((await kb.search('Kreditkartenabrechnung', 'de')).best).toBeUndefined();
  });
});
