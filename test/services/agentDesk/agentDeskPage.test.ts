import { Page } from 'playwright-core';
import { Browser, launchChromium } from '../../support/browser';
import { eventually, TeamsHarness } from '../teams/teamsHarness';

describe('agent desk page in a browser (standalone, outside Teams)', () => {
  let h: TeamsHarness;
  let browser: Browser;
  let page: Page;
  let token: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    h = await new TeamsHarness().start();
    token = (await h.auth.createUser('Petra Wagner', 'agent', { id: 'bootstrap-admin', name: 'Admin', role: 'admin' }))
      .token;
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(err.message));
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await h.stop();
  });

  it('asks for the access key and refuses a wrong one', async () => {
    await page.goto(`${h.baseUrl}/agent`);
    await page.getByRole('textbox', { name: h.t('agent:desk.tokenLabel'), exact: true }).fill('falsch');
    await page.getByRole('button', { name: h.t('agent:desk.tokenSave') }).click();
    await page.getByText(h.t('agent:desk.unauthorized')).waitFor();
    expect(await page.locator('body').getAttribute('data-mode')).toBe('standalone');
  });

  it('shows the live queue, claims a handoff, talks to the customer and ends the conversation', async () => {
    consoleErrors.length = 0;
    await page.getByRole('textbox', { name: h.t('agent:desk.tokenLabel'), exact: true }).fill(token);
    await page.getByRole('button', { name: h.t('agent:desk.tokenSave') }).click();
    await page.getByText(h.t('agent:desk.signedInAs', { name: 'Petra Wagner' })).waitFor();

    // A customer starts waiting after the page is open: it appears without a reload.
    const id = await h.newHandoff({
      category: 'lost_or_stolen',
      reason: 'urgent',
      frustration: { level: 1, score: 0.4 },
      customerName: 'Jonas Becker',
    });
    const item = page.locator(`#queue [data-id="${id}"]`);
    await item.waitFor({ timeout: 10000 });
    await expect(item.textContent()).resolves.toContain(h.t('agent:priority.urgent'));
    await expect(item.textContent()).resolves.toContain(h.t('agent:category.lost_or_stolen'));
    await expect(item.textContent()).resolves.toContain(h.t('agent:mood.1'));
    await eventually(async () => Number(await page.locator('#fig-waiting').textContent()) >= 1, 'the waiting figure');

    await item.getByRole('button', { name: new RegExp(h.t('agent:desk.claim')) }).click();
    await page.getByText(h.t('agent:desk.claimed')).waitFor();
    await eventually(async () => (await h.handoffs.get(id)).status === 'assigned', 'the claim');
    expect((await h.handoffs.get(id)).agent?.name).toBe('Petra Wagner');
    await page.locator(`#mine [data-id="${id}"]`).waitFor();

    await page.getByLabel(h.t('agent:desk.messageLabel')).fill('Ich sperre Ihre Karte sofort.');
    await page.getByRole('button', { name: h.t('agent:desk.send'), exact: true }).click();
    await eventually(() => h.customerTexts().includes('Ich sperre Ihre Karte sofort.'), 'the message at the customer');
    await page.locator('#messages li', { hasText: 'Ich sperre Ihre Karte sofort.' }).waitFor();

    await h.handoffs.addCustomerMessage(id, 'Vielen Dank!');
    await page.locator('#messages li', { hasText: 'Vielen Dank!' }).waitFor({ timeout: 10000 });

    await page.getByRole('button', { name: h.t('agent:desk.end') }).click();
    await eventually(async () => (await h.handoffs.get(id)).status === 'resolved', 'the resolve');
    await page.getByText(h.t('agent:desk.ended')).waitFor();
    expect(consoleErrors).toEqual([]);
  }, 60000);

  it('tells the agent when a colleague was faster', async () => {
    const id = await h.newHandoff({ customerName: 'Rita Koch' });
    const item = page.locator(`#queue [data-id="${id}"]`);
    await item.waitFor({ timeout: 10000 });
    // The colleague claims in the instant between the page showing the case and this agent's click.
    const claimUrl = `**/api/handoffs/${id}/claim`;
    await page.route(claimUrl, async (route) => {
      await h.handoffs.claim(id, { id: 'someone-else', name: 'Kollege', role: 'agent' });
      await route.continue();
    });
    await item.getByRole('button', { name: new RegExp(h.t('agent:desk.claim')) }).click();
    await page.getByText(h.t('agent:desk.taken')).waitFor();
    await page.unroute(claimUrl);
    // As long as the test above: a CI run with two workers beside Chromium once took more than 30 s here.
  }, 60000);
});
