import { TriageService } from '../../../src/services/nlu/triageService';

const triage = new TriageService();
const intentOf = (text: string): string => triage.assess(text).intent.intent;
const levelOf = (text: string): number => triage.assess(text).frustration.level;

describe('triage beyond the phrasings it was written for', () => {
  it('reads a German compound by its head', () => {
    expect(intentOf('Gibt es bei euch einen Familienrabatt?')).toBe('general');
    expect(intentOf('Was kostet eine Rücklastschrift bei euch?')).toBe('billing');
  });

  it('takes the first of two topics when the second is an aside', () => {
    expect(intentOf('Why did you charge me 12 euros for a service I never booked? Btw the app crashes sometimes')).toBe(
      'billing',
    );
  });

  it('hears a thank-you or goodbye alone as asking for nothing, a hello as a greeting', () => {
    expect(intentOf('Vielen Dank und schönen Abend noch')).toBe('other');
    expect(intentOf('Guten Morgen zusammen')).toBe('greeting');
  });

  it('asks about the company’s own address without starting a change of the customer’s data', () => {
    expect(intentOf('Wie lautet eure Anschrift für Briefe?')).toBe('general');
    expect(intentOf('Meine Anschrift hat sich geändert')).toBe('data_change');
  });

  it('reads Swiss spellings of a bill as billing', () => {
    expect(intentOf('Mini Rächnig isch falsch, da stimmt öppis ned')).toBe('billing');
  });

  it('counts a double charge as a fact, not as impatience', () => {
    expect(levelOf('Guten Tag, der Betrag wurde dreimal abgebucht, bitte erstatten Sie zwei davon.')).toBe(0);
    expect(levelOf('Ich habe Ihnen das Formular dreimal geschickt und nichts passiert.')).toBeGreaterThanOrEqual(1);
  });

  it('hears a customer who numbers their attempts or blames the company as annoyed', () => {
    expect(levelOf('Das ist mein fünfter Anruf wegen derselben Störung.')).toBeGreaterThanOrEqual(1);
    expect(levelOf('Warum soll ich für euren Fehler aufkommen?')).toBeGreaterThanOrEqual(1);
  });

  it('hears English sarcasm and press threats', () => {
    expect(levelOf('Oh great, another outage. Thanks a lot.')).toBeGreaterThanOrEqual(1);
    expect(levelOf('Fix this today or I am going to the press')).toBe(2);
  });

  it('does not take capitals in a plain question for shouting', () => {
    expect(levelOf('WIE ÄNDERE ICH MEIN PASSWORT?')).toBe(0);
    expect(levelOf('WIESO GEHT DAS SCHON WIEDER NICHT!!!')).toBeGreaterThanOrEqual(1);
  });

  it('hears outrage inside a compound, and nothing in a plain compound', () => {
    expect(levelOf('Was für eine Servicekatastrophe!')).toBeGreaterThanOrEqual(1);
    expect(levelOf('Totale Lügenbande seid ihr.')).toBe(2);
    expect(levelOf('Mein Vertragsende ist im März.')).toBe(0);
  });

  it('finds the topic in a formal letter, in lowercase chat, among emoji and in Swiss or Austrian writing', () => {
    expect(
      intentOf(
        'Sehr geehrte Damen und Herren, nach einem Umzug nach Wien bitte ich Sie, meine Bankverbindung auf das neue Konto bei meiner Hausbank umzustellen.',
      ),
    ).toBe('data_change');
    expect(intentOf('handy zeigt kein netz mehr seit dem update was tun')).toBe('technical');
    expect(intentOf('🔥 rechnung doppelt so hoch wie sonst 😡')).toBe('billing');
    expect(intentOf('Grüezi, wie chan ich mis Abo uf es günschtigers wächsle?')).toBe('general');
    expect(intentOf('Heast, wo is de nächste Filiale in Graz?')).toBe('general');
    expect(intentOf('Meine Frau hat ihre Geldbörse mit der Bankomatkarte im Bus verloren.')).toBe('lost_or_stolen');
  });

  it('hears outrage without a swear word as irate, civil impatience as annoyed and a harmless curse as calm', () => {
    expect(levelOf('Ich bin außer mir vor Zorn, das ist eine bodenlose Dreistigkeit!')).toBe(2);
    expect(levelOf('Mit freundlichen Grüßen und schwindender Geduld: wann kommt endlich der Techniker?')).toBe(1);
    expect(levelOf('Verflixt, ich finde die PUK nicht. Wo steht die?')).toBe(0);
  });
});
