import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ContentPackError,
  DEFAULT_KNOWLEDGE_PACK_DIR,
  loadKnowledgePack,
} from '../../../src/services/knowledge/contentPack';

const FIXTURE = path.join(__dirname, 'fixtures/pack');

function entry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'general.shop',
    category: 'general',
    questions: { de: ['Wo ist ein Shop?'], en: ['Where is a shop?'] },
    answer: { de: 'Unsere Shops finden Sie im Kundenportal.', en: 'Find our shops in the customer portal.' },
    ...overrides,
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pack-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, body: unknown): void {
  writeFileSync(path.join(dir, file), typeof body === 'string' ? body : JSON.stringify(body));
}

describe('loadKnowledgePack', () => {
  it('reads every file of the pack, German-only answers included', () => {
    const pack = loadKnowledgePack(FIXTURE);
    expect(pack.map((e) => e.id)).toEqual(
      expect.arrayContaining(['billing.payment-methods', 'general.number-porting', 'technical.router-restart']),
    );
    expect(pack).toHaveLength(8);
    expect(pack.find((e) => e.id === 'general.number-porting')?.answer).toEqual({
      de: expect.stringContaining('Rufnummer'),
      en: '',
    });
  });

  it('is empty when the folder does not exist', () => {
    expect(loadKnowledgePack(path.join(dir, 'missing'))).toEqual([]);
  });

  it.each([
    [
      'a missing German answer',
      entry({ answer: { en: 'Only English.' } }),
      /general\.json: entries\[0\] \(id "general\.shop"\): answer\.de: must be a string/,
    ],
    ['an unknown category', entry({ category: 'weather' }), /\(id "general\.shop"\): category: must be one of billing/],
    [
      'no German question',
      entry({ questions: { de: [], en: ['x'] } }),
      /\(id "general\.shop"\): questions\.de: needs at least one question/,
    ],
    ['a question that is not text', entry({ questions: { de: ['ok', 7] } }), /questions\.de\[1\]: must be a string/],
    ['informal German', entry({ answer: { de: 'Das findest du im Portal.' } }), /answer\.de: uses the informal "du"/],
    ['an unknown field', entry({ tags: ['x'] }), /\(id "general\.shop"\): tags: is not a known field/],
    [
      'an id that is no dotted name',
      entry({ id: 'Shop Finder' }),
      /entries\[0\] \(id "Shop Finder"\): id: must be a dotted/,
    ],
  ])('refuses %s, naming file, entry and field', (_what, bad, message) => {
    write('general.json', { entries: [bad] });
    expect(() => loadKnowledgePack(dir)).toThrow(ContentPackError);
    expect(() => loadKnowledgePack(dir)).toThrow(message);
  });

  it('refuses a file that is not JSON or has no entries list', () => {
    write('billing.json', '{ "entries": [ ');
    expect(() => loadKnowledgePack(dir)).toThrow(/billing\.json: not valid JSON/);
    write('billing.json', { items: [] });
    expect(() => loadKnowledgePack(dir)).toThrow(/billing\.json: must be an object \{ "entries": \[\.\.\.\] \}/);
  });

  it('refuses an id used twice, also across files', () => {
    write('a.json', { entries: [entry()] });
    write('b.json', { entries: [entry({ category: 'billing' })] });
    expect(() => loadKnowledgePack(dir)).toThrow(
      /b\.json: entries\[0\] \(id "general\.shop"\): id: "general\.shop" is already used in .*a\.json/,
    );
  });
});

describe('the shipped pack', () => {
  const shipped = loadKnowledgePack(DEFAULT_KNOWLEDGE_PACK_DIR);

  it('loads without error and keeps answers short enough for a chat bubble', () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const e of shipped)
      expect({ id: e.id, length: e.answer.de.length <= 600 }).toEqual({ id: e.id, length: true });
  });
});
