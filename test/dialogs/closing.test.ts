import type { Activity } from 'botbuilder';
import { MainDialog } from '../../src/dialogs/mainDialog';
import { createHarness, de, Harness } from './harness';

/** Issue 10, observation 5: goodbye ends politely, a return is welcomed briefly, never a second full greeting. */

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2025-03-12T10:00:00Z'));
});
afterEach(() => h.close());

const texts = (replies: Partial<Activity>[]) => replies.map((r) => r.text ?? '').join('\n');
const WELCOME = () =>
  de('conversation:greeting.welcome', {
    salutation: de('conversation:greeting.day'),
    company: 'Muster Telekom',
    bot: 'Lotse',
  });
const SHORT = () =>
  de('conversation:greeting.short', {
    salutation: de('conversation:greeting.day'),
    company: 'Muster Telekom',
    bot: 'Lotse',
  });

async function afterAnAnswer() {
  const chat = h.client(new MainDialog(h.deps));
  await chat.say('Hallo');
  const answer = await chat.sayText('Wie kann ich meine Rechnung bezahlen?');
  expect(answer).toContain(de('conversation:knowledge.helped'));
  return chat;
}

describe('closing', () => {
  it.each([
    ['Danke, das war alles'],
    ['Tschüss'],
    ['war super, danke'],
    ['Merci vielmal'],
    ['Baba'],
    ['Auf Wiedersehen'],
  ])('"%s" after an answer says a short goodbye, without welcome or menu', async (bye) => {
    const chat = await afterAnAnswer();
    const replies = await chat.say(bye);
    expect(texts(replies)).toBe(de('conversation:closing.goodbye'));
  });

  it('says "einen schönen Abend" in the evening, as it greeted with "Guten Abend"', async () => {
    await h.close();
    h = await createHarness(new Date('2025-03-12T19:30:00Z'));
    const chat = await afterAnAnswer();
    expect(texts(await chat.say('Tschüss'))).toBe(de('conversation:closing.goodbyeEvening'));
  });

  it('says "eine gute Nacht" at night, as it greeted with "Guten Abend", not "einen schönen Tag"', async () => {
    await h.close();
    h = await createHarness(new Date('2025-03-12T02:30:00Z'));
    const chat = await afterAnAnswer();
    expect(texts(await chat.say('Tschüss'))).toBe(de('conversation:closing.goodbyeNight'));
  });

  it('"Danke" alone after an answer offers to end; "Nein, danke" then says goodbye', async () => {
    const chat = await afterAnAnswer();
    const offer = await chat.sayText('Danke');
    expect(offer).toContain(de('conversation:closing.anythingElse'));
    expect(offer).not.toContain('1 – Rechnungen');
    expect(await chat.sayText('Nein, danke')).toBe(de('conversation:closing.goodbye'));
  });

  it('"Ja" to "Hat Ihnen das geholfen?" is glad and offers to end, a following "Nein" closes', async () => {
    const chat = await afterAnAnswer();
    const glad = await chat.sayText('Ja');
    expect(glad).toContain(de('conversation:knowledge.glad'));
    expect(glad).toContain(de('conversation:closing.anythingElse'));
    expect(await chat.sayText('Nein')).toBe(de('conversation:closing.goodbye'));
  });

  it('a message after the goodbye is not greeted again', async () => {
    const chat = await afterAnAnswer();
    await chat.say('Tschüss');
    const text = await chat.sayText('Hallo, noch eine Frage');
    expect(text).not.toContain(WELCOME());
    expect(text).not.toContain(SHORT());
    expect(text).toContain('1 – Rechnungen');
  });

  it('after "abbrechen" the next message is not greeted again', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('5');
    expect(await chat.sayText('abbrechen')).toContain(de('conversation:menu.cancelled'));
    const text = await chat.sayText('Wie kann ich meine Rechnung bezahlen?');
    expect(text).not.toContain(WELCOME());
    expect(text).not.toContain(SHORT());
    expect(text).toContain(de('conversation:knowledge.helped'));
  });

  it('after a pause of 30 minutes or more: a short welcome back, not the full greeting', async () => {
    const chat = await afterAnAnswer();
    await chat.say('Tschüss');
    h.clock.at = new Date('2025-03-12T10:45:00Z');
    const text = await chat.sayText('Hallo');
    expect(text).toContain(de('conversation:greeting.welcomeBack'));
    expect(text).not.toContain(WELCOME());
  });

  it('after a pause inside a form: welcome back and the question again', async () => {
    const chat = h.client(new MainDialog(h.deps));
    await chat.say('Hallo');
    await chat.say('5');
    h.clock.at = new Date('2025-03-12T11:30:00Z');
    const text = await chat.sayText('3');
    expect(text).toContain(de('conversation:greeting.welcomeBack'));
    expect(text).toContain(de('conversation:dataChange.askValue.bank'));
  });

  it('within 30 minutes no welcome back', async () => {
    const chat = await afterAnAnswer();
    h.clock.at = new Date('2025-03-12T10:20:00Z');
    expect(await chat.sayText('Ja')).not.toContain(de('conversation:greeting.welcomeBack'));
  });
});
