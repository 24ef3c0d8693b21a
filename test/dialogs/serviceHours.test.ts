import { asksServiceHours, describeHours } from '../../src/dialogs/serviceHours';
import { de } from './harness';

describe('service hours', () => {
  it('joins neighbouring days with the same hours', () => {
    const text = describeHours(de, {
      weekly: {
        '1': ['08:00', '20:00'],
        '2': ['08:00', '20:00'],
        '3': ['08:00', '20:00'],
        '4': ['08:00', '20:00'],
        '5': ['08:00', '20:00'],
        '6': ['09:30', '16:00'],
      },
      holidays: [],
    });
    expect(text).toBe('Mo–Fr 8 Uhr bis 20 Uhr, Sa 9:30 Uhr bis 16 Uhr');
  });

  it('keeps days apart that are not neighbours or differ', () => {
    const text = describeHours(de, {
      weekly: { '1': ['08:00', '12:00'], '3': ['08:00', '12:00'], '4': ['08:00', '18:00'] },
      holidays: [],
    });
    expect(text).toBe('Mo 8 Uhr bis 12 Uhr, Mi 8 Uhr bis 12 Uhr, Do 8 Uhr bis 18 Uhr');
  });

  it('is empty when nobody is ever on duty', () => {
    expect(describeHours(de, { weekly: {}, holidays: [] })).toBe('');
  });

  it.each([
    ['Wann habt ihr geöffnet?', true],
    ['Was sind Ihre Öffnungszeiten?', true],
    ['Servicezeiten', true],
    ['What are your opening hours?', true],
    ['Erreichbarkeitsnummer im Kundenkonto ändern', false],
    ['Wann wird meine Rechnung abgebucht?', false],
  ])('"%s" asks for the hours: %s', (text, expected) => {
    expect(asksServiceHours(text)).toBe(expected);
  });
});
