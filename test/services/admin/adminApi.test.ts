import { dayPart } from '../../../src/dialogs/clock';
import { I18nService } from '../../../src/services/i18n/i18nService';
import { conversation, startTestApp, TestApp, texts } from '../../support/testApp';
import { api, tokenFor, waitFor } from './adminClient';

const ADMIN = 'admin-test-token';
const COMPANY = 'Muster Telekom';
const BOT = 'Lotse';
const t = new I18nService('de').t('de');
const NEW_WELCOME = '{{salutation}}! Willkommen bei {{company}}, hier schreibt {{bot}}, Ihr automatischer Assistent.';

function shippedWelcome(): string {
  return t('conversation:greeting.welcome', {
    salutation: t(`conversation:greeting.${dayPart(new Date(), 'Europe/Berlin')}`),
    company: COMPANY,
    bot: BOT,
  });
}

/** The first thing a brand-new customer is told. */
async function greetingOf(app: TestApp): Promise<string> {
  return texts(await conversation(app.baseUrl).say('Hallo'));
}

async function historyCount(app: TestApp): Promise<number> {
  const history = await api<{ items: unknown[] }>(app, 'GET', '/api/admin/history?limit=500', ADMIN);
  return history.body.items.length;
}

describe('admin content API', () => {
  let app: TestApp;
  let agent: string;
  let supervisor: string;

  beforeAll(async () => {
    app = await startTestApp({
      ADMIN_API_TOKEN: ADMIN,
      RATE_LIMIT_PER_MINUTE: '0',
      COMPANY_NAME: COMPANY,
      BOT_NAME: BOT,
      ADMIN_CONTENT_POLL_MS: '500',
    });
    agent = await tokenFor(app, ADMIN, 'agent');
    supervisor = await tokenFor(app, ADMIN, 'supervisor');
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  describe('translations', () => {
    it('a changed greeting reaches the next new conversation at once, and a rollback brings the old one back', async () => {
      expect(await greetingOf(app)).toContain(shippedWelcome());

      const put = await api(app, 'PUT', '/api/admin/translations/de', ADMIN, {
        conversation: { greeting: { welcome: NEW_WELCOME } },
      });
      expect(put.status).toBe(200);
      expect(put.body.versionId).toEqual(expect.any(String));
      const greeting = await greetingOf(app);
      expect(greeting).toContain(`Willkommen bei ${COMPANY}, hier schreibt ${BOT}, Ihr automatischer Assistent.`);
      expect(greeting).not.toContain(shippedWelcome());

      const effective = await api<{ conversation: { greeting: { welcome: string } } }>(
        app,
        'GET',
        '/api/admin/translations/de',
        ADMIN,
      );
      expect(effective.body.conversation.greeting.welcome).toBe(NEW_WELCOME);

      const rollback = await api(app, 'POST', `/api/admin/history/${put.body.versionId}/rollback`, ADMIN);
      expect(rollback.status).toBe(200);
      expect(await greetingOf(app)).toContain(shippedWelcome());
      const history = await api<{ items: { action: string; rollbackOf?: string }[] }>(
        app,
        'GET',
        '/api/admin/history?kind=translations&target=de',
        ADMIN,
      );
      expect(history.body.items[0]).toMatchObject({ action: 'rollback', rollbackOf: put.body.versionId });
    });

    it('merges overrides, and setting the shipped text again removes the override', async () => {
      const shippedChoose = t('conversation:menu.choose');
      await api(app, 'PUT', '/api/admin/translations/de', ADMIN, {
        conversation: { menu: { choose: 'Worum geht es Ihnen?' } },
      });
      await api(app, 'PUT', '/api/admin/translations/de', ADMIN, {
        conversation: { menu: { freeText: 'Oder schreiben Sie einfach.' } },
      });
      let overrides = await api<{ conversation?: { menu?: Record<string, string> } }>(
        app,
        'GET',
        '/api/admin/translations/de?layer=overrides',
        ADMIN,
      );
      expect(overrides.body.conversation?.menu).toEqual({
        choose: 'Worum geht es Ihnen?',
        freeText: 'Oder schreiben Sie einfach.',
      });

      await api(app, 'PUT', '/api/admin/translations/de', ADMIN, {
        conversation: { menu: { choose: shippedChoose, freeText: null } },
      });
      overrides = await api(app, 'GET', '/api/admin/translations/de?layer=overrides', ADMIN);
      expect(overrides.body.conversation).toBeUndefined();
    });
  });

  describe('a second instance on the same database', () => {
    let second: TestApp;

    beforeAll(async () => {
      second = await startTestApp(
        { ADMIN_API_TOKEN: ADMIN, RATE_LIMIT_PER_MINUTE: '0', COMPANY_NAME: COMPANY, BOT_NAME: BOT },
        app.mongoUri,
      );
    }, 60000);

    afterAll(async () => {
      await second?.close();
    });

    it('greets with an edit made through the first instance within 10 seconds, without a restart', async () => {
      expect(await greetingOf(second)).toContain(shippedWelcome());
      const put = await api(app, 'PUT', '/api/admin/translations/de', ADMIN, {
        conversation: { greeting: { welcome: NEW_WELCOME } },
      });
      expect(put.status).toBe(200);
      const started = Date.now();
      await waitFor(
        async () =>
          (await greetingOf(second)).includes(`Willkommen bei ${COMPANY}, hier schreibt ${BOT}`) ? true : undefined,
        10000,
      );
      expect(Date.now() - started).toBeLessThan(10000);

      await api(app, 'POST', `/api/admin/history/${put.body.versionId}/rollback`, ADMIN);
      await waitFor(async () => ((await greetingOf(second)).includes(shippedWelcome()) ? true : undefined), 10000);
    }, 30000);

    it('answers a German-only entry added through the first instance within seconds, English customers get the German text', async () => {
      const created = await api<{ id: string; answer: { de: string; en: string } }>(
        app,
        'POST',
        '/api/admin/faq',
        ADMIN,
        {
          questions: { de: ['Wo kann ich mein Fahrrad abstellen?'] },
          answer: { de: 'Fahrradständer finden Sie direkt neben dem Eingang unseres Shops.' },
          category: 'general',
          active: true,
        },
      );
      expect(created.status).toBe(201);
      expect(created.body.answer).toEqual({
        de: 'Fahrradständer finden Sie direkt neben dem Eingang unseres Shops.',
        en: '',
      });
      const started = Date.now();
      const found = await waitFor(async () => {
        const hit = await second.app.knowledge.search('Wo kann ich mein Fahrrad abstellen?', 'de');
        return hit.best?.id === created.body.id ? hit : undefined;
      }, 10000);
      expect(Date.now() - started).toBeLessThan(10000);
      expect(found.confident).toBe(true);
      const chat = conversation(second.baseUrl);
      await chat.say('Hallo');
      expect(texts(await chat.say('Wo kann ich mein Fahrrad abstellen?'))).toContain(
        'Fahrradständer finden Sie direkt neben dem Eingang unseres Shops.',
      );
      const english = await second.app.knowledge.search('where can I park my bike, Fahrrad abstellen', 'en');
      expect(english.best).toMatchObject({
        id: created.body.id,
        text: 'Fahrradständer finden Sie direkt neben dem Eingang unseres Shops.',
        fallbackLanguage: true,
      });
      expect((await api(app, 'DELETE', `/api/admin/faq/${created.body.id}`, ADMIN)).status).toBe(200);
      await waitFor(
        async () =>
          (await second.app.knowledge.search('Wo kann ich mein Fahrrad abstellen?', 'de')).best?.id !== created.body.id
            ? true
            : undefined,
        10000,
      );
    }, 30000);

    it('uses a changed company name from the settings there too', async () => {
      const put = await api(app, 'PUT', '/api/admin/settings', ADMIN, { companyName: 'Nordlicht Mobilfunk' });
      expect(put.status).toBe(200);
      await waitFor(async () => ((await greetingOf(second)).includes('Nordlicht Mobilfunk') ? true : undefined), 10000);
      await api(app, 'POST', `/api/admin/history/${put.body.versionId}/rollback`, ADMIN);
      await waitFor(async () => ((await greetingOf(second)).includes(COMPANY) ? true : undefined), 10000);
    }, 30000);
  });

  describe('knowledge base', () => {
    it('answers a new entry for a question phrased differently from its own', async () => {
      const created = await api<{ id: string; versionId: string }>(app, 'POST', '/api/admin/faq', ADMIN, {
        questions: { de: ['Darf ich meinen Hund in den Shop mitbringen?'], en: ['May I bring my dog to the shop?'] },
        answer: {
          de: 'Gut erzogene Hunde sind in allen unseren Shops willkommen.',
          en: 'Well-behaved dogs are welcome in all our shops.',
        },
        category: 'general',
        active: true,
      });
      expect(created.status).toBe(201);

      const chat = conversation(app.baseUrl);
      await chat.say('Hallo');
      await chat.say('3');
      const reply = texts(await chat.say('hund mitbringen in den shop erlaubt?'));
      expect(reply).toContain('Gut erzogene Hunde sind in allen unseren Shops willkommen.');
      const direct = await app.app.knowledge.answer('hund mitbringen in den shop erlaubt?', 'de');
      expect(direct?.id).toBe(created.body.id);
    });

    it('forgets a deactivated entry at once and learns it back on rollback', async () => {
      const created = await api<{ id: string }>(app, 'POST', '/api/admin/faq', ADMIN, {
        questions: { de: ['Wie bestelle ich eine Multi-SIM für die Smartwatch?'], en: [] },
        answer: {
          de: 'Eine Multi-SIM für Ihre Smartwatch bestellen Sie im Kundenportal unter „Zusatzkarten“.',
          en: 'Order a multi-SIM for your smartwatch in the customer portal under “Additional cards”.',
        },
        category: 'general',
      });
      expect((await app.app.knowledge.answer('multi sim smartwatch bestellen', 'de'))?.id).toBe(created.body.id);
      const off = await api<{ versionId: string }>(app, 'PUT', `/api/admin/faq/${created.body.id}`, ADMIN, {
        active: false,
      });
      expect(off.status).toBe(200);
      expect((await app.app.knowledge.answer('multi sim smartwatch bestellen', 'de'))?.id).not.toBe(created.body.id);
      expect((await api(app, 'POST', `/api/admin/history/${off.body.versionId}/rollback`, ADMIN)).status).toBe(200);
      expect((await app.app.knowledge.answer('multi sim smartwatch bestellen', 'de'))?.id).toBe(created.body.id);
    });

    it('deletes an entry, and a rollback of the deletion brings it back with the same id', async () => {
      const created = await api<{ id: string }>(app, 'POST', '/api/admin/faq', ADMIN, {
        questions: { de: ['Gibt es einen Studentenrabatt?'] },
        answer: {
          de: 'Ja, mit gültigem Studienausweis erhalten Sie 10 % Rabatt auf den Grundpreis.',
          en: 'Yes, with a valid student ID you get 10% off the base price.',
        },
        category: 'general',
      });
      const deleted = await api<{ versionId: string }>(app, 'DELETE', `/api/admin/faq/${created.body.id}`, ADMIN);
      expect(deleted.status).toBe(200);
      expect((await api(app, 'GET', `/api/admin/faq/${created.body.id}`, ADMIN)).status).toBe(404);
      expect((await api(app, 'POST', `/api/admin/history/${deleted.body.versionId}/rollback`, ADMIN)).status).toBe(200);
      const back = await api<{ answer: { de: string } }>(app, 'GET', `/api/admin/faq/${created.body.id}`, ADMIN);
      expect(back.status).toBe(200);
      expect(back.body.answer.de).toContain('Studienausweis');
    });

    it('searches entries by words of questions and answers', async () => {
      const found = await api<{ items: { key?: string }[] }>(
        app,
        'GET',
        `/api/admin/faq?q=${encodeURIComponent('Lastschrift')}`,
        supervisor,
      );
      expect(found.status).toBe(200);
      expect(found.body.items.length).toBeGreaterThan(0);
      expect(found.body.items.length).toBeLessThan(20);
    });
  });

  describe('invalid edits are refused with the field named, and nothing is saved', () => {
    const cases: [string, string, string, unknown, RegExp][] = [
      [
        'a menu option pointing to an unknown knowledge-base entry',
        'PUT',
        '/api/admin/menu',
        {
          menus: {
            main: {
              options: [
                {
                  id: 'x',
                  digit: '1',
                  label: { de: 'Sperren', en: 'Block' },
                  target: { kind: 'dialog', dialog: 'lost_or_stolen' },
                },
                {
                  id: 'y',
                  digit: '2',
                  label: { de: 'Tarife', en: 'Plans' },
                  target: { kind: 'faq', faqId: 'no-such-entry' },
                },
              ],
            },
          },
        },
        /^menus\.main\.options\[1\]\.target\.faqId: /,
      ],
      [
        'a menu option pointing to an unknown dialog',
        'PUT',
        '/api/admin/menu',
        {
          menus: {
            main: {
              options: [
                {
                  id: 'x',
                  digit: '1',
                  label: { de: 'Sperren', en: 'Block' },
                  target: { kind: 'dialog', dialog: 'lottery' },
                },
              ],
            },
          },
        },
        /^menus\.main\.options\[0\]\.target\.dialog: points to the unknown dialog/,
      ],
      [
        'a menu option pointing to an unknown sub-menu',
        'PUT',
        '/api/admin/menu',
        {
          menus: {
            main: {
              options: [
                {
                  id: 'x',
                  digit: '4',
                  label: { de: 'Sperren', en: 'Block' },
                  target: { kind: 'dialog', dialog: 'lost_or_stolen' },
                },
                {
                  id: 'more',
                  digit: '9',
                  label: { de: 'Mehr', en: 'More' },
                  target: { kind: 'submenu', menuId: 'extras' },
                },
              ],
            },
          },
        },
        /^menus\.main\.options\[1\]\.target\.menuId: /,
      ],
      [
        'a greeting that drops a placeholder',
        'PUT',
        '/api/admin/translations/de',
        { conversation: { greeting: { welcome: '{{salutation}}! Ich bin {{bot}}, der automatische Assistent.' } } },
        /^conversation\.greeting\.welcome: drops the placeholder \{\{company\}\}/,
      ],
      [
        'an English text that drops a placeholder',
        'PUT',
        '/api/admin/translations/en',
        { conversation: { complaint: { recorded: 'Thank you, we will answer soon.' } } },
        /^conversation\.complaint\.recorded: drops the placeholder \{\{reference\}\}/,
      ],
      [
        'informal German in a translation',
        'PUT',
        '/api/admin/translations/de',
        { conversation: { menu: { choose: 'Was möchtest du tun?' } } },
        /^conversation\.menu\.choose: uses the informal "du"/,
      ],
      [
        'informal German in an answer',
        'POST',
        '/api/admin/faq',
        {
          questions: { de: ['Wie geht das?'] },
          answer: { de: 'Das findest du in deinem Kundenportal.', en: 'It is in the portal.' },
          category: 'general',
        },
        /^answer\.de: uses the informal "du"/,
      ],
      [
        'an operator object where a translation belongs',
        'PUT',
        '/api/admin/translations/de',
        { conversation: { greeting: { welcome: { $gt: '' } } } },
        /^conversation\.greeting\.welcome: must be a string/,
      ],
      [
        'an operator object where an answer belongs',
        'POST',
        '/api/admin/faq',
        { questions: { de: ['Frage?'] }, answer: { de: { $gt: '' }, en: 'x' }, category: 'general' },
        /^answer\.de: must be a string/,
      ],
      [
        'an operator object where the company name belongs',
        'PUT',
        '/api/admin/settings',
        { companyName: { $gt: '' } },
        /^companyName: must be a string/,
      ],
      [
        'an empty answer',
        'POST',
        '/api/admin/faq',
        { questions: { de: ['Frage?'] }, answer: { de: '   ', en: 'Answer' }, category: 'general' },
        /^answer\.de: must not be empty/,
      ],
      [
        'an unknown translation key',
        'PUT',
        '/api/admin/translations/de',
        { conversation: { greeting: { hello: 'Hallo' } } },
        /^conversation\.greeting\.hello: is not a known translation key/,
      ],
      [
        'an unknown namespace',
        'PUT',
        '/api/admin/translations/de',
        { marketing: { slogan: 'Hallo' } },
        /^marketing: is not a known translation namespace/,
      ],
      [
        'irate below annoyed',
        'PUT',
        '/api/admin/settings',
        { frustration: { annoyed: 0.7, irate: 0.5 } },
        /^frustration\.irate: /,
      ],
      [
        'a holiday that is no date',
        'PUT',
        '/api/admin/settings',
        { businessHours: { holidays: ['2025-02-30'] } },
        /^businessHours\.holidays\[0\]: /,
      ],
    ];

    it.each(cases)('%s', async (_name, method, path, body, message) => {
      const before = await historyCount(app);
      const answer = await api<{ error: { code: string; message: string } }>(app, method, path, ADMIN, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(message);
      expect(await historyCount(app)).toBe(before);
    });

    it('keeps the greeting and the menu as they were after refused edits', async () => {
      const menuBefore = await api(app, 'GET', '/api/admin/menu', ADMIN);
      await api(app, 'PUT', '/api/admin/menu', ADMIN, {
        menus: {
          main: {
            options: [
              { id: 'x', digit: '1', label: { de: 'A', en: 'A' }, target: { kind: 'dialog', dialog: 'nowhere' } },
            ],
          },
        },
      });
      await api(app, 'PUT', '/api/admin/translations/de', ADMIN, {
        conversation: { greeting: { welcome: 'Hallo du!' } },
      });
      expect((await api(app, 'GET', '/api/admin/menu', ADMIN)).body).toEqual(menuBefore.body);
      expect(await greetingOf(app)).toContain(shippedWelcome());
    });

    it('refuses to delete an entry a menu option points at', async () => {
      const menu = await api<{ menus: { main: { options: unknown[] } } }>(app, 'GET', '/api/admin/menu', ADMIN);
      const faq = await api<{ items: { id: string; key?: string; answer: { de: string } }[] }>(
        app,
        'GET',
        '/api/admin/faq?category=general&active=true',
        ADMIN,
      );
      const shipped = faq.body.items.find((e) => e.key)!;
      const options = [
        ...menu.body.menus.main.options,
        {
          id: 'hours',
          digit: '7',
          label: { de: 'Servicezeiten', en: 'Opening hours' },
          target: { kind: 'faq', faqId: shipped.key },
        },
      ];
      const saved = await api<{ versionId: string }>(app, 'PUT', '/api/admin/menu', ADMIN, {
        menus: { main: { options } },
      });
      expect(saved.status).toBe(200);
      const chat = conversation(app.baseUrl);
      await chat.say('Hallo');
      expect(texts(await chat.say('7'))).toContain(shipped.answer.de);
      const hours = shipped;

      const refused = await api<{ error: { message: string } }>(app, 'DELETE', `/api/admin/faq/${hours.id}`, ADMIN);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/menus\.main\.options\[7\]/);
      expect((await api(app, 'POST', `/api/admin/history/${saved.body.versionId}/rollback`, ADMIN)).status).toBe(200);
    });
  });

  describe('roles', () => {
    const routes: [string, string][] = [
      ['GET', '/api/admin/translations/de'],
      ['PUT', '/api/admin/translations/de'],
      ['GET', '/api/admin/faq'],
      ['POST', '/api/admin/faq'],
      ['GET', '/api/admin/faq/0123456789abcdef01234567'],
      ['PUT', '/api/admin/faq/0123456789abcdef01234567'],
      ['DELETE', '/api/admin/faq/0123456789abcdef01234567'],
      ['GET', '/api/admin/menu'],
      ['PUT', '/api/admin/menu'],
      ['GET', '/api/admin/settings'],
      ['PUT', '/api/admin/settings'],
      ['GET', '/api/admin/history'],
      ['GET', '/api/admin/history/0123456789abcdef01234567'],
      ['POST', '/api/admin/history/0123456789abcdef01234567/rollback'],
      ['POST', '/api/admin/preview'],
    ];

    it.each(routes)('%s %s: 401 without a token, 403 with an agent token', async (method, path) => {
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      expect((await api(app, method, path, undefined, body)).status).toBe(401);
      expect((await api(app, method, path, 'not-a-token', body)).status).toBe(401);
      expect((await api(app, method, path, agent, body)).status).toBe(403);
    });

    it('a supervisor may change an answer, but not the questions, the menu or the translations', async () => {
      const list = await api<{ items: { id: string; key?: string; answer: { de: string; en: string } }[] }>(
        app,
        'GET',
        '/api/admin/faq',
        supervisor,
      );
      const entry = list.body.items.find((e) => e.key)!;
      const changed = await api<{ answer: { de: string }; versionId: string }>(
        app,
        'PUT',
        `/api/admin/faq/${entry.id}`,
        supervisor,
        { answer: { de: 'Ihre Unterlagen finden Sie im Kundenportal unter „Dokumente“.', en: entry.answer.en } },
      );
      expect(changed.status).toBe(200);
      expect(changed.body.answer.de).toBe('Ihre Unterlagen finden Sie im Kundenportal unter „Dokumente“.');
      const history = await api<{ items: { by: { role: string } }[] }>(
        app,
        'GET',
        `/api/admin/history?kind=faq&target=${entry.id}`,
        ADMIN,
      );
      expect(history.body.items[0].by.role).toBe('supervisor');

      const questions = await api(app, 'PUT', `/api/admin/faq/${entry.id}`, supervisor, {
        questions: { de: ['Neue Frage?'], en: [] },
      });
      expect(questions.status).toBe(403);
      expect((await api(app, 'GET', '/api/admin/menu', supervisor)).status).toBe(403);
      expect((await api(app, 'PUT', '/api/admin/menu', supervisor, { menus: {} })).status).toBe(403);
      expect((await api(app, 'PUT', '/api/admin/translations/de', supervisor, {})).status).toBe(403);
      expect((await api(app, 'POST', '/api/admin/faq', supervisor, {})).status).toBe(403);
    });
  });

  describe('preview', () => {
    it("shows the bot's replies with a draft greeting and publishes nothing", async () => {
      const before = await historyCount(app);
      const preview = await api<{
        turns: { message: string | null; replies: { text: string; choices: string[] }[] }[];
      }>(app, 'POST', '/api/admin/preview', ADMIN, {
        draft: {
          translations: { de: { conversation: { greeting: { welcome: NEW_WELCOME } } } },
          settings: { botName: 'Lina' },
        },
        messages: ['2', 'Mein Internet geht nicht'],
      });
      expect(preview.status).toBe(200);
      const [start, choose, problem] = preview.body.turns;
      expect(start.message).toBeNull();
      expect(start.replies.map((r) => r.text).join('\n')).toContain(`Willkommen bei ${COMPANY}, hier schreibt Lina`);
      expect(start.replies.some((r) => r.choices.length > 1)).toBe(true);
      expect(choose.replies.map((r) => r.text).join('\n')).toContain(t('conversation:technical.ask'));
      expect(problem.replies.map((r) => r.text).join('\n')).toContain(
        t('conversation:technical.steps.internet.0.text'),
      );
      expect(await historyCount(app)).toBe(before);
      expect(await greetingOf(app)).toContain(shippedWelcome());
    });

    it('announces what a customer would read while the team is off duty, also for an urgent case', async () => {
      const closed = { weekly: { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null }, holidays: [] };
      const run = async (messages: string[]) => {
        const preview = await api<{ turns: { replies: { text: string }[] }[] }>(
          app,
          'POST',
          '/api/admin/preview',
          ADMIN,
          { draft: { settings: { businessHours: closed } }, messages },
        );
        expect(preview.status).toBe(200);
        return preview.body.turns.map((turn) => turn.replies.map((r) => r.text).join('\n'));
      };
      const when = t('handoff:when.unknown');
      const person = await run(['Ich möchte mit einem Mitarbeiter sprechen']);
      const urgent = await run(['Meine Kreditkarte wurde gestohlen', 'Ich will sofort einen Mitarbeiter sprechen']);
      expect(person.join('\n')).toContain(t('handoff:outsideHours', { when }));
      expect(urgent.join('\n')).toContain(t('handoff:urgentNight.lost_or_stolen', { when }));
      expect([...person, ...urgent].join('\n')).not.toContain(t('handoff:queued', { position: 1, count: 2 }));
    });

    it('refuses an invalid draft the same way as an edit', async () => {
      const preview = await api<{ error: { message: string } }>(app, 'POST', '/api/admin/preview', ADMIN, {
        draft: { translations: { de: { conversation: { greeting: { welcome: 'Hallo!' } } } } },
        messages: ['Hallo'],
      });
      expect(preview.status).toBe(400);
      expect(preview.body.error.message).toMatch(/^conversation\.greeting\.welcome: drops the placeholder/);
    });
  });

  describe('OpenAPI', () => {
    it('describes every admin and handoff route with its security', async () => {
      const doc = await api<{ openapi: string; paths: Record<string, Record<string, { security?: unknown[] }>> }>(
        app,
        'GET',
        '/api/openapi.json',
      );
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toBe('3.1.0');
      for (const path of [
        '/api/admin/translations/{lng}',
        '/api/admin/faq',
        '/api/admin/faq/{id}',
        '/api/admin/menu',
        '/api/admin/settings',
        '/api/admin/history',
        '/api/admin/history/{versionId}/rollback',
        '/api/admin/preview',
        '/api/handoffs',
        '/api/handoffs/{id}/claim',
      ]) {
        expect(doc.body.paths[path]).toBeDefined();
        for (const operation of Object.values(doc.body.paths[path]))
          expect(operation.security).toEqual([{ bearerAuth: [] }]);
      }
    });
  });
});
