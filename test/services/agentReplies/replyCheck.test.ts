import { checkAgentReply } from '../../../src/services/agentReplies/replyCheck';
import { formalRewrite } from '../../../src/services/agentReplies/formalRewrite';

const NEUTRAL = 'Das tut mir leid, ich kümmere mich darum.';

describe('the agent reply check', () => {
  it.each([
    ['Hast du deine Kundennummer da?', 'Haben Sie Ihre Kundennummer da?'],
    ['Kannst du mir bitte deine IBAN schicken?', 'Können Sie mir bitte Ihre IBAN schicken?'],
    ['Du musst den Router neu starten.', 'Sie müssen den Router neu starten.'],
    ['Ich schicke dir gleich eine neue Karte.', 'Ich schicke Ihnen gleich eine neue Karte.'],
    ['Schau, ob du eine Mail bekommen hast.', 'Schau, ob Sie eine Mail bekommen haben.'],
    ['Ich weiß, dass du fast fertig bist.', 'Ich weiß, dass Sie fast fertig sind.'],
    ['Wie geht es euch?', 'Wie geht es Ihnen?'],
  ])('rewrites "%s" formally', (informal, formal) => {
    expect(formalRewrite(informal)).toBe(formal);
    expect(checkAgentReply(informal, NEUTRAL)).toMatchObject({
      ok: false,
      code: 'InformalAddress',
      suggestion: formal,
    });
  });

  it.each([
    'Guten Tag, ich kümmere mich sofort darum.',
    'Der Techniker kommt am Dienstag zur Durchwahl 12.',
    'Sie schrieben „Hast du Zeit?“ – so stand es in der Mail.',
    'Die Deinstallation der App hilft oft.',
    'Ihr Vertrag läuft bis Dubai-Reise weiter.',
    'Ihr Problem mit dem Router lösen wir heute.',
    'Ihr Fehlercode E-42 bedeutet, dass der Router neu startet.',
  ])('lets "%s" pass', (formal) => {
    expect(checkAgentReply(formal, NEUTRAL)).toEqual({ ok: true });
  });

  it('replaces arguing sentences with the neutral line and keeps the rest', () => {
    expect(checkAgentReply('Da kann ich nichts machen. Ich prüfe aber Ihre Rechnung.', NEUTRAL)).toEqual({
      ok: false,
      code: 'ArguingTone',
      found: ['da kann ich nichts machen'],
      suggestion: `${NEUTRAL} Ich prüfe aber Ihre Rechnung.`,
    });
  });

  it('finds blame written informally, and its suggestion fixes both', () => {
    const verdict = checkAgentReply('Hast du deine Kundennummer da? Das ist doch dein Fehler.', NEUTRAL);
    expect(verdict).toMatchObject({ ok: false, code: 'InformalAddress' });
    expect(verdict.ok === false && verdict.suggestion).toBe(`${NEUTRAL} Haben Sie Ihre Kundennummer da?`);
  });
});
