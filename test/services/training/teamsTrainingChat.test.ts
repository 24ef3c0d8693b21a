import { Activity, TestAdapter } from 'botbuilder';
import mongoose, { Connection } from 'mongoose';
import { I18nService } from '../../../src/services/i18n/i18nService';
import { createLogger } from '../../../src/services/logger';
import { loadScenarios } from '../../../src/services/training/scenarios';
import { TeamsTrainingChat } from '../../../src/services/training/teamsTrainingChat';
import { TrainingService } from '../../../src/services/training/trainingService';
import { testMongoUri } from '../../support/testDb';

const TENANT = 'tenant-agents';
const i18n = new I18nService();
const t = i18n.t('de');

describe('training in a Teams personal chat', () => {
  let connection: Connection;
  let chat: TeamsTrainingChat;
  const handled: boolean[] = [];

  beforeAll(async () => {
    connection = await mongoose.createConnection(testMongoUri('training')).asPromise();
    // The first scenario in the file when none is named: the irate billing customer.
    const training = new TrainingService(connection, loadScenarios(), i18n, 'de', undefined, () => 0);
    chat = new TeamsTrainingChat(training, i18n, TENANT, createLogger('silent'));
  });
  afterAll(() => connection.close());

  function adapter(conversationId: string, conversationType = 'personal'): TestAdapter {
    return new TestAdapter(
      async (context) => {
        handled.push(await chat.handle(context));
      },
      {
        channelId: 'msteams',
        conversation: { id: conversationId, conversationType, isGroup: false, name: '' },
        from: { id: '29:anna', name: 'Anna Agentin', aadObjectId: 'aad-anna' } as Activity['from'],
        recipient: { id: '28:lotse', name: 'Lotse' },
      },
    );
  }
  const say = (text: string, tenant = TENANT): Partial<Activity> => ({
    type: 'message',
    text,
    channelData: { tenant: { id: tenant } },
  });

  it('"training" starts a session, replies get feedback and the next customer line, "stop" ends it', async () => {
    const scenario = loadScenarios()[0];
    const a = adapter('a:personal-1');
    await a
      .send(say('training'))
      .assertReply((reply) => {
        expect(reply.text).toBe(
          t('training:chat.started', { title: t(`training:scenarios.${scenario.id}`), customer: scenario.lines[3][0] }),
        );
      })
      .send(say('Das tut mir leid, ich prüfe die Rechnung sofort und melde mich bis 14 Uhr.'))
      .assertReply((reply) => {
        expect(reply.text).toBe(t('training:chat.feedback', { score: 100, hints: t('training:hints.good') }));
      })
      .assertReply((reply) => {
        expect(reply.text).toBe(t('training:chat.customer', { customer: scenario.lines[2][1] }));
      })
      .send(say('stop'))
      .assertReply(t('training:chat.stopped'))
      .startTest();
    expect(handled.every(Boolean)).toBe(true);
  });

  it('leaves other messages, other tenants and channels to the agent bot', async () => {
    handled.length = 0;
    await adapter('a:personal-2').send(say('hallo')).startTest();
    await adapter('a:personal-3').send(say('training', 'other-tenant')).startTest();
    await adapter('19:channel@thread.tacv2', 'channel').send(say('training')).startTest();
    expect(handled).toEqual([false, false, false]);
  });
});
