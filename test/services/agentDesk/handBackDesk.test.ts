import { Page } from 'playwright-core';
import { Browser, launchChromium } from '../../support/browser';
import { eventually, TeamsHarness } from '../teams/teamsHarness';
import { openingLines } from '../../../src/services/handoff/deescalationLines';

describe('agent desk: ending with a hand-back to a chosen dialog', () => {
  let h: TeamsHarness;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    h = await new TeamsHarness().start();
    token = (await h.auth.createUser('Petra Wagner', 'agent', { id: 'bootstrap-admin', name: 'Admin', role: 'admin' }))
      .token;
    browser = await launchChromium();
    page = await browser.context.newPage();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await h.stop();
  });

  it('sends the customer back to the billing dialog with its first question', async () => {
    await page.goto(`${h.baseUrl}/agent`);
    await page.getByRole('textbox', { name: h.t('agent:desk.tokenLabel'), exact: true }).fill(token);
    await page.getByRole('button', { name: h.t('agent:desk.tokenSave') }).click();
    await page.getByText(h.t('agent:desk.signedInAs', { name: 'Petra Wagner' })).waitFor();

    const id = await h.newHandoff({ category: 'billing', customerName: 'Jonas Becker' });
    const item = page.locator(`#queue [data-id="${id}"]`);
    await item.waitFor({ timeout: 10000 });
    await item.getByRole('button', { name: new RegExp(h.t('agent:desk.claim')) }).click();
    await eventually(async () => (await h.handoffs.get(id)).status === 'assigned', 'the claim');
    await page.locator(`#mine [data-id="${id}"]`).waitFor();

    // The opening lines for this case, one click sends one to the customer.
    const record = await h.handoffs.get(id);
    const expected = openingLines(h.t, 'billing', record.frustration.level);
    const buttons = page.locator('#suggestion-lines button');
    await buttons.first().waitFor();
    expect(await buttons.allTextContents()).toEqual(expected);
    await buttons.last().click();
    await eventually(() => h.customerTexts().includes(expected[expected.length - 1]), 'the line at the customer');

    await page
      .getByLabel(h.t('agent:desk.handBack.label'))
      .selectOption({ label: h.t('agent:desk.handBack.rechnung') });
    await page.getByRole('button', { name: h.t('agent:desk.end') }).click();
    await eventually(async () => (await h.handoffs.get(id)).handBack?.target === 'rechnung', 'the hand-back');
    await eventually(
      () =>
        h.customerTexts().includes(h.t('handoff:handBack.sentence')) &&
        h.customerTexts().includes(h.t('conversation:billing.ask')),
      'the sentence and the first question at the customer',
    );
    expect(h.customerTexts()).not.toContain(h.t('handoff:survey.question'));
  }, 60000);

  it("puts a canned response into the reply box in the customer's language", async () => {
    const id = await h.newHandoff({ category: 'billing', customerName: 'John Smith', language: 'en' });
    const item = page.locator(`#queue [data-id="${id}"]`);
    await item.waitFor({ timeout: 10000 });
    await item.getByRole('button', { name: new RegExp(h.t('agent:desk.claim')) }).click();
    await eventually(async () => (await h.handoffs.get(id)).status === 'assigned', 'the claim');
    await page.locator(`#mine [data-id="${id}"]`).getByRole('button').click();
    const canned = page.locator('#canned-lines button', { hasText: 'gutschrift' });
    await canned.waitFor();
    await canned.click();
    expect(await page.locator('#message').inputValue()).toBe(
      'I have arranged a credit for you. It will appear on your next bill.',
    );

    // A photo the customer sent appears under "Dateien" and downloads under its name.
    const record = await h.handoffs.get(id);
    const photo = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    await h.files.put({ data: photo, name: 'router.png', conversationKey: record.customer.conversationKey });
    const fileButton = page.locator('#file-list button', { hasText: 'router.png' });
    await fileButton.waitFor({ timeout: 10000 });
    const [download] = await Promise.all([page.waitForEvent('download'), fileButton.click()]);
    expect(download.suggestedFilename()).toBe('router.png');

    // The agent sends a PDF back with "Datei senden": it reaches the customer as a link.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600, 2)]);
    await page
      .locator('#send-file')
      .setInputFiles({ name: 'gutschrift.pdf', mimeType: 'application/pdf', buffer: pdf });
    await eventually(
      () =>
        h.customerSends.some((s) =>
          s.activities.some((a) => (a.attachments ?? []).some((x) => x.name === 'gutschrift.pdf' && !!x.contentUrl)),
        ),
      'the file at the customer',
    );
    await page.locator('#file-list button', { hasText: 'gutschrift.pdf' }).waitFor();
  }, 60000);
});
