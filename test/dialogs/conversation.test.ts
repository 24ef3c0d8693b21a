import type { AddressInfo } from 'node:net';
import { buildApp, App } from '../../src/index';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/services/logger';
import { conversation, texts } from '../support/testApp';
import { testMongoUri } from '../support/testDb';
import { de, FixedClock } from './harness';

const INFORMAL = /\b(du|dich|dir|dein\w*|euch|euer\w*)\b/i;
// Sunday, 16 March 2025, 03:00 in Berlin: nobody in the office.
const clock = new FixedClock(new Date('2025-03-16T02:00:00Z'));
let app: App;
let baseUrl: string;

beforeAll(async () => {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    COMPANY_NAME: 'Nordlicht Mobilfunk',
    BOT_NAME: 'Frieda',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  app = buildApp(config, testMongoUri('conv'), createLogger('silent'), { clock });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  await app.start();
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(() => app.stop());

describe('the customer conversation through /api/messages', () => {
  it('greets when the conversation starts: company, assistant, formal, automated, the menu', async () => {
    const chat = conversation(baseUrl);
    const replies = await chat.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Kunde' }] });
    const text = texts(replies);
    expect(text).toContain('Nordlicht Mobilfunk');
    expect(text).toContain('Frieda');
    expect(text).toMatch(/\bSie\b|\bIhr\b|\bIhnen\b/);
    expect(text).toMatch(/automatische/);
    expect(text).toContain(de('conversation:greeting.evening'));
    expect(text).not.toMatch(INFORMAL);
  });

  it('lets each of the digits 1 to 6 and 0 lead somewhere different', async () => {
    const answers = new Set<string>();
    for (const digit of ['1', '2', '3', '4', '5', '6', '0']) {
      const chat = conversation(baseUrl);
      await chat.say('Hallo');
      const answer = texts(await chat.say(digit));
      expect(answer).not.toBe('');
      answers.add(answer.split('\n')[0]);
    }
    expect(answers.size).toBe(7);
  });

  it('gives blocking help in the very first reply to a stolen credit card at 3 a.m. on a Sunday', async () => {
    const chat = conversation(baseUrl);
    const replies = await chat.say('Meine Kreditkarte wurde gestohlen');
    expect(replies[0].text).toContain('116 116');
    expect(replies[0].text).toBe(de('conversation:lost.help.card'));
  });

  it('answers bad input politely without failing the turn', async () => {
    const chat = conversation(baseUrl);
    await chat.say('Hallo');
    expect(texts(await chat.say('x'.repeat(5000)))).toContain(de('conversation:input.tooLong', { count: 1000 }));
    expect(texts(await chat.say('🙂🙂'))).toContain(de('conversation:input.noWords'));
    expect(texts(await chat.say(''))).toContain(de('conversation:input.empty'));
  });

  it('takes "Servus" under the welcome as hello, not goodbye, and "Hallo" without the whole menu again', async () => {
    const chat = conversation(baseUrl);
    await chat.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Kunde' }] });
    const servus = texts(await chat.say('Servus'));
    expect(servus).toContain(de('conversation:menu.greetedBack'));
    expect(servus).not.toContain(de('conversation:closing.goodbye'));
    expect(servus).not.toContain('1 – Rechnungen');
    const hallo = texts(await chat.say('Hallo'));
    expect(hallo).toContain(de('conversation:menu.greetedBack'));
    expect(hallo).not.toContain('1 – Rechnungen');
    expect(texts(await chat.say('Danke, tschüss'))).toMatch(/Wiedersehen/);
  });
});
