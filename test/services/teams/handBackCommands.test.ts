import { parseThreadCommand } from '../../../src/channels/teams/threadCommands';
import { parseHandBackTarget, requireHandBackTarget } from '../../../src/services/handoff/handBackTargets';
import { ValidationError } from '../../../src/services/errors';

describe('hand-back targets in the Teams thread', () => {
  it.each([
    ['ende rechnung', 'rechnung'],
    ['Ende Technik.', 'technik'],
    ['ende daten', 'daten'],
    ['ende menü', 'menu'],
    ['ENDE MENUE!', 'menu'],
    ['beenden beschwerde', 'beschwerde'],
    ['end billing', 'rechnung'],
  ])('"%s" ends the handoff and hands back to %s', (text, target) => {
    expect(parseThreadCommand(text)).toEqual({ kind: 'end', target });
  });

  it('keeps "ende" alone as today: back to the bot without a target', () => {
    expect(parseThreadCommand('ende')).toEqual({ kind: 'end' });
  });

  it('sends a sentence that starts with "Ende" but names no target to the customer', () => {
    expect(parseThreadCommand('Ende der Woche melden wir uns')).toEqual({
      kind: 'message',
      text: 'Ende der Woche melden wir uns',
    });
    expect(parseThreadCommand('ende gut')).toEqual({ kind: 'message', text: 'ende gut' });
  });
});

describe('hand-back targets in the API', () => {
  it('accepts any case and umlaut spelling and leaves an absent target absent', () => {
    expect(parseHandBackTarget('Menü')).toBe('menu');
    expect(requireHandBackTarget('RECHNUNG')).toBe('rechnung');
    expect(requireHandBackTarget(undefined)).toBeUndefined();
  });

  it('refuses an unknown target naming the choices', () => {
    expect(() => requireHandBackTarget('mond')).toThrow(ValidationError);
    expect(() => requireHandBackTarget(42)).toThrow(/rechnung, technik, daten/);
  });
});
