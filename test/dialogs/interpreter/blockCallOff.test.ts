import { callsOffBlock, correctedNumber } from '../../../src/dialogs/interpreter/blockCallOff';

describe('calling off a block', () => {
  it.each([
    'Moment der Taxifahrer hat grad angerufen, ich hab das Handy wieder!! bitte NICHT sperren, abbrechen',
    'Ah warte, ich hab es wiedergefunden, war in der Jackentasche',
    'Ich will die Sperre zurückziehen!',
    'bitte doch nicht sperren',
    'I found it, please cancel the block',
    'Hob des Handy wieder, Sperre bitte stornieren',
  ])('hears "%s" as calling the block off', (text) => {
    expect(callsOffBlock(text)).toBe(true);
  });

  it.each([
    'Mein Handy wurde gestohlen, bitte sofort sperren',
    'Ist die Karte jetzt schon gesperrt?',
    'Wie lange dauert die Sperre?',
    'Ich habe wieder kein Netz',
  ])('does not hear "%s" as calling it off', (text) => {
    expect(callsOffBlock(text)).toBe(false);
  });
});

describe('a corrected number', () => {
  it('takes the new number when the customer says the recorded one was wrong', () => {
    expect(
      correctedNumber('oh nein sorry die nummer ist falsch, es ist 0160 5551243 nicht 1234', '+491605551234'),
    ).toBe('01605551243');
  });

  it('ignores the same number in another form, and a number given without a correction', () => {
    expect(correctedNumber('Sorry, die Nummer ist 0160 5551234', '+491605551234')).toBeUndefined();
    expect(correctedNumber('Die 0171 2345678 bitte auch sperren', '+491605551234')).toBeUndefined();
  });
});
