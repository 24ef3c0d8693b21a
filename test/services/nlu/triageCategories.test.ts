import { TriageService } from '../../../src/services/nlu/triageService';

const triage = new TriageService();
const level = (text: string): number => triage.assess(text).frustration.level;
const intent = (text: string): string => triage.assess(text).intent.intent;

describe('TriageService: irate without swear words', () => {
  it.each([
    'Diese Bude gehört geschlossen, ganz ehrlich.',
    'Stümperhafter geht es ja wohl nicht.',
    'Was für ein erbärmlicher Kundendienst.',
    'Ihr zockt eure Kunden nach Strich und Faden ab, widerlich.',
  ])('reads contempt as irate: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it.each([
    'Ich informiere die Bundesnetzagentur über euer Verhalten.',
    'Ich wende mich an den Ombudsmann der Banken.',
    'Des geht jetzt an die RTR.',
    'Sollte der Betrag nicht bis zum 15. erstattet sein, beauftrage ich einen Rechtsanwalt.',
  ])('reads a threat with a regulator or a lawyer as irate, however polite: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it('reads a cursing emoji as irate', () => {
    expect(level('Internet tot 🤬')).toBe(2);
  });

  it('reads censored swearing as irate, but not masked numbers or passwords', () => {
    expect(level('So ein Sch***, die Leitung ist tot')).toBe(2);
    expect(level('Mein Passwort ist ***** und wird nicht angenommen')).toBe(0);
    expect(level('Bitte die IBAN DE12****3456 hinterlegen')).toBe(0);
  });
});

describe('TriageService: annoyed, but not irate', () => {
  it.each([
    'Ich hänge jetzt seit 25 Minuten in Ihrer Warteschleife.',
    'Ich rede hier gegen eine Wand, oder?',
    'Langsam geht mir das auf die Nerven.',
    'Bei allem Respekt, aber Ihre Anleitung hilft nicht weiter.',
    'Wirklich? Drei Wochen für einen Techniker?',
  ])('hears impatience as annoyed: %s', (text) => {
    expect(level(text)).toBe(1);
  });

  it('keeps piled-up annoyance without insults or threats at annoyed', () => {
    expect(level('Schon wieder keine Antwort, ich warte seit Wochen und langsam nervt es.')).toBe(1);
  });

  it('hears a closing "toll" after a failure as sarcasm, but not after good news', () => {
    expect(level('Und wieder doppelt abgebucht, toll.')).toBe(1);
    expect(level('Internet ist wieder da, super.')).toBe(0);
    expect(level('Keine Probleme mehr, perfekt.')).toBe(0);
  });

  it('keeps a threat to cancel at annoyed', () => {
    expect(level('Wenn das nicht bald funktioniert, kündige ich halt.')).toBe(1);
  });

  it('lets annoyance become irate when the bot keeps failing', () => {
    const history = {
      previousTexts: ['Das Internet geht nicht', 'Hilft nicht'],
      previousLevels: [0, 1] as (0 | 1 | 2)[],
      failedTurns: 2,
    };
    expect(triage.assess('Schon wieder nichts, wie oft denn noch!!', history).frustration.level).toBe(2);
  });
});

describe('TriageService: calm stays calm', () => {
  it.each([
    'HANDY GESTOHLEN - BITTE SIM SPERREN',
    'Hallo, auf meiner Abrechnung steht „SKY DE 9,99“, was ist das?',
    'Auf meinem Fernseher kann ich RTL und ORF nicht mehr empfangen.',
    'Oida, wos kost des neiche iPhone bei eich?',
    "Wie geht's noch mal, die PIN zu ändern?",
    'Meine Karte wurde gestohlen, ich habe schon Anzeige bei der Polizei erstattet.',
    'Wo bleibt mein Paket? Die Sendungsnummer ist 12345.',
    'Mega, danke für die schnelle Hilfe!',
  ])('does not flag: %s', (text) => {
    expect(level(text)).toBe(0);
  });
});

describe('TriageService: intents of frequent phrasings', () => {
  it('reads money taken from a card without the customer as lost_or_stolen', () => {
    expect(intent('Auf meiner Kreditkarte ist eine Abbuchung über 300 Euro aus Paris, ich war aber zu Hause.')).toBe(
      'lost_or_stolen',
    );
    expect(intent('Da ist eine Zahlung von 450 € in meiner Banking-App, die war ich nicht.')).toBe('lost_or_stolen');
  });

  it('keeps unknown charges on a phone bill at billing', () => {
    expect(intent('Auf der Handyrechnung steht ein Abo für 4,99 €, das ich nie abgeschlossen habe.')).toBe('billing');
  });

  it('reads refunds as billing', () => {
    expect(intent('Wann wird mir der Betrag für die stornierte Bestellung gutgeschrieben?')).toBe('billing');
    expect(intent('Ich habe das Gerät zurückgeschickt, wann wird mir der Kaufpreis ausbezahlt?')).toBe('billing');
  });

  it('reads availability questions as general', () => {
    expect(intent('Gibt es das Tablet auch mit 256 GB?')).toBe('general');
    expect(intent('Bietet ihr in Bregenz schon Glasfaser an?')).toBe('general');
  });

  it('reads complaints about sales practices as complaint', () => {
    expect(
      intent('Die Verkäuferin hat mir absichtlich einen viel zu teuren Tarif aufgedrängt, das ist unseriös.'),
    ).toBe('complaint');
  });

  it('reads a Swiss German address change as data_change', () => {
    expect(intent('Miini Adrässe het gänderet, ich wohne jetzt in Winterthur.')).toBe('data_change');
  });

  it('reads keeping a number when switching as general, not data_change', () => {
    expect(intent('Kann ich meine Handynummer behalten, wenn ich den Anbieter wechsle?')).toBe('general');
  });

  it('reads taking the number to "am andern Anbieter" as no data change ("andern" is "anderen", not "ändern")', () => {
    expect(intent('I geh zu am andern Anbieter, nimm i mei Nummer do mit?')).not.toBe('data_change');
    expect(intent('Ich möchte eine andere Lieferadresse angeben.')).toBe('data_change');
  });

  it('reads a request for a call back as a wish for a person', () => {
    expect(intent('Könnten Sie mich bitte morgen Vormittag zurückrufen?')).toBe('human');
  });

  it('reads a call the customer does not want, or staff something is needed for, as no wish for a person', () => {
    expect(intent('Wie unterdrücke ich die Nummer, ohne dass die mich dann zurückrufen?')).not.toBe('human');
    expect(intent('Für die Buchhaltung brauche ich alle Rechnungen als PDF.')).toBe('billing');
    expect(intent('Ich brauche die Buchhaltung, bitte verbinden.')).toBe('human');
    expect(intent('Ich muss dringend Unterlagen an meinen Chef schicken, wie buche ich Datenvolumen nach?')).not.toBe(
      'human',
    );
    expect(intent('Ich will mit meinem Berater sprechen')).toBe('human');
  });

  it("reads the model's guess at a person without a word for one as unsure", () => {
    const { intent: guess } = triage.assess(
      'Hello, I would like to know which personal data you have stored about me. How can I get a copy?',
    );
    expect(guess.intent !== 'human' || guess.confidence < 0.5).toBe(true);
  });

  it('reads a story about the courier or technician as a complaint', () => {
    expect(intent('Ihr Zusteller hat das Paket einfach in den Regen gestellt.')).toBe('complaint');
  });

  it('reads a billing address change as data_change, not billing', () => {
    expect(intent('Bitte die Rechnungsadresse auf meine neue Wohnung ändern.')).toBe('data_change');
  });
});

describe('TriageService: irate by combination', () => {
  it.each([
    'Ihr seid ein erbärmlicher Haufen, ehrlich.',
    'So ein lausiger Verein, unfassbar.',
    'Wos für a chaotische Bude is des bitte.',
    'Lauter Depperte und Trottln in dem Laden.',
  ])('reads a negative word for the company as a group as contempt: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it.each([
    'Das ist die unfähigste Hotline, die ich kenne.',
    'Der schlechteste Anbieter im ganzen Land, Gratulation.',
    'Das Dümmste, was mir jemals passiert ist, ist euer Kundenservice.',
  ])('reads a negative superlative beyond comparison as contempt: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it('keeps praise beyond comparison calm', () => {
    expect(level('Die freundlichste Beratung, die ich je hatte, danke!')).toBe(0);
    expect(level('So schnelle Hilfe habe ich noch nie erlebt, vielen Dank.')).toBe(0);
  });

  it.each([
    'Kündigung. Auf der Stelle.',
    'Ich kündige sämtliche Verträge, und zwar sofort!!',
    'Nie mehr bei euch. Ich kündige.',
    'Ich storniere alles, und wehe ihr verrechnet mir dafür noch was.',
  ])('reads cancellation with emphasis or finality as irate: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it.each([
    'Ich möchte meinen Vertrag zum nächstmöglichen Termin kündigen.',
    'Bitte kündigen Sie meinen Festnetzanschluss zum 31. Mai.',
    'Wie kündige ich, und zwar am besten online?',
  ])('keeps a plain cancellation calm: %s', (text) => {
    expect(level(text)).toBe(0);
  });

  it.each([
    'Ich sorge dafür, dass auf jedem Bewertungsportal steht, wie ihr arbeitet.',
    'Zieht euch warm an, das wird ein Nachspiel haben.',
    'Dem Verein gehört die Konzession entzogen.',
    'Morgen mach ich in eurer Filiale einen Riesenaufstand.',
  ])('reads threats beyond lawyers as irate: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it('reads piled-up mockery as irate, a single sigh as annoyed', () => {
    expect(level('Zwei Monate für eine Gutschrift. Glanzleistung. Applaus.')).toBe(2);
    expect(level('Gratuliere, ihr habt es tatsächlich geschafft, meine Nummer zu löschen.')).toBe(2);
    expect(level('Na super. Ganz toll.')).toBe(1);
  });
});

describe('TriageService: annoyed when the help does not help', () => {
  it.each([
    'Das ist leider nicht die Antwort, die ich gebraucht habe.',
    'Schon wieder dieselbe Antwort vom Automaten.',
    'This is not helpful, I need a real fix.',
    'Der Chat versteht mich einfach nicht, ich will wissen, wo mein Gerät ist.',
    'Ist hier wer? Seit 20 Minuten tippe ich ins Leere.',
    'Von Ihrem Kundendienst kam bis jetzt keinerlei Reaktion.',
    'Einmal heißt es so, dann wieder anders. Was gilt denn nun?',
    'Mir wurde eine Rückmeldung bis gestern versprochen, aber passiert ist nichts.',
    'Die Auskunft aus der Filiale war falsch, das Handy ist nicht im Angebot.',
    'Warum fragt ihr mich schon wieder nach dem Geburtsdatum?',
    'Lesen Sie bitte genau, ich habe zwei Rechnungen bekommen, nicht eine.',
    'Jo eh, scho wieder ka Internet. War eh klar.',
    'Ich hoffe, Sie können meinen Ärger nachvollziehen.',
    'Ihre Tarifübersicht verwirrt mich total.',
    'Der Fernseher ist drei Monate alt und das ist schon die zweite Reparatur.',
    'Interessant, dass die Preiserhöhung sofort gilt, aber der Rabatt nie.',
  ])('%s', (text) => {
    expect(level(text)).toBe(1);
  });

  it.each([
    'Hallo?',
    'Ist da jemand, der mir mit der Rechnung helfen kann?',
    'Ich habe die Zählernummer bereits angegeben, danke.',
    'Wie gesagt, ich ziehe am 1. Juni um.',
    'Seltsam, der Router blinkt, aber das WLAN geht. Woran liegt das?',
    'Herzlichen Glückwunsch, Sie haben es geschafft, das Problem ist behoben. Danke!',
    'Toll, jetzt geht alles wieder, super Service!',
  ])('stays calm: %s', (text) => {
    expect(level(text)).toBe(0);
  });
});

describe('TriageService: impatience in the form of the message', () => {
  it('hears a bare span of time, a "Nochmal:" opener and a status in scare quotes as annoyed', () => {
    expect(level('Ich habe die Unterlagen geschickt. Vor drei Wochen.')).toBe(1);
    expect(level('Noch einmal: Ich brauche die Rechnung als PDF.')).toBe(1);
    expect(level('Mein Antrag ist schon seit zwei Wochen „in Bearbeitung“.')).toBe(1);
  });

  it('keeps a span of time inside a sentence and a quoted status calm', () => {
    expect(level('Vor zwei Wochen habe ich ein Handy bestellt, wie ist der Stand?')).toBe(0);
    expect(level('Die Sendung hat den Status „versendet“, wann wird sie zugestellt?')).toBe(0);
  });
});

describe('TriageService: hostility without swear words', () => {
  it.each(['Jetzt halten Sie mal die Klappe und hören mir zu.', 'Heb d Schnurre, du blöde Maschine.'])(
    'reads "shut up" as irate: %s',
    (text) => {
      expect(level(text)).toBe(2);
    },
  );

  it.each(['Noch so eine Antwort und ich raste komplett aus.', 'I dreh no durch mit eurer Hotline.'])(
    'reads losing control as irate: %s',
    (text) => {
      expect(level(text)).toBe(2);
    },
  );

  it.each([
    'Ob mein Anschluss geht, ist Ihnen doch total egal.',
    'Es interessiert euch einen feuchten Kehricht, was die Kunden sagen.',
    'Sie haben mich angelogen, der Techniker war nie da.',
    'Ihr wollt doch nur mein Geld, sonst nichts.',
  ])('reads accusing the company of indifference, lies or greed as irate: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it('reads a mock title after a failure as irate', () => {
    expect(level('Super gemacht, ihr Spezialisten, jetzt ist auch das Fernsehen weg.')).toBe(2);
  });

  it.each([
    'Wenn das Geld nicht innerhalb von drei Tagen da ist, andernfalls schalte ich einen Anwalt ein.',
    'Bis Montag ist das erledigt, ansonsten kündige ich alles.',
  ])('reads an ultimatum with a deadline or the law behind it as irate: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it.each([
    'Bitte bis Donnerstag liefern, sonst bin ich nicht zu Hause.',
    'Wie geht das, sonst mache ich etwas falsch?',
    'Mir ist egal, welche Farbe, Hauptsache bald lieferbar.',
    'Ist es Ihnen egal, ob ich in Raten zahle oder auf einmal?',
    'Ich habe Anzeige bei der Polizei erstattet, wie geht es jetzt weiter?',
    'Danke danke danke, jetzt läuft alles!',
  ])('keeps worries, preferences, reports and thanks calm: %s', (text) => {
    expect(level(text)).toBe(0);
  });
});

describe('TriageService: quiet annoyance', () => {
  it.each([
    'Ich habe echt keine Lust mehr auf dieses Hin und Her.',
    'Die Anleitung hilft mir null weiter.',
    'Könnten Sie sich bitte etwas beeilen, ich muss gleich los.',
    'Ich fühle mich von Ihrem Verkäufer schlecht informiert.',
    'Im Laden wurde mir das ganz anders zugesagt.',
    'Ich zahle für einen Anschluss, der kaum funktioniert.',
    'I wrote already twice and nobody answer.',
  ])('hears weariness, hurry and feeling badly served as annoyed: %s', (text) => {
    expect(level(text)).toBe(1);
  });

  it.each(['Warten, warten, warten, mehr passiert hier nicht.', 'Hallo, hallo, hallo, ist das Ding eingeschaltet?'])(
    'hears one word said three times as annoyed: %s',
    (text) => {
      expect(level(text)).toBe(1);
    },
  );

  it('hears the customer counting the days as annoyed', () => {
    expect(level('Die Rücksendung ist seit Mittwoch unterwegs. Heute ist Mittwoch.')).toBe(1);
  });
});

describe('TriageService: accusations, public warnings and mock praise', () => {
  it.each([
    'Was fällt Ihnen ein, mir einfach eine Gebühr zu berechnen?',
    'Neunzig Euro für einen Anruf, das ist Wucher.',
    'Machen Sie Ihren Mist doch alleine, ich bin raus.',
    'Du Flasche verstehst ja nicht mal eine einfache Frage.',
  ])('reads outrage at being wronged as irate: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it.each([
    'Ich werde allen meinen Kollegen von Ihnen abraten.',
    'Ich verlange Schadenersatz für den Verdienstausfall.',
  ])('reads warning others or claiming damages as irate: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it.each([
    'Respekt, vier Wochen für eine neue SIM-Karte.',
    'Die Uhr hat nach einer Woche den Geist aufgegeben, super.',
  ])('hears praise around a long wait or a failure as sarcasm: %s', (text) => {
    expect(level(text)).toBe(1);
  });

  it.each([
    'Chapeau, das ging aber flott!',
    'Hut ab, der Techniker war in zehn Minuten da.',
    'Super, zwei Wochen bis zur Lieferung, das passt mir gut.',
  ])('keeps sincere praise calm: %s', (text) => {
    expect(level(text)).toBe(0);
  });

  it('hears "zu blöd" as weariness or regret, not as an insult', () => {
    expect(level('Das ist mir echt zu blöd, ich schreibe später nochmal.')).toBe(1);
    expect(level('Ist es zu dumm, wenn ich frage, wo der PIN steht?')).toBe(0);
    expect(level('Mit dem Ersatzgerät bin ich nicht wirklich glücklich.')).toBe(1);
  });
});

describe("TriageService: the phone's network lock", () => {
  it('never sends a question about the SIM-Lock to the urgent lane as a sure block', () => {
    const result = triage.assess(
      'Ich möchte im Urlaub eine Karte von dort einlegen, hat mein Handy eine Sperre, SIM-Lock?',
    );
    expect(result.intent.intent === 'lost_or_stolen' && result.intent.confidence >= 0.5).toBe(false);
    expect(triage.assess('Wie bekomme ich den Entsperrcode für den Simlock?').intent.intent).toBe('general');
    expect(triage.assess('Mein Handy wurde gestohlen, bitte sofort die Karte sperren').intent.intent).toBe(
      'lost_or_stolen',
    );
  });
});

describe('TriageService: at whom the words are aimed', () => {
  it.each([
    'Sind Sie eigentlich völlig verblödet? Ich schrieb Umzug, nicht Kündigung.',
    'Sie sind völlig unfähig, kein Mensch hat hier eine Ahnung.',
    'ihr seids a Witz von an Konzern',
    'Sie haben mein Geschäft ruiniert, ich mache Sie haftbar!',
  ])('hears a verdict said to the company as irate: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it('does not take a denied verdict for one', () => {
    expect(level('Sie sind nicht unfähig, nur das System ist langsam.')).toBeLessThan(2);
  });

  it.each([
    'Verdammt, ich hab meine PIN vergessen. Wo finde ich die PUK?',
    'fuck ich hab das passwort vergessen lol, wie setze ich es zurück',
    'scheiß wetter heute, aber egal: wann kommt mein neues handy?',
  ])("keeps swearing at one's own mishap out of the supervisor lane: %s", (text) => {
    expect(level(text)).toBeLessThan(2);
  });

  it('still hears swearing at a fault of ours as irate', () => {
    expect(level('Scheiße, schon wieder kein Internet!')).toBe(2);
    expect(level('Verdammt, ihr habt mir wieder zu viel abgebucht!')).toBe(2);
  });
});

describe('TriageService: more regional and English anger', () => {
  it.each([
    'Ihr sind doch alli nöd ganz bache.',
    'Sie behandeln Ihre Kunden wie den letzten Dreck.',
    'I am sick and tired of your excuses.',
    'Das wird ein Fall für die Verbraucherschützer, darauf können Sie sich verlassen.',
    "Mir langt's, ich geh zur Konkurrenz und erzähl das überall.",
  ])('reads contempt, disgust and warnings as irate: %s', (text) => {
    expect(level(text)).toBe(2);
  });

  it.each([
    'This is taking forever.',
    'Wieso muss man bei Ihnen immer hinterhertelefonieren?',
    'Ich hätte mir mehr Kulanz erwartet, ehrlich gesagt.',
  ])('hears running after the company and disappointed expectations as annoyed: %s', (text) => {
    expect(level(text)).toBe(1);
  });

  it('reads a lawyer as a profession, not as a threat', () => {
    expect(level('Mein Mann ist Anwalt und fragt, ob der Vertrag eine Mindestlaufzeit hat.')).toBe(0);
  });
});
