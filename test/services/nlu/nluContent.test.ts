import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  FRUSTRATION_WORD_LISTS,
  loadCorpusFolder,
  loadFrustrationLexicon,
  loadFrustrationWords,
  loadIntentExamples,
  loadIntentLexicon,
  loadToneExamples,
  NluContentError,
} from '../../../src/services/nlu/nluContent';

describe('NLU content files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nlu-content-'));
    mkdirSync(path.join(dir, 'training'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, data: unknown): void =>
    writeFileSync(path.join(dir, file), typeof data === 'string' ? data : JSON.stringify(data));

  it('loads the shipped data', () => {
    expect(loadCorpusFolder('training').length).toBeGreaterThan(800);
    expect(loadIntentLexicon().groups.length).toBeGreaterThan(20);
    expect(loadFrustrationLexicon().groups.length).toBeGreaterThan(20);
    expect(loadFrustrationWords().negativeRoots.size).toBeGreaterThan(10);
  });

  it("reads the intent model's examples, names a bad one, and takes a missing file as none", () => {
    expect(loadIntentExamples().length).toBeGreaterThan(1500);
    expect(loadIntentExamples('absent.json', dir)).toEqual([]);
    write('examples.json', { examples: [{ intent: 'billing', text: 'Rechnung?' }] });
    expect(loadIntentExamples('examples.json', dir)).toEqual([{ intent: 'billing', text: 'Rechnung?' }]);
    write('examples.json', { examples: [{ intent: 'biling', text: 'Wo ist meine Rechnung?' }] });
    expect(() => loadIntentExamples('examples.json', dir)).toThrow(
      /examples\[0\] \("Wo ist meine Rechnung\?"\): intent "biling"/,
    );
    write('examples.json', { examples: [{ intent: 'billing', text: '' }] });
    expect(() => loadIntentExamples('examples.json', dir)).toThrow(/"text" must be a non-empty string/);
  });

  it("reads the tone model's examples, names a bad one, and takes a missing file as none", () => {
    expect(loadToneExamples().length).toBeGreaterThan(1500);
    expect(loadToneExamples('absent.json', dir)).toEqual([]);
    write('tone.json', { examples: [{ level: 2, text: 'Frechheit!' }] });
    expect(loadToneExamples('tone.json', dir)).toEqual([{ level: 2, text: 'Frechheit!' }]);
    write('tone.json', { examples: [{ level: 3, text: 'Frechheit!' }] });
    expect(() => loadToneExamples('tone.json', dir)).toThrow(
      /examples\[0\] \("Frechheit!"\): level 3 must be 0, 1 or 2/,
    );
    write('tone.json', { examples: [{ level: 1, text: ' ' }] });
    expect(() => loadToneExamples('tone.json', dir)).toThrow(/"text" must be a non-empty string/);
    write('tone.json', { examples: [{ level: 1, text: 'Hm.', intent: 'other' }] });
    expect(() => loadToneExamples('tone.json', dir)).toThrow(/unknown field "intent"/);
  });

  it('names the file and the entry of a bad training example', () => {
    write('training/a.json', {
      examples: [
        { intent: 'billing', level: 0, text: 'Rechnung?' },
        { intent: 'biling', level: 0, text: 'Wo ist meine Rechnung?' },
      ],
    });
    expect(() => loadCorpusFolder('training', dir)).toThrow(NluContentError);
    expect(() => loadCorpusFolder('training', dir)).toThrow(
      /training\/a\.json: examples\[1\] \("Wo ist meine Rechnung\?"\): intent "biling"/,
    );
  });

  it('refuses a level outside 0 to 2, an empty text, unknown fields and broken JSON', () => {
    write('training/a.json', { examples: [{ intent: 'billing', level: 3, text: 'x' }] });
    expect(() => loadCorpusFolder('training', dir)).toThrow(/examples\[0\].*level 3/);
    write('training/a.json', { examples: [{ intent: 'billing', level: 0, text: ' ' }] });
    expect(() => loadCorpusFolder('training', dir)).toThrow(/examples\[0\]: "text"/);
    write('training/a.json', { examples: [{ intent: 'billing', level: 0, text: 'x', lvl: 1 }] });
    expect(() => loadCorpusFolder('training', dir)).toThrow(/unknown field "lvl"/);
    write('training/a.json', '{ "examples": [ ');
    expect(() => loadCorpusFolder('training', dir)).toThrow(/training\/a\.json: cannot be read as JSON/);
  });

  it('names the group and the pattern of a bad cue', () => {
    const base = { greetingFiller: ['und'], notTypos: ['meinen'] };
    write('intent-cues.json', {
      ...base,
      groups: [{ name: 'loss', tag: 'loss', weight: 1, patterns: ['verlor*', '~ weg'] }],
    });
    expect(() => loadIntentLexicon(dir)).toThrow(/intent-cues\.json: group "loss": patterns\[1\] "~ weg": a gap/);
    write('intent-cues.json', { ...base, groups: [{ name: 'loss', tag: 'loss', weight: 'stark', patterns: ['weg'] }] });
    expect(() => loadIntentLexicon(dir)).toThrow(/group "loss": "weight"/);
    write('intent-cues.json', {
      ...base,
      groups: [
        { name: 'a', tag: 'x', weight: 1, patterns: ['weg'] },
        { name: 'a', tag: 'y', weight: 1, patterns: ['da'] },
      ],
    });
    expect(() => loadIntentLexicon(dir)).toThrow(/group "a": the name is used twice/);
  });

  it('refuses a rule word that is not folded, since it could never match', () => {
    const lists = Object.fromEntries(FRUSTRATION_WORD_LISTS.map((name) => [name, { words: ['wie'] }]));
    write('frustration-words.json', { ...lists, conditional: { words: ['wenn'] } });
    expect(() => loadFrustrationWords(dir)).toThrow(/"conditional": "wenn" must be written folded, as "wen"/);
  });
});
