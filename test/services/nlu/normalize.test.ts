import { fold, normalizeText, stem, tokenize } from '../../../src/services/nlu/normalize';

describe('normalize', () => {
  it('spells out umlauts and ß and drops punctuation', () => {
    expect(normalizeText('Grüß Gott! Straße, Öffnungszeiten?')).toBe('gruess gott strasse oeffnungszeiten');
  });

  it('gives Kündigung, Kuendigung and Kundigung the same stem', () => {
    expect(stem('Kündigungen')).toBe(stem('kuendigung'));
    expect(stem('Kundigung')).toBe(stem('Kündigung'));
  });

  it('forgives doubled letters and Swiss üe', () => {
    expect(fold('rechnnung')).toBe(fold('rechnung'));
    expect(fold(normalizeText('Grüezi'))).toBe(fold('gruezi'));
  });

  it('tokenizes empty and emoji-only input to nothing', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('😡👍')).toEqual([]);
  });
});
