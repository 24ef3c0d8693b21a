import type { Page } from 'playwright-core';
import { freePort } from '../../src/services/database/localMongoServer';
import { I18nService } from '../../src/services/i18n/i18nService';
import { Browser, launchChromium } from '../support/browser';
import { startServiceProcess, ServiceProcess } from '../support/serviceProcess';
import { testMongoUri } from '../support/testDb';

const de = new I18nService('de').t('de');
const en = new I18nService('de').t('en');
const TRANSCRIPT = '.webchat__basic-transcript';
const BOT_BUBBLES = `${TRANSCRIPT} .webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content`;

async function say(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
  await page
    .locator(`${TRANSCRIPT} .webchat__stacked-layout--from-user`)
    .getByText(text)
    .last()
    .waitFor({ timeout: 20000 });
}

/** Web Chat's marks for a message it could not deliver ("Fehler beim Senden", "Send failed"). */
async function failedSends(page: Page): Promise<number> {
  return page.locator('[class*="send-failed"], [class*="sendFailed"]').count();
}

describe('the web page over the streaming Direct Line', () => {
  let service: ServiceProcess | undefined;
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('reads replies over the WebSocket and goes on without a reload after the service restarts', async () => {
    const mongoUri = testMongoUri('webchat-restart');
    const port = await freePort();
    const env = { MONGODB_URI: mongoUri, IMPRINT_URL: 'https://example.com/impressum' };
    service = await startServiceProcess(env, port);
    browser = await launchChromium({ locale: 'de-DE' });
    const page = await browser.context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(`${service.baseUrl}/`);
    expect(await page.locator('nav.legal a[href="https://example.com/impressum"]').innerText()).toBe(
      de('channels:web.imprint'),
    );
    expect(await page.locator('nav.legal a', { hasText: de('channels:web.privacyPolicy') }).isHidden()).toBe(true);
    await page.locator(TRANSCRIPT).getByText(de('conversation:menu.choose')).first().waitFor({ timeout: 30000 });
    expect(sockets.some((url) => url.includes('/v3/directline/conversations/') && url.includes('stream'))).toBe(true);

    await say(page, '1');
    await page.locator(TRANSCRIPT).getByText(de('conversation:billing.ask')).first().waitFor({ timeout: 20000 });

    // The service stops and starts again on the same port while the page stays open.
    expect(await service.stop()).toBe(0);
    service = await startServiceProcess(env, port);

    const before = await page.locator(BOT_BUBBLES).count();
    await say(page, 'Wann wird meine Rechnung abgebucht?');
    await page.waitForFunction(
      ([selector, count]) => document.querySelectorAll(selector as string).length > (count as number),
      [BOT_BUBBLES, before] as const,
      { timeout: 30000 },
    );
    await page.locator(TRANSCRIPT).getByText(de('conversation:knowledge.helped')).last().waitFor({ timeout: 20000 });
    expect(await failedSends(page)).toBe(0);
    // The restart is invisible: no second welcome.
    expect(await page.locator(TRANSCRIPT).getByText(de('conversation:greeting.welcomeBack')).count()).toBe(0);
    await page.close();
  }, 180000);

  it('follows an English browser: the page and Web Chat in English', async () => {
    const english = await launchChromium({ locale: 'en-GB' });
    try {
      const page = await english.context.newPage();
      await page.goto(`${service!.baseUrl}/`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await page.locator(TRANSCRIPT).getByText(en('conversation:menu.choose')).first().waitFor({ timeout: 30000 });
      await page.close();
    } finally {
      await english.close();
    }
  }, 90000);
});
