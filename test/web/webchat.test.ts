import { BrowserContext, Page } from 'playwright-core';
import { dayPart } from '../../src/dialogs/clock';
import { I18nService } from '../../src/services/i18n/i18nService';
import { Browser, launchChromium } from '../support/browser';
import { startTestApp, TestApp } from '../support/testApp';

const COMPANY = 'Muster Telekom';
const BOT = 'Lotse';
const t = new I18nService('de').t('de');
const TRANSCRIPT = '.webchat__basic-transcript';
const SUGGESTED = '.webchat__suggested-action';

/** Texts of the bot's bubbles in Web Chat's transcript, in order. */
async function botTexts(page: Page): Promise<string[]> {
  return page
    .locator(
      `${TRANSCRIPT} .webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content`,
    )
    .allInnerTexts();
}

describe('the customer web page', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  const requests: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ COMPANY_NAME: COMPANY, BOT_NAME: BOT });
    browser = await launchChromium({ locale: 'de-DE' });
    context = browser.context;
    context.on('request', (request) => requests.push(request.url()));
  }, 30000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('greets in German, takes "Hallo", leads on after a menu button, and loads nothing from outside', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    // A Content-Security-Policy violation would show up here, e.g. a style or script the page cannot use.
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${app.baseUrl}/`);

    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.title()).toBe(t('channels:web.title', { company: COMPANY }));
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.getAttribute('section.chat', 'aria-label')).toBe(
      t('channels:web.chatLabel', { company: COMPANY }),
    );

    // The greeting arrives on its own when the conversation starts.
    const welcome = t('conversation:greeting.welcome', {
      salutation: t(`conversation:greeting.${dayPart(new Date(), 'Europe/Berlin')}`),
      company: COMPANY,
      bot: BOT,
    });
    await page
      .locator(TRANSCRIPT)
      .getByText(welcome.slice(0, 60), { exact: false })
      .first()
      .waitFor({ timeout: 20000 });

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('Hallo');
    await input.press('Enter');
    await page
      .locator(`${TRANSCRIPT} .webchat__stacked-layout--from-user`)
      .getByText('Hallo')
      .waitFor({ timeout: 10000 });
    // "Hallo" is a greeting: the bot offers the menu again, as buttons.
    await page.locator(TRANSCRIPT).getByText(t('conversation:menu.choose')).last().waitFor({ timeout: 10000 });
    const buttons = page.locator(SUGGESTED);
    await buttons.first().waitFor({ timeout: 10000 });
    expect(await buttons.count()).toBeGreaterThan(1);

    const before = (await botTexts(page)).length;
    const label = (await buttons.first().innerText()).trim();
    await buttons.first().click();
    // The tap is sent as the customer's message, and the bot answers with the next step.
    await page.locator(`${TRANSCRIPT} .webchat__stacked-layout--from-user`).last().waitFor({ timeout: 10000 });
    await page.waitForFunction(
      ([selector, count]) => document.querySelectorAll(selector as string).length > (count as number),
      [
        `${TRANSCRIPT} .webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content`,
        before,
      ] as const,
      { timeout: 10000 },
    );
    const after = await botTexts(page);
    expect(after.length).toBeGreaterThan(before);
    expect(after[after.length - 1]).not.toContain(t('conversation:menu.choose'));
    expect(label.length).toBeGreaterThan(0);

    expect(requests.some((url) => url.endsWith('/vendor/webchat.js'))).toBe(true);
    expect(requests.some((url) => url.includes('/v3/directline/conversations/'))).toBe(true);
    const outside = requests.filter(
      (url) => !url.startsWith(app.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60000);

  it('resumes the same conversation after a reload', async () => {
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/`);
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.waitFor({ timeout: 20000 });
    await page.locator(SUGGESTED).first().waitFor({ timeout: 20000 });
    await input.fill('Ich brauche Hilfe mit meiner Rechnung');
    await input.press('Enter');
    const mine = page
      .locator(`${TRANSCRIPT} .webchat__stacked-layout--from-user`)
      .getByText('Ich brauche Hilfe mit meiner Rechnung');
    await mine.waitFor({ timeout: 10000 });
    const conversation = await page.evaluate(() => sessionStorage.getItem('lotse.webchat.session'));

    await page.reload();
    await mine.waitFor({ timeout: 20000 });
    const resumed = await page.evaluate(() => sessionStorage.getItem('lotse.webchat.session'));
    expect(JSON.parse(resumed!).conversationId).toBe(JSON.parse(conversation!).conversationId);
    await page.close();
  }, 60000);

  it('sends a photo with the upload button: the file is kept and the customer is told so', async () => {
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.locator(SUGGESTED).first().waitFor({ timeout: 20000 });
    // A real image (1 x 1 pixel): Web Chat decodes it for the thumbnail before it sends.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    // Web Chat's upload button opens this input; the chosen file waits in the send box for "Senden".
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: 'router.png', mimeType: 'image/png', buffer: png });
    // Web Chat makes the thumbnail first and only then holds the file (the clip icon gets a tick);
    // a click on "Senden" before that sends an empty box, which does nothing.
    await page.locator('.webchat__attachment-icon--checked').first().waitFor({ timeout: 20000 });
    await page.locator('button.webchat__send-button').click();
    await page.locator(TRANSCRIPT).getByText(t('handoff:file.kept').slice(0, 40)).first().waitFor({ timeout: 20000 });
    expect((await botTexts(page)).join('\n')).not.toContain(t('conversation:input.empty'));
    await page.close();
  }, 60000);
});
