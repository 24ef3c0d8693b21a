import type { Activity } from 'botbuilder';
import { MainDialog } from '../../src/dialogs/mainDialog';
import { createHarness, de, en, Harness } from './harness';

/**
 * Issue 10, observations 1, 2, 6, 8 and 10: every step listens. Whole conversations through the
 * main dialog; replies compared against the locale texts.
 */

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2025-03-12T10:00:00Z'));
});
afterEach(() => h.close());

const texts = (replies: Partial<Activity>[]) => replies.map((r) => r.text ?? '').join('\n');
const YES_NO_RETRY = () => de('conversation:yesNo.retry');
const titles = (reply: Partial<Activity>) => (reply.suggestedActions?.actions ?? []).map((a) => String(a.title));

/** A conversation that has reached the replacement-SIM question of the lost/stolen lane. */
async function atReplacementQuestion() {
  const chat = h.client(new MainDialog(h.deps));
  await chat.say('Mein Handy wurde gestohlen');
  await chat.say('Anna Schmidt');
  const recorded = await chat.sayText('21.05.1980');
  expect(recorded).toContain(de('conversation:lost.offerReplacement.phone'));
  return chat;
}

describe('yes/no steps hear more than yes and no (observation 1)', () => {
  it('answers a knowledge question asked at a yes/no step and asks the step again, briefly', async () => {
    const chat = await atReplacementQuestion();
    const replies = await chat.say('Wann wird meine Rechnung abgebucht?');
    const text = texts(replies);
    expect(text).toContain((await h.knowledge.entry('billing.debit-date', 'de'))?.text);
    expect(text).toContain(de('conversation:lost.offerReplacement.phone'));
    expect(text).not.toContain(YES_NO_RETRY());
  });

  it.each([['Ist die SIM jetzt wirklich schon gesperrt?'], ['Is it blocked now?']])(
    'does not answer the question "%s" with "Ja oder Nein"',
    async (question) => {
      const chat = await atReplacementQuestion();
      const text = await chat.sayText(question);
      expect(text).not.toContain(YES_NO_RETRY());
      expect(text).toContain(de('conversation:lost.offerReplacement.phone'));
    },
  );

  it.each([['Danke, das war alles'], ['Merci vielmal'], ['Tschüss']])(
    '"%s" at a yes/no step says goodbye and ends',
    async (bye) => {
      const chat = await atReplacementQuestion();
      const text = await chat.sayText(bye);
      expect(text).toContain(de('conversation:closing.goodbye'));
      expect(text).not.toContain(YES_NO_RETRY());
      expect(text).not.toContain('1 – Rechnungen');
    },
  );

  it('a troubleshooting step: a report is not a yes, sarcasm is heard, a "Verantwortlicher" is a supervisor; no line three times', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('2');
    await chat.say('1');
    const bot: string[] = [];
    const report = await chat.sayText('Ja, die Störung hab ich schon am Montag gemeldet, Ticket 448812.');
    bot.push(report);
    expect(report).not.toContain(de('conversation:technical.solved'));
    expect(report).toContain(de('conversation:interpreter.noted', { reference: 'Ticket 448812' }));
    expect(report).not.toContain(YES_NO_RETRY());
    bot.push(await chat.sayText('Super, "wird bearbeitet". Das stand da vor 5 Tagen auch schon.'));
    bot.push(await chat.sayText('Ich will eine Entschädigung und einen Verantwortlichen sprechen.'));
    expect(h.handoff.requests).toHaveLength(1);
    expect(h.handoff.requests[0].needsSupervisor).toBe(true);
    expect(new Set(bot).size).toBe(bot.length);
  });

  it('"Mein Internet geht seit gestern nicht" is not a "Nein": it starts the technical help', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('blubber wubber');
    await chat.say('xyzzy plugh');
    const text = await chat.sayText('Mein Internet geht seit gestern nicht');
    expect(h.handoff.requests).toHaveLength(0);
    expect(text).not.toContain(de('conversation:knowledge.noPerson'));
  });

  it.each([
    ['passt', 'yes'],
    ['hat geklappt', 'yes'],
    ['jo', 'yes'],
    ['gell', 'yes'],
    ['leider nicht', 'no'],
    ['nö', 'no'],
    ['nicht wirklich', 'no'],
  ])('understands "%s" after a troubleshooting step', async (answer, meaning) => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('2');
    await chat.say('1');
    const text = await chat.sayText(answer);
    if (meaning === 'yes') expect(text).toContain(de('conversation:technical.solved'));
    else expect(text).toContain(de('conversation:technical.stepCounter', { current: 2, total: 3 }));
  });

  it('three "Nein" at the troubleshooting steps are the loop, not anger: unsolved, no frustration', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('2');
    await chat.say('1');
    await chat.say('Nein');
    await chat.say('Nein');
    await chat.say('Nein');
    expect(h.handoff.requests[0]).toMatchObject({ reason: 'unsolved', category: 'technical' });
  });
});

describe('slot prompts accept real values and hear protest (observation 2)', () => {
  async function lostAtName() {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Meine SIM-Karte ist verloren');
    return chat;
  }

  it('"Ja" is not a name', async () => {
    const chat = await lostAtName();
    expect(await chat.sayText('Ja')).toContain(de('conversation:lost.nameInvalid'));
  });

  it.each([
    ['Kundennummer 4711-0815'],
    ['K-4711-0815'],
    ['1980-05-21'],
    ['21. Mai 1980'],
    ['21.5.80'],
    ['21. Jänner 1980'],
  ])('accepts "%s" as identification', async (given) => {
    const chat = await lostAtName();
    await chat.say('Anna Schmidt');
    expect(await chat.sayText(given)).toContain(de('conversation:lost.offerReplacement.phone'));
  });

  it('a protest at the phone-number prompt is heard as such, the second one brings a person', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('5');
    expect(await chat.sayText('5')).toContain(de('conversation:dataChange.askValue.phone'));
    const text = await chat.sayText('Sie verstehen mich einfach nicht.');
    expect(text).toContain(de('conversation:interpreter.protest'));
    expect(text).not.toContain(de('conversation:dataChange.problems.invalidPhone'));
    await chat.say('Das ist doch Unsinn, Sie verstehen mich nicht');
    expect(h.handoff.requests[0]).toMatchObject({ reason: 'frustration' });
  });

  it.each([['+49 151 2345678'], ['0049 151 2345678'], ['+43 664 1234567'], ['+41 79 123 45 67'], ['0151 2345678']])(
    'accepts the phone number %s',
    async (phone) => {
      const chat = h.client(new MainDialog(h.deps));
      await chat.say('Ich möchte meine Telefonnummer ändern');
      expect(await chat.sayText(phone)).toContain(de('conversation:dataChange.newField.phone'));
    },
  );

  it('"Nein, keine Adressänderung" leaves the data change and asks what is wanted instead', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    expect(await chat.sayText('5')).toContain(de('conversation:dataChange.ask'));
    const text = await chat.sayText('Nein, keine Adressänderung.');
    expect(text).toContain(de('conversation:interpreter.negation'));
    expect(text).toContain(de('conversation:menu.instead'));
    expect(text).not.toContain(de('conversation:dataChange.ask'));
  });

  it('"Nein" at the dispute question is not recorded as the dispute', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('1');
    expect(await chat.sayText('4')).toContain(de('conversation:billing.dispute.ask'));
    const text = await chat.sayText('Nein');
    expect(text).not.toMatch(/RK-/);
    expect(text).toContain(de('conversation:menu.instead'));
  });

  it('counts with i18next plurals', () => {
    expect(de('conversation:input.tooLong', { count: 1 })).toContain('1 Zeichen');
    expect(en('conversation:input.tooLong', { count: 1 })).toContain('1 character)');
    expect(en('conversation:input.tooLong', { count: 1000 })).toContain('1000 characters');
  });

  it('reads back "neuer Name", never "neue Name"', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Ich habe geheiratet und möchte meinen Namen ändern');
    const text = await chat.sayText('Anna Schmidt');
    expect(text).toContain(
      de('conversation:dataChange.confirm', {
        field: de('conversation:dataChange.newField.name'),
        value: 'Anna Schmidt',
      }),
    );
    expect(text).toContain('neuer Name');
  });
});

describe('a person and a supervisor, wherever asked (observations 6 and 8)', () => {
  it.each([
    ['Ich möchte sofort Ihren Vorgesetzten sprechen'],
    ['Ich will mit Ihrem Chef sprechen'],
    ['Verbinden Sie mich mit einem Teamleiter'],
  ])('"%s" asks for a supervisor', async (wish) => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('1');
    await chat.say(wish);
    expect(h.handoff.requests[0]).toMatchObject({ needsSupervisor: true });
  });

  it('a stolen card and a wish for a person: the urgent advice and the person', async () => {
    const chat = h.client(new MainDialog(h.deps));
    const replies = await chat.say('Meine Kreditkarte wurde gestohlen und ich brauche sofort einen Mitarbeiter!');
    expect(replies[0].text).toBe(de('conversation:lost.help.card'));
    expect(texts(replies)).toContain('116 116');
    expect(h.handoff.requests[0]).toMatchObject({ reason: 'urgent', category: 'lost_or_stolen' });
  });

  it('a person asked for inside the blocking form', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Mein Handy wurde geklaut');
    await chat.say('Ich will jetzt einen Mitarbeiter sprechen');
    expect(h.handoff.requests[0]).toMatchObject({ reason: 'urgent', category: 'lost_or_stolen' });
  });
});

describe('a step asks again at most once, then rephrases and offers a person (observations 1, 2, 10)', () => {
  it('four wrong IBANs: problem, rephrase with a person, another offer, then a person; never one line three times', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('5');
    await chat.say('3');
    const first = await chat.sayText('DE12 3456');
    expect(first).toContain(de('conversation:dataChange.problems.ibanFormat'));
    const second = await chat.say('DE00 1111 2222 3333 4444 55');
    expect(second[0].text).toContain(de('conversation:interpreter.rephraseValue'));
    expect(titles(second[0])).toContain(de('conversation:interpreter.personButton'));
    const third = await chat.sayText('DE11 2222');
    expect(third).toContain(de('conversation:interpreter.stillNot'));
    expect(h.handoff.requests).toHaveLength(0);
    expect(new Set([first, second[0].text, third]).size).toBe(3);
    await chat.say('DE11 3333');
    expect(h.handoff.requests[0]).toMatchObject({ reason: 'repeated_failure' });
    expect(h.handoff.requests[0].frustration.level).toBe(0);
  });
});

describe('language (observation 9)', () => {
  it.each([['English please'], ['Do you speak English?']])('after "%s" the next menu is English', async (wish) => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    const text = await chat.sayText(wish);
    expect(text).toContain(en('conversation:language.switched'));
    expect(text).toContain('1 – Invoices');
    expect(await chat.sayText('1')).toContain(en('conversation:billing.ask'));
  });

  it('a language switch inside a form asks the same question again in the new language', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Mein Handy wurde gestohlen');
    const text = await chat.sayText('English please');
    expect(text).toContain(en('conversation:lost.askNameOrNumber'));
  });
});
