import { containsCardNumber, ibanValid, luhnValid, maskSensitive } from '../../../src/services/privacy/masking';

/** Real-looking messages with the personal data that must never reach a transcript or a log. */
const SECRETS: Array<{ text: string; secret: string }> = [
  { text: 'Meine Kartennummer ist 4693 7298 7690 2477, bitte sperren', secret: '4693 7298 7690 2477' },
  { text: 'Karte 4693729876902477 gestohlen', secret: '4693729876902477' },
  { text: 'mastercard 5194-3189-8997-5116 weg!!', secret: '5194-3189-8997-5116' },
  { text: 'Amex: 372170228321965', secret: '372170228321965' },
  { text: 'discover 6011 4531 6644 8964.', secret: '6011 4531 6644 8964' },
  { text: 'alte Visa 4811281746368', secret: '4811281746368' },
  { text: 'JCB 3505558154834346849 bitte prüfen', secret: '3505558154834346849' },
  { text: 'Neue IBAN: DE89 3704 0044 0532 0130 00', secret: 'DE89 3704 0044 0532 0130 00' },
  { text: 'iban DE89370400440532013000 danke', secret: 'DE89370400440532013000' },
  { text: 'Österreich: AT61 1904 3002 3457 3201', secret: 'AT61 1904 3002 3457 3201' },
  { text: 'Schweiz CH93 0076 2011 6238 5295 7', secret: 'CH93 0076 2011 6238 5295 7' },
  { text: 'Konto NL91ABNA0417164300', secret: 'NL91ABNA0417164300' },
  { text: 'FR1420041010050500013M02606 ist meine Bank', secret: 'FR1420041010050500013M02606' },
  { text: 'Meine PIN ist 4711', secret: '4711' },
  { text: 'pin: 0815 und cvc 123', secret: '0815' },
  { text: 'CVV = 987', secret: '987' },
  { text: 'Rufen Sie mich an: +49 170 1234567', secret: '1234567' },
  { text: 'Tel 0171/9876543', secret: '9876543' },
  { text: 'erreichbar unter 0043 664 1234567', secret: '664 1234567' },
  { text: 'Mail: max.mustermann@example.de', secret: 'max.mustermann@example.de' },
];

/** Ordinary numbers a customer service needs to see as they are. */
const ORDINARY: string[] = [
  'Die Rechnung über 149,99 € vom 12.03.2025 stimmt nicht',
  'Vertragsnummer 12345678, Kundennummer 987654',
  'Rechnungsnummer RE-2025-0042117 bitte prüfen',
  'Ich zahle seit 2019 jeden Monat 39,95 Euro',
  'Bestellung 4000123 ist seit dem 3. Mai unterwegs',
  'Router Fritzbox 7590, Firmware 7.57',
  'Sendungsnummer 00340434161094042557',
  'Meine Postleitzahl ist 80331 und ich wohne in Hausnummer 12',
  'Das Datum ist 2025-11-27, Uhrzeit 14:30',
  'Zählerstand 123456789012',
];

describe('masking of personal data', () => {
  it.each(SECRETS)('masks "$text"', ({ text, secret }) => {
    const masked = maskSensitive(text);
    expect(masked).not.toContain(secret);
    expect(masked.replace(/\s/g, '')).not.toContain(secret.replace(/[\s-]/g, ''));
  });

  it.each(ORDINARY)('leaves "%s" alone', (text) => {
    expect(maskSensitive(text)).toBe(text);
  });

  it('keeps the last four digits of a card so the customer can be recognised', () => {
    expect(maskSensitive('Karte 4693729876902477')).toContain('2477');
  });

  it('checks card numbers with Luhn and IBANs with their check digits', () => {
    expect(luhnValid('4693729876902477')).toBe(true);
    expect(luhnValid('4693729876902478')).toBe(false);
    expect(containsCardNumber('Karte 4693 7298 7690 2478')).toBe(false);
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanValid('DE89 3704 0044 0532 0130 01')).toBe(false);
  });
});
