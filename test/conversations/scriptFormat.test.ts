import path from 'node:path';
import { existsSync } from 'node:fs';
import { loadCorpus, needsOwnApp, parseScript, readScriptFile } from './support/script';

describe('conversation scripts as data', () => {
  it('reads the blind author format (channel "web", string turns) the same as ours', () => {
    const s = parseScript(
      {
        id: 'b-1',
        lang: 'de',
        time: 'night',
        channel: 'web',
        turns: ['Hallo', 'Mitarbeiter'],
        expect: { outcome: 'handed_off', never: ['verbinde'] },
      },
      'blind',
    );
    expect(s).toMatchObject({
      id: 'b-1',
      lang: 'de',
      time: 'night',
      channel: 'webchat',
      turns: ['Hallo', 'Mitarbeiter'],
      expect: { outcome: 'handed_off', never: ['verbinde'] },
    });
    expect(needsOwnApp(s)).toBe(false);
  });

  it('refuses what it cannot run, naming the script and the field', () => {
    expect(() => parseScript({ id: 'x', turns: ['a'], expect: { outcome: 'solved' } }, 'f')).toThrow(
      /script x: expect.outcome "solved"/,
    );
    expect(() => parseScript({ id: 'x', turns: [], expect: { outcome: 'closed' } }, 'f')).toThrow(/script x: turns/);
    expect(() => parseScript({ id: 'x', turns: [{ agent: 'dance' }], expect: { outcome: 'closed' } }, 'f')).toThrow(
      /script x: a turn must be/,
    );
    expect(() => parseScript({ id: 'x', time: 'noon', turns: ['a'], expect: { outcome: 'closed' } }, 'f')).toThrow(
      /time "noon"/,
    );
  });

  it('gives scripts that move the clock or the queue an app of their own', () => {
    const base = { id: 'p', turns: ['Hallo'], expect: { outcome: 'closed' } };
    expect(needsOwnApp(parseScript({ ...base, turns: ['Hallo', { pause: 45 }] }, 'f'))).toBe(true);
    expect(needsOwnApp(parseScript({ ...base, turns: [{ otherCustomer: 'Mitarbeiter' }, 'Hallo'] }, 'f'))).toBe(true);
    expect(needsOwnApp(parseScript({ ...base, isolated: true }, 'f'))).toBe(true);
  });

  it('holds at least 150 multi-turn scripts with unique ids, every observation of issue 10 among them', () => {
    const corpus = loadCorpus();
    expect(corpus.filter((s) => s.turns.length > 1).length).toBeGreaterThanOrEqual(150);
    for (let n = 1; n <= 10; n++)
      expect(corpus.some((s) => s.id.startsWith(`obs-${String(n).padStart(2, '0')}-`))).toBe(true);
    for (const lang of ['de', 'de-AT', 'de-CH', 'en']) expect(corpus.some((s) => s.lang === lang)).toBe(true);
  });

  it('reads the blind set when it is there', () => {
    const file = path.resolve(__dirname, '../../eval/blind-scripts/scripts.json');
    if (!existsSync(file)) return;
    expect(readScriptFile(file).length).toBeGreaterThan(0);
  });
});
