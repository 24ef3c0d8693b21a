/* Lotse admin pages: menu, knowledge base, texts, settings, history and preview over the admin API. */
import { ApiError, createApi } from '../shared/api';
import { all, byId, debounce } from '../shared/dom';
import { loadMeta } from '../shared/meta';
import { StatusLine } from '../shared/status';
import { Texts } from '../shared/texts';
import { TokenStore } from '../shared/token';
import { AdminContext } from './context';
import { FaqView } from './faq';
import { HistoryView } from './history';
import { MenuView } from './menu';
import { PreviewView } from './preview';
import { SettingsView } from './settings';
import { TranslationsView } from './translations';
import type { Me } from './types';

const tokens = new TokenStore('lotse.admin.token');
const texts = new Texts('de');
const status = new StatusLine();
const ctx = new AdminContext(
  texts,
  createApi({
    token: () => tokens.get(),
    onUnauthorized: () => {
      tokens.clear();
      showLogin(texts.t('login.expired'));
    },
    unauthorizedMessage: () => texts.t('login.expired'),
  }),
  status,
);
const menu = new MenuView(ctx);
const faq = new FaqView(ctx);
const translations = new TranslationsView(ctx);
const settings = new SettingsView(ctx);
const history = new HistoryView(ctx);
const preview = new PreviewView(ctx, settings);

function showLogin(message = ''): void {
  byId('app').hidden = true;
  byId('logout').hidden = true;
  byId('who').textContent = '';
  byId('login').hidden = false;
  byId('login-error').textContent = message;
  byId('token').focus();
}

async function start(): Promise<void> {
  if (!tokens.get()) return showLogin();
  const { state, t } = ctx;
  try {
    const me = await ctx.api<Me>('GET', '/api/me');
    if (me.role !== 'admin' && me.role !== 'supervisor') {
      tokens.clear();
      return showLogin(t('login.roleTooLow'));
    }
    state.role = me.role;
    // Lists (categories, intents, kinds) are the server's own, never a copy in this page.
    state.meta = await loadMeta(ctx.api);
    faq.fillCategories();
    history.fillKinds();
    byId('who').textContent = t('login.who', { name: me.name, role: t(`roles.${me.role}`) });
    byId('login').hidden = true;
    byId('logout').hidden = false;
    byId('app').hidden = false;
    for (const node of all('[data-admin-only]', HTMLElement)) node.hidden = !ctx.isAdmin();
    await show(ctx.isAdmin() ? 'menu' : 'faq');
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) ctx.failed(err);
  }
}

async function show(view: string): Promise<void> {
  ctx.state.view = view;
  for (const button of all('.tabs button', HTMLButtonElement)) {
    if (button.getAttribute('data-view') === view) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  for (const section of all('.view', HTMLElement)) section.hidden = section.id !== `view-${view}`;
  status.show('');
  try {
    if (view === 'menu') await menu.load();
    if (view === 'faq') await faq.load();
    if (view === 'translations') await translations.load();
    if (view === 'settings') await settings.load();
    if (view === 'history') await history.load();
  } catch (err) {
    ctx.failed(err);
  }
}

async function init(): Promise<void> {
  await texts.load('/admin/i18n/de');
  texts.apply('title');
  const failed = (err: unknown) => ctx.failed(err);
  byId('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId('token', HTMLInputElement);
    tokens.set(input.value.trim());
    input.value = '';
    void start();
  });
  byId('logout').addEventListener('click', () => {
    tokens.clear();
    showLogin();
  });
  for (const button of all('.tabs button', HTMLButtonElement)) {
    button.addEventListener('click', () => void show(button.getAttribute('data-view') ?? ''));
  }
  byId('menu-save').addEventListener('click', () => void menu.save());
  byId('menu-add-menu').addEventListener('click', () => menu.addMenu());
  byId('faq-search').addEventListener(
    'input',
    debounce(() => faq.load().catch(failed), 250),
  );
  byId('faq-category').addEventListener('change', () => faq.load().catch(failed));
  byId('faq-add').addEventListener('click', () => faq.edit(null));
  byId('faq-form').addEventListener('submit', (event) => void faq.save(event));
  byId('faq-cancel').addEventListener('click', () => faq.close());
  byId('faq-delete').addEventListener('click', () => void faq.remove());
  byId('tr-search').addEventListener(
    'input',
    debounce(() => translations.searchChanged(), 200),
  );
  byId('tr-ns').addEventListener('change', () => translations.render());
  byId('tr-only-changed').addEventListener('change', () => translations.render());
  byId('tr-save').addEventListener('click', () => void translations.save());
  byId('settings-form').addEventListener('submit', (event) => void settings.save(event));
  byId('history-kind').addEventListener('change', () => history.load().catch(failed));
  byId('preview-form').addEventListener('submit', (event) => void preview.run(event));
  await start();
}

document.addEventListener('DOMContentLoaded', () => void init());
