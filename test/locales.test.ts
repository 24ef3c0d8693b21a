import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LOCALES = path.resolve(__dirname, '../locales');
const INFORMAL = /\b(du|dich|dir|dein\w*|euch|euer\w*)\b/i;

function load(lng: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const file of readdirSync(path.join(LOCALES, lng)).filter((f) => f.endsWith('.json'))) {
    out[path.basename(file, '.json')] = JSON.parse(readFileSync(path.join(LOCALES, lng, file), 'utf8'));
  }
  return out;
}

function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (Array.isArray(tree)) return tree.flatMap((v, i) => leaves(v, `${prefix}[${i}]`));
  if (tree && typeof tree === 'object')
    return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, String(tree)]];
}

describe('locales', () => {
  const de = leaves(load('de'));
  const en = leaves(load('en'));

  it('German texts address the customer formally (never du, dich, dir, dein…, euch, euer…)', () => {
    const informal = de.filter(([, text]) => INFORMAL.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(informal).toEqual([]);
  });

  it('German and English have the same keys in every namespace', () => {
    expect(readdirSync(path.join(LOCALES, 'en')).sort()).toEqual(readdirSync(path.join(LOCALES, 'de')).sort());
    expect(en.map(([k]) => k).sort()).toEqual(de.map(([k]) => k).sort());
  });

  it('German texts spell umlauts as umlauts in the conversation', () => {
    const conversation = leaves(load('de').conversation, 'conversation');
    const spelledOut = conversation.filter(([, text]) =>
      /\b\w*(fuer|koennen|moechten|Aenderung|Ueber|ueber|waehlen|Gebuehr)\w*\b/.test(text),
    );
    expect(spelledOut).toEqual([]);
  });

  it('the informal check catches an informal sentence', () => {
    expect(INFORMAL.test('Kannst du mir deine Nummer geben?')).toBe(true);
    expect(INFORMAL.test('Bitte teilen Sie uns Ihre Nummer mit, direkt und teuer.')).toBe(false);
  });
});
