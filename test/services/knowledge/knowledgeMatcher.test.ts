import { KnowledgeMatcher, MatchableEntry } from '../../../src/services/knowledge/knowledgeMatcher';
import { decideSearch } from '../../../src/services/knowledge/searchDecision';
import { Decompounder } from '../../../src/services/knowledge/text/decompound';
import { defaultLexicon } from '../../../src/services/knowledge/text/lexicon';
import { OffTopicCheck } from '../../../src/services/knowledge/text/offTopic';
import { separableVerbs, wordsWithJoinedVerbs } from '../../../src/services/knowledge/text/separable';

function entry(id: string, de: string[], en: string[] = []): MatchableEntry {
  return { id, category: id.split('.')[0], questions: { de, en } };
}

const ENTRIES = [
  entry(
    'mobile.porting',
    ['Kann ich meine Rufnummer zu Ihnen mitnehmen?', 'Rufnummernmitnahme', 'Alte Handynummer behalten beim Wechsel'],
    ['Can I keep my phone number?'],
  ),
  entry(
    'mobile.data-topup',
    ['Wie kann ich Datenvolumen nachbuchen?', 'Datenpass kaufen', 'Mehr GB buchen'],
    ['How do I buy more data?'],
  ),
  entry('contract.downgrade', [
    'Kann ich in einen günstigeren Tarif wechseln?',
    'Tarif wechseln, billiger',
    'Ich will weniger zahlen',
  ]),
  entry('contract.upgrade', [
    'Kann ich in einen größeren Tarif wechseln?',
    'Tarif wechseln, mehr Leistung',
    'Upgrade auf einen höheren Tarif',
  ]),
  entry('billing.invoice-higher', [
    'Warum ist meine Rechnung höher als sonst?',
    'Rechnung zu hoch',
    'Warum muss ich diesen Monat mehr zahlen?',
  ]),
  entry('billing.itemised', ['Wie bekomme ich einen Einzelverbindungsnachweis?', 'EVN bestellen']),
  entry('billing.debit-date', ['Wann wird der Rechnungsbetrag abgebucht?', 'Abbuchungsdatum']),
  entry('mobile.pin-puk', ['Wo finde ich meine PUK?', 'PIN vergessen']),
  entry('internet.wifi-password', ['Wie lautet mein WLAN-Passwort?', 'WLAN Schlüssel vergessen']),
  entry('account.password-reset', [
    'Ich habe mein Passwort für das Kundenportal vergessen',
    'Kundenportal Passwort zurücksetzen',
  ]),
];

const matcher = new KnowledgeMatcher(ENTRIES);
const top = (text: string) => matcher.match(text, { minScore: 0 })[0]?.id;

describe('KnowledgeMatcher', () => {
  it.each([
    ['Nummer mitnehmen', 'mobile.porting'],
    ['Ich möchte meine Rufnummer mitnehmen', 'mobile.porting'],
    ['Datenvolumen nachbuchen', 'mobile.data-topup'],
    ['Daten nachbuchen', 'mobile.data-topup'],
    ['Einzelverbindungsnachweis', 'billing.itemised'],
    ['Wann wird abgebucht?', 'billing.debit-date'],
  ])('meets compounds and inflections: "%s" -> %s', (text, id) => {
    expect(top(text)).toBe(id);
  });

  it.each([
    ['Servus! Warum is mei Handyrechnung heuer im Jänner so hoch?', 'billing.invoice-higher'],
    ['Grüezi, wo find ich d PUK vom Natel?', 'mobile.pin-puk'],
  ])('understands Austrian and Swiss wording: "%s" -> %s', (text, id) => {
    expect(top(text)).toBe(id);
  });

  it.each([
    ['Einzelverbindungsnachwies', 'billing.itemised'],
    ['wlan pasword vergesen', 'internet.wifi-password'],
    ['Rufnumermitnahme', 'mobile.porting'],
  ])('forgives typos: "%s" -> %s', (text, id) => {
    expect(top(text)).toBe(id);
  });

  it('reads a Swiss "-ig" for "-ung" and the Swiss article "e" ("e Rufumleitig") as the noun it stands for', () => {
    const swiss = new KnowledgeMatcher([
      entry('mobile.call-forwarding', ['Wie richte ich eine Rufumleitung ein?', 'Anrufe umleiten']),
      entry('mobile.apn', ['Wie stelle ich den APN auf meinem Handy ein?']),
    ]);
    expect(swiss.match('Wie chan ich e Rufumleitig iirichte?')[0]?.id).toBe('mobile.call-forwarding');
  });

  it('does not take "billiger" for "größer"', () => {
    expect(top('in einen billigeren Tarif wechseln')).toBe('contract.downgrade');
    expect(top('in einen größeren Tarif wechseln')).toBe('contract.upgrade');
    // Without the cheaper plan in the knowledge base, the bigger one is no confident answer to it.
    const onlyUpgrade = new KnowledgeMatcher(ENTRIES.filter((e) => e.id !== 'contract.downgrade'));
    expect(decideSearch(onlyUpgrade.match('in einen billigeren Tarif wechseln', { minScore: 0 })).confident).toBe(
      false,
    );
    expect(decideSearch(onlyUpgrade.match('in einen größeren Tarif wechseln', { minScore: 0 })).confident).toBe(true);
  });

  it('tells the direction of a number port from phrases ("zu einem anderen Anbieter" against "zu Ihnen")', () => {
    const ports = new KnowledgeMatcher([
      entry('mobile.porting-in', ['Rufnummer vom alten Anbieter zu Ihnen mitnehmen', 'Nummer mitnehmen zu Ihnen']),
      entry('mobile.porting-out', ['Rufnummer zu einem anderen Anbieter mitnehmen', 'Portierung weg von Ihnen']),
    ]);
    const best = (text: string) => ports.match(text, { minScore: 0 })[0]?.id;
    expect(best('Ich wechsle zu einem anderen Anbieter und will meine Handynummer mitnehmen')).toBe(
      'mobile.porting-out',
    );
    expect(best('i wechsel zu am andern anbieter, wia nimm i mei nummer mit')).toBe('mobile.porting-out');
    expect(best('Ich komme zu Ihnen und will meine Handynummer mitnehmen')).toBe('mobile.porting-in');
    expect(best('Kann ich meine Nummer vom alten Anbieter mitnehmen?')).toBe('mobile.porting-in');
  });

  it('tells the Wi-Fi password from the customer-portal password', () => {
    expect(top('WLAN-Passwort')).toBe('internet.wifi-password');
    expect(top('Kundenportal-Passwort vergessen')).toBe('account.password-reset');
  });

  it('finds German entries for English questions through the lexicon', () => {
    expect(top('I forgot my PIN')).toBe('mobile.pin-puk');
    expect(top('my bill is too high')).toBe('billing.invoice-higher');
  });

  it('answers a clear question at once and offers nothing for a question outside the knowledge base', () => {
    expect(decideSearch(matcher.match('Wie kann ich Datenvolumen nachbuchen?', { minScore: 0 }))).toMatchObject({
      confident: true,
      best: { id: 'mobile.data-topup' },
    });
    expect(decideSearch(matcher.match('Wie beantrage ich einen neuen Reisepass?', { minScore: 0 })).confident).toBe(
      false,
    );
    expect(decideSearch(matcher.match('Wie mache ich einen Kaiserschmarrn?', { minScore: 0 }))).toEqual({
      confident: false,
      alternatives: [],
    });
  });

  it("finds nothing for another trade's question, however well its verbs match ours", () => {
    expect(matcher.match('Wie kündige ich meine Mitgliedschaft im Fitnessstudio?', { minScore: 0 })).toEqual([]);
    expect(
      matcher.match('Mein Stromanbieter hat die Preise erhöht. Darf der das einfach so?', { minScore: 0 }),
    ).toEqual([]);
    expect(matcher.match('Mini Chrankekasse het d Prämie erhöht, chan i wächsle?', { minScore: 0 })).toEqual([]);
  });

  it("keeps a question ours when it has a word of ours, or when an entry names the other trade's subject", () => {
    const check = (phrasings: string[] = []) => new OffTopicCheck(defaultLexicon().offTopic, phrasings);
    expect(check().test('Wie kündige ich meine Kfz-Versicherung zum Jahresende?')).toBe(true);
    expect(check().test('Wie kündige ich meine Handyversicherung?')).toBe(false);
    expect(check().test('Brauche eine Vertragsbestätigung, die Krankenkasse will sie sehen')).toBe(false);
    expect(check().test('Wo kann ich mein Fahrrad abstellen?')).toBe(true);
    expect(check(['Wo kann ich mein Fahrrad abstellen?']).test('Fahrrad abstellen, wo?')).toBe(false);
    expect(check(['Wo kann ich mein Fahrrad abstellen?']).test('where can I park my bike, Fahrrad abstellen')).toBe(
      false,
    );
    expect(check(['Wo kann ich mein Fahrrad abstellen?']).test('where can I park my bike')).toBe(true);
  });

  it("knows another trade's subject however the umlauts are typed", () => {
    const check = new OffTopicCheck(defaultLexicon().offTopic, []);
    for (const text of [
      'Ich brauche einen Termin bei der Ausländerbehörde',
      'ich brauche termin bei auslaenderbehoerde',
      'ich brauche termin bei auslanderbehorde',
    ])
      expect(check.test(text)).toBe(true);
  });
});

describe('entries a phrase contrast rules out', () => {
  it('names the port-in entry for a customer leaving for another provider, and none for a plain question', () => {
    expect([
      ...matcher.contradicted('Ich wechsle zu einem anderen Anbieter, kann ich meine Nummer mitnehmen?'),
    ]).toEqual(['mobile.porting']);
    expect([...matcher.contradicted('Kann ich meine Nummer mitnehmen?')]).toEqual([]);
  });
});

describe('separated verbs', () => {
  const verbs = separableVerbs(['ab-buchen', 'auf-laden', 'dazu-buchen']);

  it('joins a listed verb with the particle at the end of its clause, and nothing else', () => {
    expect(wordsWithJoinedVerbs('Wann buchen Sie die Rechnung ab?', verbs)).toEqual([
      'wann',
      'abbuchen',
      'sie',
      'die',
      'rechnung',
    ]);
    expect(wordsWithJoinedVerbs('Ach, egal. Wie lade ich mein Guthaben auf?', verbs)).toContain('auflade');
    expect(wordsWithJoinedVerbs('Buchen Sie 39,99 ab', verbs)).toEqual(['abbuchen', 'sie', '39', '99']);
    // Not at the end of the clause, or not a listed verb: left as written.
    expect(wordsWithJoinedVerbs('ab wann buchen Sie', verbs)).toEqual(['ab', 'wann', 'buchen', 'sie']);
    expect(wordsWithJoinedVerbs('Ich gehe ab', verbs)).toEqual(['ich', 'gehe', 'ab']);
    expect(() => separableVerbs(['abbuchen'])).toThrow(/particle-verb/);
  });

  it('takes "Wann buchen Sie ab?" for the debit date, not for adding an option', () => {
    const options = new KnowledgeMatcher([
      entry('billing.debit-date', ['Wann wird der Rechnungsbetrag abgebucht?', 'Abbuchungsdatum']),
      entry('contract.options', ['Wie kann ich eine Option buchen?', 'Zusatzoption dazubuchen']),
    ]);
    expect(options.match('Wann buchen Sie die Rechnung ab?', { minScore: 0 })[0]?.id).toBe('billing.debit-date');
    expect(options.match('Wie buche ich eine Option dazu?', { minScore: 0 })[0]?.id).toBe('contract.options');
  });
});

describe('Decompounder', () => {
  it('splits compounds into words it knows and leaves simple words alone', () => {
    const splitter = new Decompounder(['rufnummer', 'mitnahme', 'daten', 'volumen', 'rechnung', 'handy']);
    expect(splitter.split('rufnummernmitnahme')).toEqual(['rufnum', 'mitnahm']);
    expect(splitter.split('datenvolumen')).toEqual(['date', 'volum']);
    expect(splitter.split('handyrechnung')).toEqual(['handy', 'rech']);
    expect(splitter.split('rechnung')).toEqual([]);
  });
});
