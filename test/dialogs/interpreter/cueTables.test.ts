import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CUE_CONTENT_FILE,
  CUE_TABLES,
  CueContentError,
  loadCueTables,
} from '../../../src/dialogs/interpreter/cueTables';

/** The conversation cue tables are data; an editing mistake must stop the start with the place named. */

interface TableJson {
  name: string;
  match: string;
  phrases: string[];
}
type CueJson = { polite: string[]; tables: TableJson[] } & Record<string, unknown>;

const shipped = (): CueJson => JSON.parse(readFileSync(CUE_CONTENT_FILE, 'utf8')) as CueJson;
const dir = mkdtempSync(path.join(tmpdir(), 'cues-'));

function loadEdited(edit: (data: CueJson) => void): () => unknown {
  const data = shipped();
  edit(data);
  const file = path.join(dir, 'conversation-cues.json');
  writeFileSync(file, JSON.stringify(data));
  return () => loadCueTables(file);
}

const table = (data: CueJson, name: string): TableJson => data.tables.find((t) => t.name === name) as TableJson;

describe('conversation cue tables', () => {
  it('loads every table the interpreter reads from the shipped file', () => {
    const { polite, tables } = loadCueTables();
    expect(polite).toContain('bitte');
    for (const name of Object.keys(CUE_TABLES) as (keyof typeof CUE_TABLES)[])
      expect(tables[name].length).toBeGreaterThan(0);
    expect(tables.closing).toContain('tschuss');
  });

  it.each<[string, (data: CueJson) => void, RegExp]>([
    [
      'a table the interpreter does not know',
      (d) => d.tables.push({ name: 'farewell', match: 'words', phrases: ['x'] }),
      new RegExp(`tables\\[${shipped().tables.length}\\]: name "farewell"`),
    ],
    ['a missing table', (d) => (d.tables = d.tables.filter((t) => t.name !== 'help')), /tables missing: help/],
    ['a table matched another way', (d) => (table(d, 'menu').match = 'words'), /table "menu": "match" must be "whole"/],
    [
      'a phrase of punctuation only',
      (d) => table(d, 'thanks').phrases.push('?!'),
      /table "thanks": phrases\[20\] "\?!": needs letters or digits/,
    ],
    [
      'a phrase listed twice',
      (d) => table(d, 'back').phrases.push('zuruck'),
      /table "back": phrases\[7\] "zuruck": listed twice/,
    ],
    ['an empty polite list', (d) => (d.polite = []), /polite: must be a non-empty array/],
    ['an unknown field', (d) => (d.extra = true), /unknown field "extra"/],
  ])('refuses %s and names where', (_what, edit, message) => {
    const load = loadEdited(edit);
    expect(load).toThrow(CueContentError);
    expect(load).toThrow(message);
  });
});
