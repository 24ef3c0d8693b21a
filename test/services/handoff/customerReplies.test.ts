import { readContact } from '../../../src/dialogs/interpreter/contactReader';
import { readRating } from '../../../src/bots/handoff/surveyReader';

describe('survey answers in words', () => {
  it.each([
    ['5', 5],
    ['4 von 5', 4],
    ['3 Sterne', 3],
    ['war super, danke', 5],
    ['Sehr gut, vielen Dank!', 5],
    ['gut', 4],
    ['ging so', 3],
    ['naja, geht so', 3],
    ['nicht so gut', 2],
    ['schlecht', 2],
    ['eher schlecht', 2],
    ['furchtbar', 1],
    ['gar nicht zufrieden', 1],
    ['nicht schlecht', 4],
    ['great, thanks', 5],
    ['not good', 2],
    ['Passt eh, war recht guat', 4],
    ['leiwand, danke', 5],
    ['Isch guet gsi, merci', 4],
    ['passt scho', 3],
  ])('reads "%s" as %d', (text, rating) => {
    expect(readRating(text)).toBe(rating);
  });

  it.each(['Danke', 'Tschüss', 'Ich habe noch eine Frage zu meiner Rechnung'])(
    'does not read "%s" as a rating',
    (text) => {
      expect(readRating(text)).toBeUndefined();
    },
  );
});

describe('callback contacts', () => {
  it.each([
    ['0171 2345678', { phone: '01712345678' }],
    ['+49 171 2345678', { phone: '+491712345678' }],
    ['0043 664 1234567', { phone: '+436641234567' }],
    ['Meine Nummer ist +41 79 123 45 67.', { phone: '+41791234567' }],
    ['Gern per Mail: Max.Muster@Beispiel.de', { email: 'max.muster@beispiel.de' }],
    ['nein', { declined: true }],
    ['Nein danke, ich schaue wieder rein', { declined: true }],
    ['Nei', { declined: true }],
    ['na', { declined: true }],
  ])('reads "%s"', (text, expected) => {
    expect(readContact(text)).toEqual(expected);
  });

  it.each(['12345', 'keine Ahnung wann', 'Wie lange dauert das noch?', 'max@', '171'])(
    'refuses "%s" as a contact',
    (text) => {
      expect(readContact(text)).toBeUndefined();
    },
  );
});
