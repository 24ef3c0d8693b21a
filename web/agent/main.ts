/*
 * Agent desk: the live queue, claim, the conversation, send, end, figures. Talks only to the
 * handoff API with the agent's bearer token. Runs as a Teams tab or standalone in a browser.
 * Builds the DOM with textContent only, never HTML from data.
 */
import { ApiError, createApi } from '../shared/api';
import { byId } from '../shared/dom';
import { StatusLine } from '../shared/status';
import { Texts } from '../shared/texts';
import { TokenStore } from '../shared/token';
import { DeskRenderer, type CaseActions } from './render';
import { detectTeams } from './teams';
import { SuggestionButtons } from './agentTools';
import { CaseFiles } from './caseFiles';
import type { HandoffDetail, HandoffList, Me, Stats } from './types';

const POLL_MS = 2500;
/** How long a refused claim stays readable before a good poll may clear the status line. */
const KEEP_CLAIM_ERROR_MS = 8000;

interface DeskState {
  /** The token in use; kept in memory as well, for when storage is refused. */
  token: string | null;
  me: Me | null;
  selectedId: string | null;
  timer: ReturnType<typeof setInterval> | null;
  inTeams: boolean;
  busy: boolean;
  keepStatusUntil: number;
}

const state: DeskState = {
  token: null,
  me: null,
  selectedId: null,
  timer: null,
  inTeams: false,
  busy: false,
  keepStatusUntil: 0,
};
const tokens = new TokenStore('lotse.agentToken');
const texts = new Texts((document.documentElement.lang || 'de').slice(0, 2));
const { t } = texts;
const status = new StatusLine();
const api = createApi({ token: () => state.token });
const render = new DeskRenderer(texts);
const caseFiles = new CaseFiles(
  api,
  () => state.token,
  (err) => handleError(err),
);
const suggestions = new SuggestionButtons(
  api,
  () => void refresh(),
  (err) => handleError(err),
);
const actions: CaseActions = { claim: (id, button) => void claimCase(id, button), open: (id) => select(id) };

function handleError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401) return signOut(t('desk.unauthorized'));
  if (err instanceof ApiError) return status.show(err.serverMessage ?? t('desk.error'), 'error');
  status.show(t('desk.offline'), 'error');
}

function showLogin(message: string): void {
  byId('desk').hidden = true;
  byId('logout').hidden = true;
  byId('login').hidden = false;
  byId('login-error').textContent = message;
  byId('who').textContent = '';
  byId('token').focus();
}

async function signIn(token: string): Promise<void> {
  state.token = token;
  try {
    const me = await api<Me>('GET', '/api/me');
    state.me = me;
    tokens.set(token);
    byId('login').hidden = true;
    byId('desk').hidden = false;
    byId('logout').hidden = false;
    byId('who').textContent =
      t('desk.signedInAs', { name: me.name }) + (state.inTeams ? ` · ${t('desk.teamsMode')}` : '');
    status.show('');
    void refresh();
    if (state.timer) clearInterval(state.timer);
    state.timer = setInterval(() => void refresh(), POLL_MS);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) signOut(t('desk.unauthorized'));
    else handleError(err);
  }
}

function signOut(message: string): void {
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  state.token = null;
  state.me = null;
  state.selectedId = null;
  tokens.clear();
  showLogin(message);
}

async function refresh(): Promise<void> {
  if (!state.token || state.busy) return;
  state.busy = true;
  const selected = state.selectedId;
  try {
    const [queued, assigned, stats, detail] = await Promise.all([
      api<HandoffList>('GET', '/api/handoffs?status=queued'),
      api<HandoffList>('GET', '/api/handoffs?status=assigned'),
      api<Stats>('GET', '/api/handoffs/stats'),
      selected ? api<HandoffDetail>('GET', `/api/handoffs/${encodeURIComponent(selected)}`) : Promise.resolve(null),
    ]);
    const mine = assigned.items.filter((item) => item.agent && state.me && item.agent.id === state.me.id);
    render.list('queue', 'queue-empty', queued.items, true, state.selectedId, actions);
    render.list('mine', 'mine-empty', mine, false, state.selectedId, actions);
    render.figures(stats);
    if (detail && render.detail(detail, state.me)) status.show(t('desk.ended'));
    await suggestions.show(selected, detail?.status, detail?.category, detail?.customer.language);
    await caseFiles.show(detail ? selected : null);
    // A polling error clears itself on the next good poll; a refused claim stays readable a while.
    if (status.isError() && Date.now() > state.keepStatusUntil) status.show('');
  } catch (err) {
    handleError(err);
  } finally {
    state.busy = false;
  }
}

async function claimCase(id: string, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    await api('POST', `/api/handoffs/${encodeURIComponent(id)}/claim`);
    status.show(t('desk.claimed'));
    select(id);
    byId('message').focus();
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      status.show(t('desk.taken'), 'error');
      state.keepStatusUntil = Date.now() + KEEP_CLAIM_ERROR_MS;
    } else handleError(err);
    void refresh();
  }
}

function select(id: string): void {
  state.selectedId = id;
  void refresh();
}

async function send(event: Event): Promise<void> {
  event.preventDefault();
  await deliver(byId('message', HTMLTextAreaElement).value.trim(), false);
}

/**
 * Sends a reply. One the server holds (informal address, arguing: 422 with a suggestion) shows the
 * hint with "Vorschlag senden" and "Trotzdem senden" instead of an error.
 */
async function deliver(text: string, force: boolean): Promise<void> {
  const message = byId('message', HTMLTextAreaElement);
  const button = byId('send', HTMLButtonElement);
  if (!text || !state.selectedId) return;
  button.disabled = true;
  byId('reply-check').hidden = true;
  try {
    await api('POST', `/api/handoffs/${encodeURIComponent(state.selectedId)}/messages`, { text, force });
    message.value = '';
    void refresh();
  } catch (err) {
    const suggestion = err instanceof ApiError && err.status === 422 ? err.error.suggestion : undefined;
    if (err instanceof ApiError && typeof suggestion === 'string') {
      byId('reply-check-hint').textContent = t(`replyCheck.${String(err.error.code)}`);
      byId('reply-check-suggestion').textContent = suggestion;
      byId('send-suggestion').onclick = () => void deliver(suggestion, false);
      byId('send-anyway').onclick = () => void deliver(text, true);
      byId('reply-check').hidden = false;
    } else handleError(err);
  }
  button.disabled = false;
  message.focus();
}

async function act(path: 'resolve' | 'transfer', body?: unknown): Promise<void> {
  if (!state.selectedId) return;
  try {
    await api('POST', `/api/handoffs/${encodeURIComponent(state.selectedId)}/${path}`, body);
    if (path === 'resolve') status.show(t('desk.ended'));
    void refresh();
  } catch (err) {
    handleError(err);
  }
}

async function start(): Promise<void> {
  byId('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = byId('token', HTMLInputElement).value.trim();
    if (token) void signIn(token);
  });
  byId('logout').addEventListener('click', () => signOut(''));
  byId('send-form').addEventListener('submit', (event) => void send(event));
  // The button opens the (hidden) file chooser; choosing a file sends it.
  byId('send-file-button').addEventListener('click', () => byId('send-file', HTMLInputElement).click());
  byId('send-file').addEventListener('change', () => {
    const input = byId('send-file', HTMLInputElement);
    const file = input.files?.[0];
    if (!file || !state.selectedId) return;
    caseFiles.send(state.selectedId, file).then(
      () => status.show(t('desk.fileSent', { name: file.name })),
      (err) => handleError(err),
    );
    input.value = '';
  });
  byId('end').addEventListener('click', () => {
    // The dialog the customer goes on with, when the agent chose one; otherwise back to the bot as before.
    const target = byId('end-target', HTMLSelectElement).value;
    void act('resolve', target ? { target } : undefined);
  });
  byId('transfer').addEventListener('click', () => void act('transfer', {}));
  const [, inTeams] = await Promise.all([
    texts.load(`/agent/i18n/${encodeURIComponent(texts.language)}.json`).then(() => texts.apply('desk.title')),
    detectTeams(),
  ]);
  state.inTeams = inTeams;
  document.body.setAttribute('data-mode', state.inTeams ? 'teams' : 'standalone');
  // The desk token lives in sessionStorage only; a copy an earlier version left in localStorage goes.
  tokens.dropFromLocalStorage();
  const saved = tokens.get();
  if (saved) void signIn(saved);
  else showLogin('');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
