/*
 * Reports for supervisors: the figures of a period, two charts and the CSV export of its handoffs.
 * Talks only to /api/reports with the bearer token the desk keeps in the tab (the same sign-in).
 * Builds the DOM with textContent only, never HTML from data.
 */
import { ApiError, createApi } from '../shared/api';
import { byId, el } from '../shared/dom';
import { StatusLine } from '../shared/status';
import { Texts } from '../shared/texts';
import { TokenStore } from '../shared/token';
import { ReportCharts } from './charts';
import { dayValue, periodQuery } from './period';
import type { ReportSummary } from './types';

const DEFAULT_DAYS = 30;

const tokens = new TokenStore('lotse.agentToken');
let token = tokens.get();
const texts = new Texts((document.documentElement.lang || 'de').slice(0, 2));
const { t } = texts;
const status = new StatusLine();
const api = createApi({ token: () => token });
const charts = new ReportCharts(byId('chart-days', HTMLCanvasElement), byId('chart-categories', HTMLCanvasElement));
const numbers = new Intl.NumberFormat(texts.language, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(texts.language, { style: 'percent', maximumFractionDigits: 1 });
const dayLabel = new Intl.DateTimeFormat(texts.language, { day: '2-digit', month: '2-digit', timeZone: 'UTC' });

function duration(seconds: number | null): string {
  if (seconds === null) return t('figures.none');
  return seconds < 120
    ? t('figures.seconds', { value: numbers.format(seconds) })
    : t('figures.minutes', { value: numbers.format(seconds / 60) });
}

const share = (value: number | null) => (value === null ? t('figures.none') : percent.format(value));

function showFigures(s: ReportSummary): void {
  const csat =
    s.csat.average === null
      ? t('figures.none')
      : t('figures.csatValue', { average: numbers.format(s.csat.average), count: s.csat.count });
  const rows: [string, string][] = [
    ['conversations', numbers.format(s.conversations)],
    ['handoffs', numbers.format(s.handoffs)],
    ['handoffRate', share(s.handoffRate)],
    ['abandoned', numbers.format(s.abandoned)],
    ['abandonmentRate', share(s.abandonmentRate)],
    ['waitP50', duration(s.waitSeconds.p50)],
    ['waitP90', duration(s.waitSeconds.p90)],
    ['waitMax', duration(s.waitSeconds.max)],
    ['handleP50', duration(s.handleSeconds.p50)],
    ['csat', csat],
  ];
  byId('figures').replaceChildren(
    ...rows.map(([key, value]) =>
      el('div', { 'data-figure': key }, [el('dt', { text: t(`figures.${key}`) }), el('dd', { text: value })]),
    ),
  );
}

function showLogin(visible: boolean): void {
  byId('login').hidden = !visible;
  byId('reports').hidden = visible;
}

function handleError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401) {
    tokens.clear();
    token = null;
    showLogin(true);
    return status.show(t('page.unauthorized'), 'error');
  }
  if (err instanceof ApiError && err.status === 403) return status.show(t('page.forbidden'), 'error');
  if (err instanceof ApiError)
    return status.show(t('page.error', { message: err.serverMessage ?? err.message }), 'error');
  status.show(t('page.offline'), 'error');
}

function currentQuery(): string | null {
  const query = periodQuery(byId('from', HTMLInputElement).value, byId('to', HTMLInputElement).value);
  if (!query) status.show(t('page.badPeriod'), 'error');
  return query;
}

async function load(): Promise<void> {
  const query = currentQuery();
  if (!query) return;
  status.show(t('page.loading'));
  try {
    const summary = await api<ReportSummary>('GET', `/api/reports/summary?${query}`);
    showLogin(false);
    showFigures(summary);
    charts.show(summary, {
      conversations: t('charts.conversations'),
      handoffs: t('charts.handoffs'),
      abandoned: t('charts.abandoned'),
      category: (id) => texts.lookup(`category.${id}`) ?? id,
      day: (date) => dayLabel.format(new Date(`${date}T00:00:00Z`)),
    });
    const time = new Date().toLocaleTimeString(texts.language, { hour: '2-digit', minute: '2-digit' });
    status.show(t('page.loaded', { time }), 'ok');
  } catch (err) {
    handleError(err);
  }
}

/** The CSV comes with the bearer token, so it is fetched here and handed to the browser as a file. */
async function downloadCsv(): Promise<void> {
  const query = currentQuery();
  if (!query) return;
  try {
    const res = await fetch(`/api/reports/handoffs.csv?${query}`, {
      headers: { authorization: `Bearer ${token ?? ''}` },
    });
    if (!res.ok) throw new ApiError(res.status, res.statusText, undefined);
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'handoffs.csv';
    const url = URL.createObjectURL(await res.blob());
    const link = el('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (err) {
    handleError(err);
  }
}

async function main(): Promise<void> {
  await texts.load(`/agent/reports/i18n/${texts.language}`);
  texts.apply('page.title');
  const today = new Date();
  const start = new Date(today);
  start.setDate(start.getDate() - (DEFAULT_DAYS - 1));
  byId('from', HTMLInputElement).value = dayValue(start);
  byId('to', HTMLInputElement).value = dayValue(today);
  byId('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    token = byId('token', HTMLInputElement).value.trim();
    tokens.set(token);
    void load();
  });
  byId('period').addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  byId('csv').addEventListener('click', () => void downloadCsv());
  if (!token) return showLogin(true);
  await load();
}

void main();
