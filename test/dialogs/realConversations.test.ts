import type { Activity } from 'botbuilder';
import { MainDialog } from '../../src/dialogs/mainDialog';
import { serviceRequestModel } from '../../src/services/requests/requestModel';
import { createHarness, de, en, Harness } from './harness';

/** How customers actually write: values up front, corrections, withdrawals, English without asking, dialect. */

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2025-03-12T10:00:00Z'));
});
afterEach(() => h.close());

const texts = (replies: Partial<Activity>[]) => replies.map((r) => r.text ?? '').join('\n');
const stored = (type: string) => serviceRequestModel(h.database.connection).find({ type }).lean().exec();

describe('values given before they are asked for', () => {
  it.each([
    [
      'Bitte ändern Sie meine E-Mail-Adresse auf peter.meier@web.de',
      'conversation:dataChange.askValue.email',
      'pe***@web.de',
    ],
    [
      'Neue Handynummer: 0176 98765432, bitte bei mir hinterlegen',
      'conversation:dataChange.askValue.phone',
      '0176****32',
    ],
    [
      'Hallo, ich bin umgezogen, neue Adresse: Birkenweg 7, 50667 Köln',
      'conversation:dataChange.askValue.address',
      'Birkenweg 7, 50667 Köln',
    ],
    ['Ich habe geheiratet, mein neuer Name ist Julia Wagner', 'conversation:dataChange.askValue.name', 'Julia Wagner'],
  ])('"%s" goes straight to the read-back', async (message, askKey, readBack) => {
    const chat = h.client(new MainDialog(h.deps));
    const text = await chat.sayText(message);
    expect(text).not.toContain(de(askKey));
    expect(text).toContain(readBack);
    await chat.say('Ja');
    expect(await stored('data_change')).toHaveLength(1);
  });

  it('name and birth date in the first message of a stolen card are not asked again', async () => {
    const chat = h.client(new MainDialog(h.deps));
    const replies = await chat.say(
      'Ich heiße Anna Schmidt, geboren am 14.03.1985, und meine Kreditkarte wurde gestohlen',
    );
    expect(replies[0].text).toBe(de('conversation:lost.help.card'));
    expect(texts(replies)).not.toContain(de('conversation:lost.askName'));
    expect(texts(replies)).toContain(de('conversation:lost.offerReplacement.card'));
  });
});

describe('corrections and withdrawals', () => {
  it('"Ach nein, ich meinte die Adresse" at the name prompt moves to the address', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('5');
    await chat.say('2');
    expect(await chat.sayText('Ach nein, ich meinte die Adresse')).toContain(
      de('conversation:dataChange.askValue.address'),
    );
  });

  it.each([
    ['1', '4', 'Ach, ich habe mich geirrt, die Rechnung stimmt doch', 'dispute'],
    ['6', undefined, 'Lassen Sie mal, das ist doch nicht so wichtig', 'complaint'],
  ])('a withdrawn request is not recorded (%s)', async (lane, option, withdrawal, type) => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say(lane);
    if (option) await chat.say(option);
    const text = await chat.sayText(withdrawal);
    expect(text).toContain(de('conversation:interpreter.negation'));
    expect(await stored(type)).toHaveLength(0);
  });

  it('"zurück" inside a form goes to its first question, at a sub-menu to the main menu', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('5');
    await chat.say('1');
    expect(await chat.sayText('zurück')).toContain(de('conversation:dataChange.ask'));
    expect(await chat.sayText('zurück')).toContain(de('conversation:menu.freeText'));
  });

  it('"Nein" to "Kann ich sonst noch etwas für Sie tun?" after a finished request says goodbye', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Ich möchte meine E-Mail-Adresse ändern');
    await chat.say('anna@beispiel.de');
    expect(await chat.sayText('Ja')).toContain(de('conversation:menu.anythingElse'));
    expect(await chat.sayText('Nein')).toBe(de('conversation:closing.goodbye'));
  });
});

describe('the way people write', () => {
  it('a customer who writes English is answered in English', async () => {
    const chat = h.client(new MainDialog(h.deps));
    const text = await chat.sayText('My internet is not working');
    expect(text).toContain(en('conversation:technical.steps.internet.0.text'));
  });

  it('"Can I speak to someone in English?" switches the language and asks for the person', async () => {
    const chat = h.client(new MainDialog(h.deps));
    const text = await chat.sayText('Can I speak to someone in English?');
    expect(text).toContain(en('conversation:language.switched'));
    expect(h.handoff.requests[0]).toMatchObject({ reason: 'explicit_request', language: 'en' });
  });

  it('Austrian "na" answers the troubleshooting steps and three of them bring a person', async () => {
    const chat = h.client(new MainDialog(h.deps));
    expect(await chat.sayText('Servus, mei Internet is seit gestern weg')).toContain(
      de('conversation:technical.steps.internet.0.text'),
    );
    await chat.say('Na');
    await chat.say('Na, geht no imma ned');
    await chat.say('Leider na');
    expect(h.handoff.requests[0]).toMatchObject({ reason: 'unsolved', category: 'technical' });
  });

  it('"Was können Sie denn alles?" gets the help text', async () => {
    const chat = h.client(new MainDialog(h.deps));
    expect(await chat.sayText('Was können Sie denn alles?')).toContain(de('conversation:help.text'));
  });

  it('"Perfekt, mehr brauche ich nicht" after an answer says goodbye', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Wann wird der Rechnungsbetrag abgebucht?');
    expect(await chat.sayText('Perfekt, mehr brauche ich nicht')).toBe(de('conversation:closing.goodbye'));
  });

  it('"Ja, aber jetzt hängt sie beim Login" after a troubleshooting step goes on to the next step', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('2');
    await chat.say('4');
    expect(await chat.sayText('Ja, aber jetzt hängt sie beim Login')).toContain(
      de('conversation:technical.steps.app.1.text'),
    );
  });

  it('Swiss: "Ich möcht mini Adrässe ändere", then the address at the field question', async () => {
    const chat = h.client(new MainDialog(h.deps));
    expect(await chat.sayText('Ich möcht mini Adrässe ändere')).toContain(
      de('conversation:dataChange.askValue.address'),
    );
    expect(await chat.sayText('Bahnhofstrasse 12, 8001 Zürich')).toContain('Bahnhofstrasse 12, 8001 Zürich');
  });

  it('an address given at the field question is taken as the new address', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('5');
    expect(await chat.sayText('Bahnhofstrasse 12, 8001 Zürich')).toContain(
      de('conversation:dataChange.newField.address'),
    );
  });

  it('a thumbs up answers "Hat Ihnen das geholfen?"', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Wann wird der Rechnungsbetrag abgebucht?');
    const text = await chat.sayText('👍');
    expect(text).toContain(de('conversation:knowledge.glad'));
    expect(text).not.toContain(de('conversation:input.noWords'));
  });

  it('a thank-you at the end of a request does not close the conversation', async () => {
    const chat = h.client(new MainDialog(h.deps));
    expect(await chat.sayText('Hallo! Ich möchte meine Bankverbindung ändern. Danke')).toContain(
      de('conversation:dataChange.askValue.bank'),
    );
  });

  it('a dispute told in full in the first message is recorded without asking again', async () => {
    const chat = h.client(new MainDialog(h.deps));
    const text = await chat.sayText(
      'Guten Tag, da sind 39,99 € für einen Vertrag abgebucht worden, den ich im August gekündigt habe. Ich möchte das Geld zurück.',
    );
    expect(text).not.toContain(de('conversation:billing.dispute.ask'));
    expect(await stored('dispute')).toHaveLength(1);
  });

  it('"ok danke" to the offer of a person is thanks, not a yes', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Wann wird der Rechnungsbetrag abgebucht?');
    await chat.say('Nein');
    const text = await chat.sayText('ok danke');
    expect(h.handoff.requests).toHaveLength(0);
    expect(text).toContain(de('conversation:closing.anythingElse'));
  });
});
