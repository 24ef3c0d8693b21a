import {
  parseAddress,
  parseCustomerNumber,
  parseDate,
  parseEmail,
  parseIban,
  parseLastFour,
  parseMoveDate,
  correctAddress,
  parseName,
  parsePhone,
  extractName,
  readName,
} from '../../../src/dialogs/interpreter/slots';
import { yesNo } from '../../../src/dialogs/interpreter/yesNo';

const NOW = new Date('2025-03-12T10:00:00Z');

describe('natural yes and no', () => {
  it.each([
    ['passt', 'yes'],
    ['hat geklappt', 'yes'],
    ['Okay, verstanden. Hat geholfen.', 'yes'],
    ['jo', 'yes'],
    ['gell', 'yes'],
    ['yes please', 'yes'],
    ['Ja, danke', 'yes'],
    ['na klar', 'yes'],
    ['leider nicht', 'no'],
    ['nö', 'no'],
    ['nicht wirklich', 'no'],
    ['eher nicht', 'no'],
    ['Nein, keine Adressänderung', 'no'],
    ['geht immer noch ned', 'no'],
    ['na', 'no'],
    ['Na, geht no imma ned', 'no'],
    ['hab ich schon gemacht', 'no'],
    ['ja, das wird die Option sein', 'yes'],
    ['Ja, das dürfte wohl die richtige Option sein', 'yes'],
    ["yes, that's the one", 'yes'],
  ])('"%s" is %s', (text, expected) => {
    expect(yesNo(text)).toBe(expected);
  });

  it.each([
    ['Ja, aber wann wird abgebucht?'],
    ['Mein Internet geht seit gestern nicht'],
    ['Ist die SIM jetzt wirklich schon gesperrt?'],
    ['Ja, die Störung hab ich schon am Montag gemeldet, Ticket 448812.'],
    ['ok danke'],
    ['Na, passt schon'],
    ['vielleicht'],
    ['Ja, das wird mein Problem sein, der Router blinkt rot'],
  ])('"%s" is neither', (text) => {
    expect(yesNo(text)).toBeUndefined();
  });
});

describe('slots', () => {
  it.each([['21.05.1980'], ['21.5.80'], ['1980-05-21'], ['21. Mai 1980'], ['geboren am 21.05.1980'], ['May 21, 1980']])(
    'reads the date %s',
    (text) => {
      expect(parseDate(text, NOW)).toBe('21.05.1980');
    },
  );

  it('reads Austrian month names and refuses impossible or future dates', () => {
    expect(parseDate('21. Jänner 1980', NOW)).toBe('21.01.1980');
    expect(parseDate('31.02.1980', NOW)).toBeUndefined();
    expect(parseDate('01.01.2030', NOW)).toBeUndefined();
  });

  it('reads customer numbers with separators, never a date', () => {
    expect(parseCustomerNumber('Kundennummer 4711-0815')).toBe('47110815');
    expect(parseCustomerNumber('K-4711-0815')).toBe('K-47110815');
    expect(parseCustomerNumber('31.02.1980')).toBeUndefined();
    expect(parseLastFour('Endziffern 9 8 7 6')).toBe('9876');
  });

  it.each([
    ['+49 151 2345678', '+491512345678'],
    ['0049 151 2345678', '+491512345678'],
    ['+43 664 1234567', '+436641234567'],
    ['+41 79 123 45 67', '+41791234567'],
    ['0151/2345678', '01512345678'],
  ])('reads the phone number %s', (text, expected) => {
    expect(parsePhone(text)).toBe(expected);
  });

  it('passes over a date of birth to the phone number behind it, and never reads a date as one', () => {
    expect(parsePhone('Ahmet Yilmaz, geboren 12.12.1991, Nummer 0176 99988877')).toBe('017699988877');
    // Voice dictation writes the digits as words; a short count of things stays words.
    expect(parsePhone('die nummer ist null eins sieben null fünf fünf drei acht zwei eins null sechs')).toBe(
      '017055382106',
    );
    expect(parsePhone('ich habe zwei Handys und drei SIM-Karten')).toBeUndefined();
    expect(parsePhone('geboren 01.02.1990')).toBeUndefined();
    expect(parsePhone('geb. 03.07.88, Handy 0151 2345678')).toBe('01512345678');
  });

  it('refuses a protest as a phone number and "Ja" or a sentence as a name', () => {
    expect(parsePhone('Sie verstehen mich einfach nicht.')).toBeUndefined();
    expect(parseName('Ja')).toBeUndefined();
    expect(parseName('Sie verstehen mich einfach nicht')).toBeUndefined();
    expect(parseName('Anna Schmidt')).toBe('Anna Schmidt');
    expect(extractName('Ich habe geheiratet, mein neuer Name ist Julia Wagner')).toBe('Julia Wagner');
  });

  it('reads a name given among other details, and only a name', () => {
    expect(readName('Kundennummer 74747474, Carola Schmidt')).toBe('Carola Schmidt');
    expect(readName('Customer number 77120345, old name Anna Smith, new name Anna Becker')).toBe('Anna Becker');
    expect(readName('0172 4456789, Murat Demir')).toBe('Murat Demir');
    expect(readName('Alles klar, dann rufe ich da gleich selbst an.')).toBeUndefined();
  });

  it('reads the new name after "jetzt" or "richtig wäre", not the old one', () => {
    expect(readName('Bisher Sabine Wolf, jetzt Sabine Hartmann')).toBe('Sabine Hartmann');
    expect(readName('Richtig wäre: Beat Müller, mit ü')).toBe('Beat Müller');
    expect(readName('Jetzt geht es wieder, danke')).toBeUndefined();
  });

  it('reads e-mail, address and IBAN inside a sentence', () => {
    expect(parseEmail('auf Peter.Meier@web.de bitte')).toBe('peter.meier@web.de');
    expect(parseAddress('Hallo, ich bin umgezogen, neue Adresse: Birkenweg 7, 50667 Köln')).toBe(
      'Birkenweg 7, 50667 Köln',
    );
    expect(parseAddress('Mariahilfer Straße 10, 1060 Wien')).toBe('Mariahilfer Straße 10, 1060 Wien');
    // The read-back is the address, not "ist Hauptstr. 5 …".
    expect(parseAddress('neue Adresse ist Hauptstr. 5, 10115 Berlin')).toBe('Hauptstr. 5, 10115 Berlin');
    expect(parseIban('meine IBAN: DE89 3704 0044 0532 0130 00')).toEqual({ iban: 'DE89370400440532013000' });
    expect(parseIban('DE89 3704 0044 0532 0130 01')).toEqual({ problem: 'invalidIban' });
  });
});

describe('the day a new address applies from', () => {
  const now = new Date('2026-12-07T10:00:00Z');

  it.each([
    ['ab dem 1.5.', '01.05.2027'],
    ['Da Umzug is erst am 1. Februar, bitte notierns des', '01.02.2027'],
    ['zum 01.03.2027', '01.03.2027'],
    ['1 Feber', '01.02.2027'],
    ['from February 1st', '01.02.2027'],
    ['Ich bin am 15.11. umgezogen', '15.11.2026'],
    ['hallo, neue adresse ab 1.5.: 1100 Wien, Favoritenstraße 88/3/14', '01.05.2027'],
    ['ab sofort', 'now'],
    ['Ich bin schon umgezogen', 'now'],
    ['since yesterday', '06.12.2026'],
    ['bin gestern eingezogen', '06.12.2026'],
    ['ab übermorgen', '09.12.2026'],
    ['Guten Morgen, ab morgen bitte', '08.12.2026'],
    ['heute Morgen umgezogen', 'now'],
    ['nächsten Mittwoch', '09.12.2026'],
    ['next Monday', '14.12.2026'],
    ['zum Monatsersten', '01.01.2027'],
    ['seit letzter Woche', 'now'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(parseMoveDate(text, now)).toBe(expected);
  });

  it.each(['weiß ich noch nicht', 'Favoritenstraße 88/3/14, 1100 Wien', '5.5 Stunden', 'geboren am 12.03.1980'])(
    'finds no moving date in "%s"',
    (text) => {
      expect(parseMoveDate(text, now)).toBeUndefined();
    },
  );
});

describe('addresses written postcode first', () => {
  it.each([
    ['1100 Wien, Favoritenstraße 88/3/14', 'Favoritenstraße 88/3/14, 1100 Wien'],
    [
      'hallo, neue adresse ab 1.5.: 1100 Wien, Favoritenstraße 88/3/14. bitte ändern.',
      'Favoritenstraße 88/3/14, 1100 Wien',
    ],
    ['8001 Zürich, Bahnhofstrasse 12', 'Bahnhofstrasse 12, 8001 Zürich'],
  ])('reads "%s" in the usual order', (text, expected) => {
    expect(parseAddress(text)).toBe(expected);
  });
});

describe('a corrected part of a read address', () => {
  it('replaces the house number or the postcode the customer names', () => {
    expect(correctAddress('Lindenweg 12, 50667 Köln', 'nein, die Hausnummer ist 12b')).toBe(
      'Lindenweg 12b, 50667 Köln',
    );
    expect(correctAddress('Lindenweg 12, 50667 Köln', 'die PLZ ist 50668')).toBe('Lindenweg 12, 50668 Köln');
    expect(correctAddress('Favoritenstraße 88, 1100 Wien', 'Hausnummer 88/3/14')).toBe(
      'Favoritenstraße 88/3/14, 1100 Wien',
    );
  });

  it('leaves an answer alone that names neither', () => {
    expect(correctAddress('Lindenweg 12, 50667 Köln', 'Nein, das stimmt nicht')).toBeUndefined();
  });
});
