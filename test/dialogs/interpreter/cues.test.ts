import { Cue, detectCues } from '../../../src/dialogs/interpreter/cues';

const cases: Array<[string, Cue[]]> = [
  // supervisor (German, Austrian, Swiss, typos)
  ['Ich möchte sofort Ihren Vorgesetzten sprechen', ['supervisor']],
  ['Verbinden Sie mich mit Ihrem Chef!', ['supervisor']],
  ['Ich will mit einem Teamleiter reden', ['supervisor']],
  ['Teamleiterin bitte', ['supervisor']],
  ['Ich will eine Entschädigung und einen Verantwortlichen sprechen.', ['supervisor']],
  ['Geben Sie mir die Beschwerdestelle', ['supervisor']],
  ['vorgesezten bitte', ['supervisor']],
  ['I want to speak to a manager', ['supervisor']],
  // a supervisor refused is none asked for
  ['Ich will KEINE Teamleitung. Ich will eine Störung melden.', []],
  ['Ich will keinen Mitarbeiter, sondern den Chef', ['supervisor']],
  // goodbyes and cancels as people write them
  ['ok tschüssi', ['closing']],
  ['dann lieber abbrechen', ['cancel']],
  // person
  ['Mitarbeiter', ['person']],
  ['Ich will mit einem Menschen sprechen', ['person']],
  ['Meine Kreditkarte wurde gestohlen und ich brauche sofort einen Mitarbeiter!', ['person']],
  ['Kann ich mit jemandem sprechen?', ['person']],
  ['echte Person bitte', ['person']],
  ['I want to talk to a human', ['person']],
  ['Mensch, ich will endlich einen Mitarbeiter', ['person']],
  ['Die Hotline ist nie erreichbar, ich will einen Mitarbeiter sprechen', ['person']],
  ['Ich will mit dem Mitarbeiter vom letzten Mal sprechen', ['person']],
  // staff in the customer's story is no wish for a person
  ['Der Berater hat mir gesagt, ich bekomme eine Gutschrift. Wann kommt die?', []],
  ['Die Kollegin im Shop am Bahnhof war sehr nett, wo kann ich ein Lob abgeben?', []],
  ['Wir stellen eine neue Mitarbeiterin ein, können wir eine Karte dazubuchen?', []],
  // a technician is sent by a person; a question about the visit is no wish
  ['Nein. Schicken Sie mir bitte einen Techniker.', ['person']],
  ['Kann ma bitte wer an Techniker schicken?', ['person']],
  ['No, I need a technician', ['person']],
  ['Wann kommt der Techniker?', []],
  // a wish to be called is a wish for a person; a callback number is not
  ['Bitte rufen Sie mich morgen zurück', ['callback', 'callMe']],
  ['Chan mi öpper aalüte?', ['callMe']],
  ['Meine Nummer für Rückrufe hat sich geändert', []],
  ['Der Techniker is ned kommen', []],
  // a call the customer does not want is no wish to be called
  ['Ich will beim Händler anrufen, ohne dass die mich zurückrufen', []],
  ['How do I hide my number without them calling back?', []],
  ['Ich möchte, dass Sie mich zurückrufen', ['callback', 'callMe']],
  // whether a customer group has its own contact is a question, not a wish for one now
  ['Haben Sie einen festen Ansprechpartner für Geschäftskunden?', []],
  ['Gibt es einen Ansprechpartner für mich?', ['person']],
  ['Kann ich meinen Technikertermin verschieben?', []],
  // closing and thanks
  ['Danke, das war alles', ['closing', 'thanks']],
  ['Tschüss', ['closing']],
  ['tschuess', ['closing']],
  ['Auf Wiedersehen!', ['closing']],
  ['Baba', ['closing']],
  ['Passt, servus', ['closing']],
  ['Merci vielmal', ['closing', 'thanks']],
  ['Uf Wiederluege', ['closing']],
  ['war super, danke', ['closing', 'thanks']],
  ['Bye', ['closing']],
  ['Danke', ['thanks']],
  ['Vielen Dank!', ['thanks']],
  ['merci', ['thanks']],
  ['Thanks', ['thanks']],
  // cancel, menu, back
  ['abbrechen', ['cancel']],
  ['Abrechen bitte', ['cancel']],
  ['Vergessen Sie es.', ['cancel']],
  ['Menü', ['menu']],
  ['Hauptmenue', ['menu']],
  ['zurück zum Anfang', ['menu']],
  ['start over', ['menu']],
  ['zurück', ['back']],
  ['zuruck', ['back']],
  // waiting
  ['Wie lange dauert es noch?', ['howLong']],
  ['wann komme ich dran', ['howLong']],
  ['How long do I have to wait?', ['howLong']],
  ['Können Sie mich zurückrufen?', ['callback']],
  ['Rückruf bitte', ['callback']],
  ['Please call me back', ['callback']],
  // language
  ['English please', ['languageEn']],
  ['Do you speak English?', ['languageEn']],
  ['auf Deutsch bitte', ['languageDe']],
  // help
  ['Hilfe', ['help']],
  ['Was können Sie?', ['help']],
];

const negatives: Array<[string, Cue]> = [
  // The customer calls someone, or someone calls them unwanted: no wish to be called.
  ['Wie chan ich mini Nummere verstecke wänn ich öpper aalüte?', 'callMe'],
  ['Mein Ex ruft mich ständig an und hört einfach nicht auf. Ich will eine neue Nummer.', 'callMe'],
  ['Seit Tagen ruft mich dauernd eine fremde Nummer an, wie sperre ich die?', 'callMe'],
  ['Meine Internetleitung ist seit gestern tot', 'supervisor'],
  ['Ihr Mitarbeiter hat mir gesagt, das kommt per Post', 'person'],
  ['Ich brauche keinen Mitarbeiter, nur die Antwort', 'person'],
  ['Mensch, das nervt!', 'person'],
  ['Danke, aber mein Internet geht immer noch nicht', 'thanks'],
  ['Danke, wann wird die Rechnung abgebucht?', 'thanks'],
  ['Danke, wann wird die Rechnung abgebucht?', 'closing'],
  ['Servus! Warum is mei Handyrechnung heuer im Jänner so hoch?', 'closing'],
  ['Die Rechnung war super hoch', 'closing'],
  ['Es geht nichts mehr', 'closing'],
  ['Ich möchte meine Rechnung auf Englisch', 'languageEn'],
  ['Ich brauche Hilfe bei meiner Rechnung', 'help'],
  ['zurück zum Menü', 'back'],
  ['Ich will meinen Vertrag nicht abbrechen, nur pausieren', 'cancel'],
];

describe('detectCues', () => {
  it.each(cases)('%s', (text, expected) => {
    const cues = detectCues(text);
    for (const cue of expected) expect(cues).toContain(cue);
  });

  it.each(negatives)('%s is not %s', (text, cue) => {
    expect(detectCues(text)).not.toContain(cue);
  });

  it('finds nothing in an ordinary request', () => {
    expect([...detectCues('Mein Internet geht seit gestern nicht')]).toEqual([]);
    expect([...detectCues('Wann wird meine Rechnung abgebucht?')]).toEqual([]);
  });

  it('stays fast on long adversarial input', () => {
    const inputs = [
      'a '.repeat(5000),
      'danke '.repeat(2000) + '!',
      'mitarbeiter'.repeat(1000),
      'zuruck zum '.repeat(1000) + 'x',
    ];
    const started = process.hrtime.bigint();
    for (const input of inputs) detectCues(input);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
  });
});
