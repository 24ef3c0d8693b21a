import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFirstNames } from '../../../src/services/nlu/nluContent';
import { isBareName } from '../../../src/services/nlu/personName';

describe('a message that is only the customer name', () => {
  it('is a name when it starts with a first name or a title and the rest is capitalised', () => {
    for (const text of [
      'Maria Huber',
      'Thomas Müller.',
      'Hier spricht Frau Maier',
      'Mein Name ist Sabine Kraus',
      'Dr. Hans-Peter Müller-Lüdenscheidt',
      'I am John Smith',
    ])
      expect(isBareName(text)).toBe(true);
  });

  it('is no name when it says anything else, or when the rest is not written as a name', () => {
    for (const text of [
      'Internet Störung',
      'Rechnung Januar',
      'MMS Einstellungen',
      'Maria Huber, meine Rechnung ist zu hoch',
      'Frau Maier hat angerufen?',
      'maria huber',
      'Maria',
      'Guten Morgen',
    ])
      expect(isBareName(text)).toBe(false);
  });

  it('refuses a names file with a word that is not one lower-case word', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lotse-names-'));
    writeFileSync(path.join(dir, 'first-names.json'), JSON.stringify({ titles: ['frau'], names: ['Maria'] }));
    expect(() => loadFirstNames(dir)).toThrow(/names "Maria" must be one word in lower case/);
  });
});
