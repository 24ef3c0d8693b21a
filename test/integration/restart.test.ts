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
    expect(greeting).toContain(t('conversation:menu.choose'));
    expect(await first.stop()).toBe(0);

    const second = await startServiceProcess({ MONGODB_URI: mongoUri }, port);
    try {
      // The menu prompt resumes: "1" continues in the billing path instead of greeting again.
      const billing = texts(await chat.say('1'));
      expect(billing).toContain(t('conversation:billing.ask'));
      expect(billing).not.toContain(t('conversation:menu.choose'));
      expect(texts(await chat.say('2'))).toContain(t('conversation:knowledge.helped'));
    } finally {
      await second.stop();
    }
  }, 120000);
});
