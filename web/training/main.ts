/**
 * The training page (GET /agent/training, also a Teams tab): pick a scenario, answer the simulated
 * customer, see the feedback per reply. Talks only to /api/training; uses the desk's sign-in.
 */
import { ApiError, createApi } from '../shared/api';
import { byId, el } from '../shared/dom';
import { StatusLine } from '../shared/status';
import { Texts } from '../shared/texts';
import { TokenStore } from '../shared/token';
import { connectTeams, followTeamsTheme, teamsSignIn } from './teamsSession';

interface Feedback {
  formal: boolean;
  neutral: boolean;
  arguing: boolean;
  deescalating: boolean;
  concreteNextStep: boolean;
  score: number;
  hints: string[];
}
interface Started {
  id: string;
  title: string;
  customer: string;
}
interface Replied {
  customer: string | null;
  feedback: Feedback;
  done: boolean;
  outcome?: string;
  closing?: string;
}

const texts = new Texts(document.documentElement.lang || 'de');
const { t } = texts;
const status = new StatusLine();
// The desk's key: signed in there, signed in here (same tab session).
const tokens = new TokenStore('lotse.agentToken');
let token: string | null = tokens.get();
let session: string | null = null;
const api = createApi({
  token: () => token,
  onUnauthorized: () => showLogin(true),
});

function showLogin(visible: boolean): void {
  byId('login').hidden = !visible;
  byId('training').hidden = visible;
}

function line(who: 'agent' | 'customer', text: string, feedback?: Feedback): void {
  const checks = feedback
    ? el(
        'ul',
        { className: 'checks' },
        (['formal', 'neutral', 'deescalating', 'concreteNextStep'] as const).map((name) =>
          el('li', { className: feedback[name] ? 'yes' : 'no' }, [
            `${feedback[name] ? '✓' : '✗'} ${t(`page.${name}`)}`,
          ]),
        ),
      )
    : null;
  const hints = feedback ? el('p', { className: 'hints' }, [feedback.hints.join(' ')]) : null;
  const score = feedback ? el('p', { className: 'score' }, [t('page.score', { score: feedback.score })]) : null;
  byId('turns').append(
    el('li', { className: `turn ${who}` }, [
      el('strong', {}, [t(who === 'agent' ? 'page.you' : 'page.customer')]),
      el('p', {}, [text]),
      score,
      checks,
      hints,
    ]),
  );
}

async function start(): Promise<void> {
  const scenario = byId('scenario', HTMLSelectElement).value;
  const started = await api<Started>('POST', '/api/training/sessions', scenario ? { scenario } : {});
  session = started.id;
  byId('turns').replaceChildren();
  byId('title').textContent = started.title;
  line('customer', started.customer);
  byId('reply-form').hidden = false;
  byId('reply', HTMLTextAreaElement).focus();
}

async function reply(text: string): Promise<void> {
  if (!session) return;
  const answer = await api<Replied>('POST', `/api/training/sessions/${session}/replies`, { text });
  line('agent', text, answer.feedback);
  if (answer.customer !== null) line('customer', answer.customer);
  else {
    if (answer.closing) line('customer', answer.closing);
    status.show(t(`outcome.${answer.outcome ?? 'timeout'}`), answer.outcome === 'calmed' ? 'ok' : 'error');
    byId('reply-form').hidden = true;
    session = null;
  }
}

function guard(work: () => Promise<void>): void {
  work().catch((err: unknown) => status.show(err instanceof ApiError ? err.message : String(err), 'error'));
}

async function loadScenarios(): Promise<void> {
  const { items } = await api<{ items: { id: string; title: string }[] }>('GET', '/api/training/scenarios');
  byId('scenario').replaceChildren(
    el('option', { value: '' }, [t('page.random')]),
    ...items.map((s) => el('option', { value: s.id }, [s.title])),
  );
  showLogin(false);
}

async function main(): Promise<void> {
  await texts.load(`/agent/training/i18n/${texts.language}`);
  const teams = await connectTeams();
  if (teams) {
    await followTeamsTheme(teams);
    token = (await teamsSignIn(teams)) ?? token;
  }
  byId('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    token = byId('token', HTMLInputElement).value.trim();
    tokens.set(token);
    guard(loadScenarios);
  });
  byId('start').addEventListener('click', () => guard(start));
  byId('reply-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId('reply', HTMLTextAreaElement);
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    guard(() => reply(text));
  });
  if (!token) return showLogin(true);
  guard(loadScenarios);
}

void main();
