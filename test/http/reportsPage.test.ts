import { readFileSync } from 'node:fs';
import { I18nService } from '../../src/services/i18n/i18nService';
import { createUser, handoffRequest, startHandoffTestApp } from '../services/handoff/support/handoffTestApp';
import { launchChromium, Browser } from '../support/browser';
import type { TestApp } from '../support/testApp';

const t = new I18nService().t('de');

describe('the reports page of the desk', () => {
  let test: TestApp;
  let browser: Browser;
  let supervisor = '';
  let agent = '';

  beforeAll(async () => {
    test = await startHandoffTestApp();
    supervisor = await createUser(test.baseUrl, 'Sabine Supervisorin', 'supervisor');
    agent = await createUser(test.baseUrl, 'Anton Agent', 'agent');
    await test.app.handoffs.requestHandoff(handoffRequest('http://127.0.0.1:9', { category: 'billing' }));
    await test.app.handoffs.requestHandoff(handoffRequest('http://127.0.0.1:9', { category: 'technical' }));
    browser = await launchChromium({ locale: 'de-DE' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  it('shows a supervisor the figures and charts of the last 30 days and downloads the CSV', async () => {
    const page = await browser.context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${test.baseUrl}/agent/reports`);
    await page.fill('#token', supervisor);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('[data-figure="handoffs"] dd');
    expect(await page.textContent('h1')).toBe(t('reports:page.title'));
    expect(await page.textContent('[data-figure="handoffs"] dt')).toBe(t('reports:figures.handoffs'));
    expect(await page.textContent('[data-figure="handoffs"] dd')).toBe('2');
    // Both charts are drawn: their canvases are no longer blank.
    const drawn = await page.evaluate(() =>
      ['chart-days', 'chart-categories'].map((id) => {
        const canvas = document.getElementById(id) as HTMLCanvasElement;
        const blank = document.createElement('canvas');
        blank.width = canvas.width;
        blank.height = canvas.height;
        return canvas.width > 0 && canvas.toDataURL() !== blank.toDataURL();
      }),
    );
    expect(drawn).toEqual([true, true]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    expect(download.suggestedFilename()).toMatch(/^handoffs-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 2);
    expect(refused).toEqual([]);
    await page.close();
  }, 60_000);

  it('tells an agent that reports are for supervisors', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${test.baseUrl}/agent/reports`);
    await page.fill('#token', agent);
    await page.click('#login-form button[type=submit]');
    await page.waitForFunction(() => document.getElementById('status')?.classList.contains('error'));
    expect(await page.textContent('#status')).toBe(t('reports:page.forbidden'));
    await page.close();
  }, 60_000);

  it('serves only its own assets, and its texts with the category names', async () => {
    expect((await fetch(`${test.baseUrl}/agent/reports/assets/reports.js`)).status).toBe(200);
    expect((await fetch(`${test.baseUrl}/agent/reports/assets/..%2Findex.html`)).status).toBe(404);
    const texts = (await (await fetch(`${test.baseUrl}/agent/reports/i18n/de`)).json()) as {
      page: { title: string };
      category: Record<string, string>;
    };
    expect(texts.page.title).toBe(t('reports:page.title'));
    expect(texts.category.billing).toBe(t('agent:category.billing'));
  });
});
