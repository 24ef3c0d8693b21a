import { MainDialog } from '../../src/dialogs/mainDialog';
import { createHarness, de, en, Harness } from './harness';

const FORMAL_ONLY = /\b(du|dich|dir|dein\w*|euch|euer\w*)\b/i;

describe('MainDialog: greeting and phone menu', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(new Date('2025-03-12T10:00:00Z')); // 11:00 in Berlin
  });
  afterEach(() => h.close());

  it('greets formally with company, assistant and time of day when the conversation starts, then shows the menu', async () => {
    const replies = await h
      .client(new MainDialog(h.deps))
      .say({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'Kunde' }] });
    const text = replies.map((r) => r.text).join('\n');
    expect(text).toContain(
      de('conversation:greeting.welcome', {
        salutation: de('conversation:greeting.day'),
        company: 'Muster Telekom',
        bot: 'Lotse',
      }),
    );
    expect(text).toMatch(/automatische Assistent/);
    expect(text).toMatch(/\bSie\b|\bIhr/);
    expect(text).not.toMatch(FORMAL_ONLY);
    const menu = replies[replies.length - 1];
    const actions = menu.suggestedActions?.actions ?? [];
    expect(actions.map((a) => a.value)).toEqual(['1', '2', '3', '4', '5', '6', '0']);
    expect(actions.every((a) => a.type === 'imBack' && String(a.title).length <= 24)).toBe(true);
  });

  it('says Guten Morgen in the morning and Guten Abend at night, in the company time zone', async () => {
    h.clock.at = new Date('2025-03-12T06:30:00Z'); // 07:30 in Berlin
    expect(await h.client(new MainDialog(h.deps)).sayText('Hallo')).toContain(de('conversation:greeting.morning'));
    h.clock.at = new Date('2025-03-16T02:00:00Z'); // Sunday 03:00 in Berlin
    const other = await createHarness(h.clock.at);
    try {
      expect(await other.client(new MainDialog(other.deps)).sayText('Hallo')).toContain(
        de('conversation:greeting.evening'),
      );
    } finally {
      await other.close();
    }
  });

  it('greets a returning customer as returning in a new conversation', async () => {
    const first = h.client(new MainDialog(h.deps));
    const firstText = await first.sayText({
      type: 'message',
      text: 'Hallo',
      conversation: { id: 'c1', isGroup: false, conversationType: '', name: '' },
    });
    expect(firstText).toContain(
      de('conversation:greeting.welcome', {
        salutation: de('conversation:greeting.day'),
        company: 'Muster Telekom',
        bot: 'Lotse',
      }),
    );
    const second = h.client(new MainDialog(h.deps));
    const text = await second.sayText({
      type: 'message',
      text: 'Hallo',
      conversation: { id: 'c3', isGroup: false, conversationType: '', name: '' },
    });
    expect(text).toContain(
      de('conversation:greeting.returning', {
        salutation: de('conversation:greeting.day'),
        company: 'Muster Telekom',
        bot: 'Lotse',
      }),
    );
  });

  it.each([
    ['1', 'conversation:billing.ask'],
    ['2', 'conversation:technical.ask'],
    ['3', 'conversation:general.ask'],
    ['4', 'conversation:lost.help.unknown'],
    ['5', 'conversation:dataChange.ask'],
    ['6', 'conversation:complaint.empathy'],
  ])('the digit %s leads to its own place', async (digit, key) => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    expect(await chat.sayText(digit)).toContain(de(key));
  });

  it('the digit 0 asks for a person', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('0');
    expect(h.handoff.requests[0]).toMatchObject({ reason: 'explicit_request', category: 'human' });
  });

  it('routes free text by intent and answers from the knowledge base at once', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    const text = await chat.sayText('Wie kann ich meine Rechnung bezahlen?');
    expect(text).toContain('SEPA-Lastschrift');
    expect(text).toContain(de('conversation:knowledge.helped'));
  });

  it('asks one clarifying question with two options, then offers a person, and hands over on yes', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    const clarify = await chat.say('blubber wubber');
    expect(clarify[0].suggestedActions?.actions).toHaveLength(2);
    expect(await chat.sayText('xyzzy plugh')).toContain(de('conversation:menu.offerPerson'));
    await chat.say('Ja');
    expect(h.handoff.requests).toHaveLength(1);
    expect(h.handoff.requests[0]).toMatchObject({ reason: 'repeated_failure' });
  });

  it('hands an irate customer to a supervisor with the reason frustration', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('Ihr seid ein absoluter Saftladen!!! Ich gehe zum Anwalt, das ist eine Frechheit!!!');
    expect(h.handoff.requests[0]).toMatchObject({ reason: 'frustration', needsSupervisor: true });
    expect(h.handoff.requests[0].frustration.level).toBe(2);
  });

  it('answers help and cancel everywhere and goes back to the menu', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('5');
    expect(await chat.sayText('Hilfe')).toContain(de('conversation:help.text'));
    const cancelled = await chat.sayText('abbrechen');
    expect(cancelled).toContain(de('conversation:menu.cancelled'));
    expect(cancelled).toContain('1 – Rechnungen');
    await chat.say('Mitarbeiter');
    expect(h.handoff.requests).toHaveLength(1);
    expect(h.handoff.requests[0].summary.menuPath).toContain('Persönliche Daten ändern');
  });

  it('switches to English on request and keeps it', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    expect(await chat.sayText('English please')).toContain(en('conversation:language.switched'));
    expect(await chat.sayText('1')).toContain(en('conversation:billing.ask'));
    expect(await chat.sayText('auf Deutsch bitte')).toContain(de('conversation:language.switched'));
  });

  it('uses the language of the activity locale', async () => {
    const text = await h.client(new MainDialog(h.deps)).sayText({ type: 'message', text: 'Hello', locale: 'en-US' });
    expect(text).toContain(en('conversation:menu.choose'));
  });

  describe('bad input gets a clear polite answer and the question again', () => {
    it.each([
      ['an empty message', '', 'conversation:input.empty'],
      ['5,000 characters', 'a'.repeat(5000), 'conversation:input.tooLong'],
      ['only emoji', '😡😡🙈', 'conversation:input.noWords'],
      ['a full card number', 'Meine Karte ist 4111 1111 1111 1111', 'conversation:privacy.cardNumber'],
    ])('%s', async (_name, input, key) => {
      const chat = h.client(new MainDialog(h.deps));
      await chat.say('Hallo');
      const replies = await chat.say(input);
      expect(replies[0].text).toBe(de(key, { count: 1000 }));
      expect(replies[replies.length - 1].text).toContain('1 – Rechnungen');
      expect(h.handoff.requests).toHaveLength(0);
    });
  });
});
