import { detectLanguage, TriageService } from '../../../src/services/nlu/triageService';

const triage = new TriageService();

describe('TriageService', () => {
  it.each([
    'Grüezi, chönd Sie mir bitte erchläre, wie ich e Rufumleitig uf mis Natel iirichte?',
    'Können Sie mir helfen?',
    'Bitte nennen Sie mir Ihre Postanschrift.',
  ])('hands nobody over on "bitte" or "können Sie" alone, with no word for a person: "%s"', (text) => {
    const result = triage.assess(text);
    expect(result.intent.intent).not.toBe('human');
    expect(result.escalate).toBe(false);
  });

  it.each([
    'Chönd Sie mich bitte zruggrüefe? Lieber es Telefonat als dä Chat.',
    'Ich möchte nicht mit einem Chatbot schreiben.',
    'Ich hätte gern eine persönliche Beratung.',
    'Bitte verbinden Sie mich weiter.',
  ])('hears a wish for a person in "%s"', (text) => {
    expect(triage.assess(text).escalationReason).toBe('asked_for_human');
  });

  it.each(['Huere schnäll, s Internet! Merci!', 'Awesome!!! SIM works! You rock!', '5g speed mega wtf'])(
    'reads praise with swear words and exclamation marks as calm: "%s"',
    (text) => {
      expect(triage.assess(text).frustration.level).toBe(0);
    },
  );

  it.each(['Es Gfraster! Drei Wochn ka Internet und es mochts nix! I kündig!', 'ich hasse euch so sehr ey nix geht'])(
    'reads "%s" as irate',
    (text) => {
      expect(triage.assess(text).frustration.level).toBe(2);
    },
  );

  it('reads "etwas Dummes gemacht" as a silly thing, not an insult; "Sie sind doch dumm" stays one', () => {
    expect(triage.assess('Oje, ich habe da wohl etwas Dummes gemacht. Was kostet das?').frustration.level).toBe(0);
    expect(triage.assess('Sie sind doch dumm!').frustration.level).toBe(2);
  });

  it.each([
    'Taschendiebe haben mir im Bus das Handy geklaut, bitte sperren',
    'Kann nicht schlafen und lese grad meinen Vertrag. Verlängert der sich automatisch?',
    'Das Handy war im Reisekoffer, der am Flughafen verschwunden ist',
  ])('reads ordinary words that end like an insult ("Affen", "Diebe", "Koffer") as no insult: "%s"', (text) => {
    const result = triage.assess(text);
    expect(result.frustration.signals).not.toContain('insult');
    expect(result.frustration.level).toBeLessThan(2);
    expect(result.escalate).toBe(false);
  });

  it('reads a Swiss wish to cancel as calm, and a cancellation announced in anger as a threat', () => {
    expect(triage.assess('ich möcht mis Abo kündige, ich zügle nämli nach Bern').frustration.level).toBe(0);
    expect(triage.assess('Ich kündige, ich habe genug!').frustration.signals).toContain('threat:cancel');
  });

  it.each(['Ihr Vollkoffer!', 'Es Koffer, es!', 'Ihr Diebe!', 'Ihr Affen!'])(
    'still hears the insult in "%s"',
    (text) => {
      expect(triage.assess(text).frustration.signals).toContain('insult');
    },
  );

  it('takes Austrian dialect for German, though "is", "a" and "am" are English words too', () => {
    expect(detectLanguage('na, des is a Schmarrn Oida. Da Umzug is erst am 1. Februar, bitte notierns des')).toBe('de');
    expect(detectLanguage('I am in Germany and my bill is too high')).toBe('en');
  });

  it('still hears sarcasm when the praise names a failure', () => {
    expect(triage.assess('Super!!! Schon wieder kein Netz!!!').frustration.level).toBeGreaterThanOrEqual(1);
  });

  it('treats a calm stolen-card message as urgent lost_or_stolen without frustration', () => {
    const result = triage.assess('Meine Karte wurde gestohlen, bitte sperren');
    expect(result.intent.intent).toBe('lost_or_stolen');
    expect(result.frustration.level).toBe(0);
    expect(result.escalate).toBe(false);
  });

  it("reads another trade's subject as out of scope, but keeps a wish for a person and a loss", () => {
    const offTopic = (text: string) => /stadtwerke|zahnarzt/i.test(text);
    const scoped = new TriageService(undefined, undefined, undefined, offTopic);
    const bill = 'Meine Stromrechnung der Stadtwerke ist dieses Jahr zu hoch. An wen wende ich mich?';
    expect(triage.assess(bill).intent.intent).not.toBe('other');
    expect(scoped.assess(bill).intent.intent).toBe('other');
    expect(scoped.assess('Ich will mit einem Menschen über die Stadtwerke reden').intent.intent).toBe('human');
    expect(scoped.assess('Ihr Idioten, mein Zahnarzt ist besser als ihr!!!').intent.intent).toBe('complaint');
  });

  it('keeps a service to block (subscriptions, premium numbers, advertising) out of the urgent lane', () => {
    for (const text of ['abofallen sperren', 'Abos sperren lassen', 'Sonderrufnummern sperren', 'Werbung sperren'])
      expect([text, triage.assess(text).intent.intent]).not.toEqual([text, 'lost_or_stolen']);
    expect(triage.assess('Handy geklaut, bitte Abo und SIM sperren').intent.intent).toBe('lost_or_stolen');
    expect(triage.assess('bitte sperren').intent.intent).toBe('lost_or_stolen');
  });

  it('reads an insulting Swiss message as irate and escalates', () => {
    const result = triage.assess('Gopfertami, ihr sind doch alles huere Tubel, s Internet gaht scho wieder nöd!');
    expect(result.frustration.level).toBe(2);
    expect(result.escalate).toBe(true);
  });

  it('reads an Austrian rant about the bill as billing and irate', () => {
    const result = triage.assess("Heast, de Rechnung passt ned, seid's ihr deppert?");
    expect(result.intent.intent).toBe('billing');
    expect(result.frustration.level).toBe(2);
  });

  it('reads a calm switch to another provider, asked about, as calm; a switch threatened stays a threat', () => {
    for (const text of [
      'Ich wechsle zu einem anderen Anbieter und möchte meine Nummer mitnehmen. Was muss ich tun?',
      'Bin zur Konkurrenz gewechselt, wie kann ich hier kündigen?',
    ]) {
      const calm = triage.assess(text);
      expect(calm.frustration.signals).not.toContain('threat:cancel');
      expect(calm.escalate).toBe(false);
    }
    const threat = triage.assess(
      'Ich wechsle zur Konkurrenz, wenn das nicht sofort behoben wird. Wie kann ich das melden?',
    );
    expect(threat.frustration.signals).toContain('threat:cancel');
    expect(threat.frustration.level).toBeGreaterThanOrEqual(1);
  });

  it('keeps a calm complaint at complaint with at most level 1', () => {
    const result = triage.assess('Ich möchte mich über die lange Lieferzeit beschweren.');
    expect(result.intent.intent).toBe('complaint');
    expect(result.frustration.level).toBeLessThanOrEqual(1);
  });

  it('hears sarcasm as annoyance', () => {
    expect(triage.assess('Super Service, echt.').frustration.level).toBeGreaterThanOrEqual(1);
    expect(triage.assess('Danke für nichts.').frustration.level).toBeGreaterThanOrEqual(1);
  });

  it('does not read sincere thanks as sarcasm', () => {
    expect(triage.assess('Toll, jetzt geht es wieder. Danke schön!').frustration.level).toBe(0);
  });

  it('reads shouting and legal threats as irate', () => {
    expect(triage.assess('ICH HABE SEIT EINER WOCHE KEIN INTERNET!!!').frustration.level).toBe(2);
    expect(triage.assess('Ich schalte meinen Anwalt ein.').frustration.level).toBe(2);
  });

  it('reads Bavarian swearing, a Swiss lawyer and an English ultimatum as irate, a Swiss "miserabel" as annoyed', () => {
    expect(triage.assess('Leck mi, scho wieder a Mahnung, obwohl i zahlt hab!').frustration.level).toBe(2);
    expect(triage.assess('Des is a Betrug, i schalt an Awalt ei.').frustration.level).toBe(2);
    expect(
      triage.assess("Fourth modem this year and it's still rubbish. Sort it out or I'm gone!").frustration.level,
    ).toBe(2);
    expect(triage.assess('S Netz isch miserabel hüt.').frustration.level).toBe(1);
  });

  it('tells the insult "nicht mehr alle (Tassen)" from a fault report that happens to contain the words', () => {
    expect(triage.assess('router geht nicht mehr, alle lampen aus').frustration.level).toBe(0);
    expect(triage.assess('seit dem update gehen nicht mehr alle sender').frustration.level).toBe(0);
    expect(triage.assess('Die haben doch nicht mehr alle!').frustration.level).toBe(2);
    expect(triage.assess('ihr habt doch nicht mehr alle tassen im schrank').frustration.level).toBe(2);
  });

  it('hears a service that is gone as a fault, a phone that is gone as lost', () => {
    expect(triage.assess('Mein Handy ist seit das Datenvolumen weg ist total langsam').intent.intent).toBe('technical');
    expect(triage.assess('bei meinem handy ist das netz weg').intent.intent).toBe('technical');
    expect(triage.assess('Mein Handy ist weg').intent.intent).toBe('lost_or_stolen');
  });

  it('escalates a request for a person even when calm', () => {
    const result = triage.assess('Bitte verbinden Sie mich mit einem Mitarbeiter.');
    expect(result.intent.intent).toBe('human');
    expect(result.escalate).toBe(true);
    expect(result.escalationReason).toBe('asked_for_human');
  });

  it('recognises a bare greeting only when nothing else is said', () => {
    expect(triage.assess('Grüezi mitenand').intent.intent).toBe('greeting');
    expect(triage.assess('Hallo, meine Rechnung ist zu hoch').intent.intent).toBe('billing');
  });

  it('lets lost_or_stolen win over a second topic', () => {
    expect(triage.assess('Mein Handy wurde geklaut und die letzte Rechnung ist auch falsch').intent.intent).toBe(
      'lost_or_stolen',
    );
  });

  it('handles missing umlauts and typos', () => {
    expect(triage.assess('kuendigungsfrist fuer meinen vertrag?').intent.intent).toBe('general');
    expect(triage.assess('rechnnung zu hoch').intent.intent).toBe('billing');
  });

  it('maps empty and emoji-only input to other', () => {
    expect(triage.assess('').intent.intent).toBe('other');
    expect(triage.assess('🙈🙈').intent.intent).toBe('other');
  });

  it('raises frustration when the same message comes again after a failed turn', () => {
    const first = triage.assess('Wo ist mein Paket?');
    const again = triage.assess('Wo ist mein Paket?', {
      previousTexts: ['Wo ist mein Paket?'],
      previousLevels: [first.frustration.level],
      failedTurns: 1,
    });
    expect(again.frustration.level).toBeGreaterThan(first.frustration.level);
    expect(again.frustration.signals).toContain('repeated');
  });

  it("does not count the tone model's lean alone as the second sign of annoyance", () => {
    const result = triage.assess('Muss ich das schriftlich machen oder geht das auch hier im Chat?', {
      previousTexts: ['Schon wieder kein Netz, das nervt'],
      previousLevels: [1],
      failedTurns: 0,
    });
    expect(result.frustration.signals.every((s) => s === 'model')).toBe(true);
    expect(result.escalationReason).toBeUndefined();
  });

  it('escalates when annoyed twice in a row', () => {
    const result = triage.assess('Immer noch kein Netz, das nervt.', {
      previousTexts: ['Schon wieder kein Netz'],
      previousLevels: [1],
      failedTurns: 0,
    });
    expect(result.escalate).toBe(true);
  });

  it('honours configurable thresholds and extra trigger words', () => {
    expect(triage.assess('Das ist ärgerlich.', undefined, { annoyed: 0.9, irate: 0.95 }).frustration.level).toBe(0);
    const custom = triage.assess('Das ist ein Trauerspiel', undefined, {
      annoyed: 0.3,
      irate: 0.6,
      extraTriggerWords: ['trauerspiel'],
    });
    expect(custom.frustration.signals).toContain('custom');
    expect(custom.frustration.level).toBeGreaterThanOrEqual(1);
  });

  it('keeps scores within [0, 1] for a 5,000-character message', () => {
    const result = triage.assess('Scheiße! '.repeat(600));
    expect(result.frustration.score).toBeGreaterThanOrEqual(0);
    expect(result.frustration.score).toBeLessThanOrEqual(1);
  });
});
