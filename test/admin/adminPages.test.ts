import { BrowserContext, Page } from 'playwright-core';
import { I18nService } from '../../src/services/i18n/i18nService';
import { Browser, launchChromium } from '../support/browser';
import { startTestApp, TestApp } from '../support/testApp';
import { api, tokenFor } from '../services/admin/adminClient';

const ADMIN = 'admin-pages-token';
/**
 * Every wait is for a condition, with room for a machine busy with another suite: a browser and a
 * service sharing two cores can take seconds for what takes milliseconds alone.
 */
const UI_MS = 45000;
const TEST_MS = 180000;

/** Polls until the probe holds; the page updates asynchronously after each action. */
async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + UI_MS;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const admin = new I18nService('de').t('de');

/**
 * Searches the texts and waits until the table shows only matching keys. The table is redrawn a
 * moment after typing; text typed into a row before that redraw would land in a replaced box.
 */
async function searchTexts(page: Page, needle: string): Promise<void> {
  await page.getByLabel(admin('admin:translations.search')).fill(needle);
  await until(
    () =>
      page.evaluate((n) => {
        const keys = Array.from(document.querySelectorAll('#tr-table tbody tr[data-key]')).map(
          (row) => row.getAttribute('data-key') ?? '',
        );
        return keys.length > 0 && keys.every((key) => key.includes(n));
      }, needle),
    `the texts filtered by "${needle}"`,
  );
}

/** Opens /admin and signs in with a token, as a person would. */
async function signIn(page: Page, app: TestApp, token: string): Promise<void> {
  await page.goto(`${app.baseUrl}/admin`);
  await page.getByLabel(admin('admin:login.token')).fill(token);
  await page.getByRole('button', { name: admin('admin:login.submit') }).click();
  await page.locator('#app').waitFor({ state: 'visible', timeout: UI_MS });
}

describe('the admin pages', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ ADMIN_API_TOKEN: ADMIN, RATE_LIMIT_PER_MINUTE: '0' });
    browser = await launchChromium({ locale: 'de-DE' });
    context = browser.context;
    context.setDefaultTimeout(UI_MS);
    context.on('request', (request) => requests.push(request.url()));
  }, TEST_MS);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  function watch(page: Page): void {
    page.on('pageerror', (err) => errors.push(err.message));
    // A Content-Security-Policy violation (an inline script, a foreign load) shows up here.
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  }

  it(
    'edits a German text side by side with the English one, and the API serves the new text',
    async () => {
      const page = await context.newPage();
      watch(page);
      await signIn(page, app, ADMIN);
      expect(await page.getAttribute('html', 'lang')).toBe('de');
      await page.getByRole('button', { name: admin('admin:nav.translations') }).click();
      await searchTexts(page, 'greeting.short');
      const row = page.locator('tr[data-key="conversation.greeting.short"]');
      await row.waitFor({ timeout: UI_MS });
      const english = new I18nService('de').t('en')('conversation:greeting.short');
      await until(
        async () => (await row.locator('textarea[data-lang="en"]').inputValue()) === english,
        'the English text beside the German one',
      );

      const text = '{{salutation}}! Hier schreibt {{bot}}, der digitale Assistent von {{company}}.';
      await row.locator('textarea[data-lang="de"]').fill(text);
      await page.getByRole('button', { name: admin('admin:translations.save') }).click();
      await page.locator('#status.ok').waitFor({ timeout: UI_MS });
      expect(await page.locator('#status').innerText()).toBe(admin('admin:status.published'));
      // Published texts are marked as changed from the shipped ones.
      await page
        .locator('tr[data-key="conversation.greeting.short"] td.overridden')
        .first()
        .waitFor({ timeout: UI_MS });

      const effective = await api<{ conversation: { greeting: { short: string } } }>(
        app,
        'GET',
        '/api/admin/translations/de',
        ADMIN,
      );
      expect(effective.body.conversation.greeting.short).toBe(text);
      await page.close();
    },
    TEST_MS,
  );

  it(
    'shows the reason when a text is refused, and saves nothing',
    async () => {
      const page = await context.newPage();
      watch(page);
      await signIn(page, app, ADMIN);
      await page.getByRole('button', { name: admin('admin:nav.translations') }).click();
      await searchTexts(page, 'menu.choose');
      const row = page.locator('tr[data-key="conversation.menu.choose"]');
      await row.locator('textarea[data-lang="de"]').fill('Was möchtest du?');
      await page.getByRole('button', { name: admin('admin:translations.save') }).click();
      await page.locator('#status.error').waitFor({ timeout: UI_MS });
      expect(await page.locator('#status').innerText()).toContain('conversation.menu.choose: uses the informal "du"');
      const overrides = await api<{ conversation?: { menu?: unknown } }>(
        app,
        'GET',
        '/api/admin/translations/de?layer=overrides',
        ADMIN,
      );
      expect(overrides.body.conversation?.menu).toBeUndefined();
      errors.length = 0;
      await page.close();
    },
    TEST_MS,
  );

  it(
    'lets a supervisor find a knowledge-base entry and change its answer',
    async () => {
      const supervisor = await tokenFor(app, ADMIN, 'supervisor');
      const page = await context.newPage();
      watch(page);
      await signIn(page, app, supervisor);
      // Supervisors see the knowledge base only.
      await page.getByRole('button', { name: admin('admin:nav.menu') }).waitFor({ state: 'hidden' });
      await page.getByLabel(admin('admin:faq.search')).fill('Lastschrift');
      const list = page.locator('#faq-list tbody tr');
      await page.waitForFunction(
        () =>
          document.querySelectorAll('#faq-list tbody tr').length > 0 &&
          document.querySelectorAll('#faq-list tbody tr').length < 10,
        undefined,
        { timeout: UI_MS },
      );
      const first = list.first();
      const id = await first.getAttribute('data-id');
      await first.getByRole('button').click();
      const answer =
        'Die Lastschrift richten Sie im Kundenportal unter „Zahlungsart“ ein; sie gilt ab der nächsten Rechnung.';
      await until(
        () => page.getByLabel(admin('admin:faq.questionsDe')).isDisabled(),
        'the questions locked for a supervisor',
      );
      await page.getByLabel(admin('admin:faq.answerDe')).fill(answer);
      await page.getByRole('button', { name: admin('admin:faq.save') }).click();
      await page.locator('#status.ok').waitFor({ timeout: UI_MS });

      const entry = await api<{ answer: { de: string } }>(app, 'GET', `/api/admin/faq/${id}`, ADMIN);
      expect(entry.body.answer.de).toBe(answer);
      await page.close();
    },
    TEST_MS,
  );

  it(
    'runs a preview conversation with an unpublished text',
    async () => {
      const page = await context.newPage();
      watch(page);
      await signIn(page, app, ADMIN);
      await page.getByRole('button', { name: admin('admin:nav.translations') }).click();
      await searchTexts(page, 'menu.choose');
      await page
        .locator('tr[data-key="conversation.menu.choose"] textarea[data-lang="de"]')
        .fill('Worum dürfen wir uns kümmern?');
      await page.getByRole('button', { name: admin('admin:nav.preview') }).click();
      await page.getByLabel(admin('admin:preview.messages')).fill('Hallo');
      await page.getByRole('button', { name: admin('admin:preview.run') }).click();
      await page
        .locator('#preview-chat li.bot')
        .getByText('Worum dürfen wir uns kümmern?')
        .first()
        .waitFor({ timeout: UI_MS });
      const overrides = await api<{ conversation?: { menu?: unknown } }>(
        app,
        'GET',
        '/api/admin/translations/de?layer=overrides',
        ADMIN,
      );
      expect(overrides.body.conversation?.menu).toBeUndefined();
      await page.close();
    },
    TEST_MS,
  );

  it('loaded nothing from outside and broke no page rule', () => {
    const outside = requests.filter((url) => !url.startsWith(app.baseUrl) && !url.startsWith('data:'));
    expect(outside).toEqual([]);
    expect(errors.filter((e) => !/status of 40[03]/.test(e))).toEqual([]);
  });
});
