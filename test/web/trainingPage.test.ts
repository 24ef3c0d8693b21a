import { I18nService } from '../../src/services/i18n/i18nService';
import { launchChromium, Browser } from '../support/browser';
import { startTestApp, TestApp } from '../support/testApp';

const t = new I18nService().t('de');

describe('the training page', () => {
  const ADMIN = 'bootstrap-admin-for-training-page';
  let test: TestApp;
  let browser: Browser;
  let token = '';

  beforeAll(async () => {
    test = await startTestApp({ ADMIN_API_TOKEN: ADMIN });
    const created = await fetch(`${test.baseUrl}/api/admin/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ name: 'Tina Trainee', role: 'agent' }),
    });
    token = ((await created.json()) as { token: string }).token;
    browser = await launchChromium({ locale: 'de-DE' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  it('signs in with the key, runs a scenario and shows the feedback of each reply', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${test.baseUrl}/agent/training`);
    await page.fill('#token', token);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector(`#scenario option[value="insults"]`, { state: 'attached' });
    expect(await page.textContent('#scenario option[value="insults"]')).toBe(t('training:scenarios.insults'));
    await page.selectOption('#scenario', 'insults');
    await page.click('#start');
    await page.waitForSelector('.turn.customer');
    expect(await page.textContent('#title')).toBe(t('training:scenarios.insults'));

    await page.fill('#reply', 'Das ist doch dein Problem.');
    await page.click('#reply-form button[type=submit]');
    await page.waitForSelector('.turn.agent .hints');
    const hints = await page.textContent('.turn.agent .hints');
    expect(hints).toContain(t('training:hints.informal'));
    expect(await page.textContent('.turn.agent .checks .no')).toContain(t('training:page.formal'));
    // Sent from mood 4, the informal arguing reply makes the customer give up: the outcome is shown.
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== '');
    expect(await page.textContent('#status')).toBe(t('training:outcome.escalated'));
    expect(await page.isHidden('#reply-form')).toBe(true);
    await page.close();
  }, 60_000);

  it('serves only its own assets and its texts', async () => {
    expect((await fetch(`${test.baseUrl}/agent/training/assets/training.css`)).status).toBe(200);
    expect((await fetch(`${test.baseUrl}/agent/training/assets/..%2Findex.html`)).status).toBe(404);
    const texts = (await (await fetch(`${test.baseUrl}/agent/training/i18n/de`)).json()) as { page: { title: string } };
    expect(texts.page.title).toBe(t('training:page.title'));
  });
});
