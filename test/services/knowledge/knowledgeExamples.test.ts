import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledgePack } from '../../../src/services/knowledge/contentPack';
import { loadKnowledgeExamples } from '../../../src/services/knowledge/knowledgeExamples';

const dir = mkdtempSync(path.join(tmpdir(), 'examples-'));
function file(content: string): string {
  const f = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(f, content);
  return f;
}
const ids = new Set(['billing.debit-date']);

describe('knowledge examples', () => {
  it('the shipped examples name entries of the shipped pack, most of them', () => {
    const pack = loadKnowledgePack();
    const examples = loadKnowledgeExamples(new Set(pack.map((e) => e.id)));
    expect(examples.size).toBeGreaterThan(pack.length * 0.9);
    expect([...examples.values()].flat().length).toBeGreaterThan(1000);
  });

  it('reads questions per entry and trims them', () => {
    const examples = loadKnowledgeExamples(ids, file('{ "billing.debit-date": [" wann wird abgebucht "] }'));
    expect(examples.get('billing.debit-date')).toEqual(['wann wird abgebucht']);
  });

  it('a missing file is no examples', () => {
    expect(loadKnowledgeExamples(ids, path.join(dir, 'absent.json')).size).toBe(0);
  });

  it.each([
    ['an entry the pack does not have', '{ "billing.nope": ["x"] }', /"billing.nope" is no entry/],
    ['an empty question', '{ "billing.debit-date": [""] }', /"billing.debit-date" must be a list/],
    ['a list that is not one', '{ "billing.debit-date": "wann" }', /"billing.debit-date" must be a list/],
    ['broken JSON', '{ "billing.debit-date": [', /not valid JSON/],
    ['a list at the top', '["x"]', /must be an object/],
  ])('refuses %s, naming it', (_what, content, message) => {
    expect(() => loadKnowledgeExamples(ids, file(content))).toThrow(message);
  });
});
