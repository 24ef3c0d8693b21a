import { freePort } from '../../src/services/database/localMongoServer';
import { I18nService } from '../../src/services/i18n/i18nService';
import { conversation, texts } from '../support/testApp';
import { startServiceProcess } from '../support/serviceProcess';
import { testMongoUri } from '../support/testDb';

const t = new I18nService('de').t('de');

describe('a conversation survives a restart of the service', () => {
  it('continues the dialog where it was after the process stopped and started again', async () => {
    const mongoUri = testMongoUri('restart');
    const port = await freePort();
    const first = await startServiceProcess({ MONGODB_URI: mongoUri }, port);
    const chat = conversation(first.baseUrl);
    const greeting = texts(await chat.say('Hallo'));
    expect(greeting).toContain(t('common:placeholder.greeting'));
    expect(await first.stop()).toBe(0);

    const second = await startServiceProcess({ MONGODB_URI: mongoUri }, port);
    try {
      const answer = texts(await chat.say('Meine Rechnung'));
      // The dialog resumes at its second step instead of greeting again.
      expect(answer).toContain(t('common:placeholder.received', { text: 'Meine Rechnung' }));
      expect(answer).not.toContain(t('common:placeholder.greeting'));
    } finally {
      await second.stop();
    }
  }, 120000);
});
