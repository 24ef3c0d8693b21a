import { I18nService } from '../../src/services/i18n/i18nService';
import { checkInvariants } from './support/invariants';
import { actualOutcome } from './support/outcome';
import type { Script } from './support/script';
import type { Facts, Line } from './support/transcript';

const de = new I18nService('de').t('de');
const script: Script = {
  id: 'unit',
  lang: 'de',
  time: 'day',
  channel: 'webchat',
  turns: ['Hallo'],
  expect: { outcome: 'closed' },
};
const noFacts = (): Facts => ({ handoffs: [], requests: [], knowledgeLines: new Map() });
let clock = Date.parse('2026-11-18T09:00:00Z');

function bot(text: string, extra: Partial<Line> = {}): Line {
  return {
    from: 'bot',
    text,
    at: (clock += 60_000),
    onDuty: true,
    actions: [],
    proactive: false,
    lastOfTurn: true,
    ...extra,
  };
}
const customer = (text: string): Line => ({
  from: 'customer',
  text,
  at: (clock += 60_000),
  onDuty: true,
  actions: [],
  proactive: false,
  lastOfTurn: false,
});
const rules = (lines: Line[], facts = noFacts()) => checkInvariants(script, lines, facts).map((v) => v.rule);

describe('the conversation invariant checker', () => {
  const welcome = de('conversation:greeting.welcome', {
    salutation: 'Guten Tag',
    company: 'Muster Telekom',
    bot: 'Lotse',
  });

  it('passes a polite, forward-leading conversation', () => {
    expect(
      rules([
        bot(welcome, { lastOfTurn: false }),
        bot(de('conversation:menu.choose'), { actions: ['Rechnungen'] }),
        customer('Tschüss'),
        bot('Vielen Dank und einen schönen Tag noch!'),
      ]),
    ).toEqual([]);
  });

  it('catches informal address, loops and three identical messages', () => {
    expect(rules([bot('Kannst du das bitte wiederholen?')])).toContain('formal Sie');
    const retry = de('conversation:yesNo.retry');
    expect(rules([bot(retry), customer('a'), bot(retry), customer('b'), bot(retry)])).toContain('no repetition');
    const ask = 'Wie lautet Ihr Name?';
    expect(
      rules([
        bot(ask),
        bot('Das passt leider nicht. Bitte nennen Sie den Namen.'),
        bot(ask),
        bot('Das passt leider nicht. Bitte nennen Sie den Namen.'),
        bot(ask),
      ]),
    ).toContain('no loop');
  });

  it('does not call the same follow-up after three fresh answers a loop', () => {
    const helped = de('conversation:knowledge.helped');
    const lines = [
      bot('Antwort eins.', { lastOfTurn: false }),
      bot(helped),
      bot('Antwort zwei.', { lastOfTurn: false }),
      bot(helped),
      bot('Antwort drei.', { lastOfTurn: false }),
      bot(helped),
    ];
    const facts = {
      ...noFacts(),
      knowledgeLines: new Map([0, 2, 4].map((i) => [i, { category: 'billing', germanFallback: false }])),
    };
    expect(rules(lines, facts)).toEqual([]);
    expect(rules(lines)).toContain('no loop');
  });

  it('allows "verbinde" in hours and refuses it when nobody is on duty, unless it is negated', () => {
    expect(rules([bot('Sehr gern verbinde ich Sie mit einem Mitarbeiter. Bitte schreiben Sie weiter.')])).toEqual([]);
    expect(
      rules([bot('Sehr gern verbinde ich Sie mit einem Mitarbeiter. Bitte schreiben Sie weiter.', { onDuty: false })]),
    ).toContain('honest about the desk');
    expect(
      rules([bot('Ich kann Sie gerade leider nicht verbinden. Möchten Sie einen Rückruf?', { onDuty: false })]),
    ).toEqual([]);
  });

  it('refuses a second greeting within 30 minutes but not after a long pause', () => {
    expect(
      rules([
        bot(welcome, { lastOfTurn: false }),
        bot(de('conversation:menu.choose'), { actions: ['1'] }),
        bot(welcome, { lastOfTurn: false }),
        bot('Was kann ich tun?'),
      ]),
    ).toContain('one greeting');
    const first = bot(welcome, { lastOfTurn: false });
    const later = bot(welcome, { lastOfTurn: false, at: first.at + 45 * 60_000 });
    expect(
      rules([
        first,
        bot('Was kann ich tun?', { at: first.at + 1 }),
        later,
        bot('Was kann ich tun?', { at: later.at + 1 }),
      ]),
    ).toEqual([]);
  });

  it('wants a way forward, one language and no unbacked promise', () => {
    expect(rules([bot('Ihre Anfrage ist eingegangen.')])).toEqual(['way forward']);
    expect(rules([bot('Bitte wählen Sie, please choose your option.')])).toContain('one language');
    // A reference number's random letters are not English, whatever they spell.
    expect(
      rules([bot('Ihre Beschwerde ist unter der Vorgangsnummer BE-WE9Q6 aufgenommen. Kann ich sonst noch helfen?')]),
    ).toEqual([]);
    expect(rules([bot('Die Ersatzkarte ist bestellt. Kann ich sonst noch helfen?')])).toContain('no unbacked promise');
    const withRequest = { ...noFacts(), requests: [{ reference: 'BS-1', type: 'block', status: 'open' }] };
    expect(rules([bot('Die Ersatzkarte ist bestellt. Kann ich sonst noch helfen?')], withRequest)).toEqual([]);
  });

  it('derives the outcome from records first, then the last bot message', () => {
    expect(actualOutcome([bot('Auf Wiedersehen!')], noFacts())).toBe('closed');
    expect(
      actualOutcome([bot('Auf Wiedersehen!')], {
        ...noFacts(),
        handoffs: [
          {
            id: 'h',
            status: 'queued',
            mode: 'live',
            category: 'billing',
            priority: 3,
            reason: 'explicit_request',
            needsSupervisor: true,
            hasContact: false,
          },
        ],
      }),
    ).toBe('supervisor');
    expect(actualOutcome([bot('Was kann ich tun?')], noFacts())).toBe('nothing');
  });
});
