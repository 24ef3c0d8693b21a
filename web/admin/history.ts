import { byId, clear, el, tableHead } from '../shared/dom';
import { formatTime, type AdminContext } from './context';
import type { HistoryItem, Versioned } from './types';

type RollbackTo = 'before' | 'after';

/** Every published change, newest first, with undo (back to before) and restore (to after). */
export class HistoryView {
  constructor(private readonly ctx: AdminContext) {}

  /** Fills the kind filter from the server's content kinds. */
  fillKinds(): void {
    const { t } = this.ctx;
    const kinds = byId('history-kind', HTMLSelectElement);
    kinds.replaceChildren(el('option', { value: '', text: t('history.allKinds') }));
    for (const k of this.ctx.state.meta.contentKinds)
      kinds.appendChild(el('option', { value: k, text: t(`history.kinds.${k}`) }));
  }

  async load(): Promise<void> {
    const { api, t } = this.ctx;
    const kind = byId('history-kind', HTMLSelectElement).value;
    const result = await api<{ items: HistoryItem[] }>(
      'GET',
      `/api/admin/history?limit=100${kind ? `&kind=${encodeURIComponent(kind)}` : ''}`,
    );
    const table = byId('history-list', HTMLTableElement);
    clear(table);
    table.appendChild(el('caption', { className: 'sr-only', text: t('history.title') }));
    const headers = [t('history.when'), t('history.who'), t('history.what'), t('history.details'), ''];
    table.appendChild(tableHead(headers));
    table.appendChild(
      el(
        'tbody',
        {},
        result.items.map((v) => this.row(v)),
      ),
    );
  }

  private row(v: HistoryItem): HTMLTableRowElement {
    const { t } = this.ctx;
    const rollback = (to: RollbackTo) => () => void this.rollback(v, to);
    return el('tr', {}, [
      el('td', { text: formatTime(v.at) }),
      el('td', { text: `${v.by.name} (${t(`roles.${v.by.role}`)})` }),
      el('td', { text: `${t(`history.kinds.${v.kind}`)} · ${v.target} · ${t(`history.actions.${v.action}`)}` }),
      el('td', {}, [
        el('details', {}, [
          el('summary', { text: t('history.show') }),
          el('div', { className: 'diff' }, [
            el('div', {}, [
              el('h4', { text: t('history.before') }),
              el('pre', { text: JSON.stringify(v.before, null, 2) }),
            ]),
            el('div', {}, [
              el('h4', { text: t('history.after') }),
              el('pre', { text: JSON.stringify(v.after, null, 2) }),
            ]),
          ]),
        ]),
      ]),
      el('td', { className: 'row-actions' }, [
        el('button', { type: 'button', className: 'secondary', text: t('history.undo'), onclick: rollback('before') }),
        el('button', {
          type: 'button',
          className: 'secondary',
          text: t('history.restore'),
          onclick: rollback('after'),
        }),
      ]),
    ]);
  }

  private async rollback(v: HistoryItem, to: RollbackTo): Promise<void> {
    const { state, api, t } = this.ctx;
    if (!confirm(to === 'before' ? t('history.confirmUndo') : t('history.confirmRestore'))) return;
    try {
      const done = await api<Versioned>('POST', `/api/admin/history/${v.id}/rollback`, { to });
      this.ctx.status.show(done.versionId ? t('status.rolledBack') : t('status.unchanged'), 'ok');
      // What was rolled back is read again when its view opens.
      state.menus = null;
      state.settings = null;
      state.menuDirty = false;
      state.settingsDirty = false;
      await this.load();
    } catch (err) {
      this.ctx.failed(err);
    }
  }
}
