import { informalWords } from '../../../src/services/agentReplies/informalAddress';
import { assessReply, moodChange } from '../../../src/services/training/replyFeedback';
import { loadScenarios } from '../../../src/services/training/scenarios';

describe('informal address in an agent reply', () => {
  it.each([
    ['Hast du deine Kundennummer da?', ['du', 'deine']],
    ['Ich schicke dir den Link.', ['dir']],
    ['Habt ihr euer Passwort geändert? Ich helfe euch.', ['euer', 'euch']],
    ['Du bekommst das Geld zurück.', ['du']],
  ])('finds %p', (text, words) => {
    expect(informalWords(text)).toEqual(words);
  });

  it.each([
    'Haben Sie Ihre Kundennummer zur Hand?',
    'Ihr Flug nach Dubai ist gebucht.',
    'Das Dürfen wir leider nicht, die Direktion entscheidet.',
    'Bitte wenden Sie sich an Dir. Müller.',
    'Die Deinstallation dauert zwei Minuten.',
    'Sie schrieben „du Betrüger“ in Ihrer Nachricht, das verstehe ich.',
  ])('does not flag %p', (text) => {
    expect(informalWords(text)).toEqual([]);
  });
});

describe('feedback on a reply', () => {
  it('scores a formal, calm, acknowledging reply with a next step fully', () => {
    const a = assessReply(
      'Das tut mir sehr leid, ich verstehe Ihren Ärger. Ich prüfe die Rechnung sofort und melde mich bis 14 Uhr mit einer Gutschrift.',
    );
    expect(a).toMatchObject({
      formal: true,
      neutral: true,
      arguing: false,
      deescalating: true,
      concreteNextStep: true,
    });
    expect(a.score).toBe(100);
    expect(moodChange(a)).toBe(-1);
  });

  it('flags arguing and informal address and raises the mood', () => {
    const a = assessReply('Das ist doch dein Fehler, da kann ich nichts machen.');
    expect(a).toMatchObject({ formal: false, arguing: true, neutral: false });
    expect(a.score).toBeLessThanOrEqual(25);
    expect(a.hintKeys).toEqual(expect.arrayContaining(['informal', 'arguing']));
    expect(moodChange(a)).toBe(2);
  });

  it('hears a reference or a time as a concrete next step, and its absence as a hint', () => {
    expect(assessReply('Ihre Vorgangsnummer lautet AB-12345.').concreteNextStep).toBe(true);
    expect(assessReply('Der Techniker kommt in 2 Stunden.').concreteNextStep).toBe(true);
    const vague = assessReply('Ich verstehe, das ist ärgerlich.');
    expect(vague.concreteNextStep).toBe(false);
    expect(vague.hintKeys).toContain('nextStep');
  });

  it('treats shouting back as not neutral', () => {
    expect(assessReply('BITTE BLEIBEN SIE RUHIG UND WARTEN SIE').neutral).toBe(false);
  });
});

describe('training scenarios', () => {
  it('ship at least the eight kinds of difficult customers the call center trains for', () => {
    const ids = loadScenarios().map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'irate-billing',
        'stolen-card',
        'outage-third',
        'sarcasm',
        'insults',
        'cancellation-threat',
        'elderly-confused',
        'austrian-dialect',
        'swiss-dialect',
      ]),
    );
  });
});
