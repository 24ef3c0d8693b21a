import { byId, clear, el, valueOf, tableHead } from '../shared/dom';
import { flatten, type AdminContext } from './context';
import { LANGS, type FlatLayers, type Lang, type TranslationLayers } from './types';

const MAX_ROWS = 150;

interface CellStatus {
  dirty: boolean;
  missing: boolean;
  overridden: boolean;
}

function has(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** German and English texts side by side: search, filter, edit, reset to shipped, publish. */
export class TranslationsView {
  /** The search the table was last drawn for. */
  private drawnFor: string | undefined;

  constructor(private readonly ctx: AdminContext) {}

  /**
   * After typing in the search: draws the table unless it already shows this search (the load that
   * finished meanwhile drew it). Drawing again would replace the text box an admin has begun to edit.
   */
  searchChanged(): void {
    if (this.needle() !== this.drawnFor) this.render();
  }

  /** The search as the table filters by it. */
  private needle(): string {
    return byId('tr-search', HTMLInputElement).value.trim().toLowerCase();
  }

  private layers(lng: Lang): FlatLayers {
    const layers = this.ctx.state.tr[lng];
    if (!layers) throw new Error('translations are not loaded');
    return layers;
  }

  async load(): Promise<void> {
    const { state, api, t } = this.ctx;
    const both = await Promise.all(
      LANGS.map((lng) => api<TranslationLayers>('GET', `/api/admin/translations/${lng}?layer=all`)),
    );
    LANGS.forEach((lng, i) => {
      state.tr[lng] = {
        shipped: flatten(both[i].shipped),
        overrides: flatten(both[i].overrides),
        effective: flatten(both[i].effective),
      };
    });
    const nsSelect = byId('tr-ns', HTMLSelectElement);
    // The customer conversation is what admins edit most; start there.
    const current = state.trNsChosen ? nsSelect.value : 'conversation';
    state.trNsChosen = true;
    clear(nsSelect);
    nsSelect.appendChild(el('option', { value: '', text: t('translations.allNamespaces') }));
    for (const ns of Object.keys(both[0].shipped)) {
      nsSelect.appendChild(el('option', { value: ns, text: ns, selected: ns === current ? 'selected' : null }));
    }
    this.render();
  }

  private keys(): string[] {
    const keys = new Set<string>();
    for (const lng of LANGS) Object.keys(this.layers(lng).shipped).forEach((k) => keys.add(k));
    return Array.from(keys).sort();
  }

  private currentText(lng: Lang, key: string): string | undefined {
    const edits = this.ctx.state.trEdits[lng];
    const layers = this.layers(lng);
    if (has(edits, key)) return edits[key] ?? layers.shipped[key];
    return layers.effective[key];
  }

  private rowStatus(key: string): Record<Lang, CellStatus> {
    const status = (lng: Lang): CellStatus => {
      const edits = this.ctx.state.trEdits[lng];
      const layers = this.layers(lng);
      const dirty = has(edits, key);
      const text = this.currentText(lng, key);
      return {
        dirty,
        missing: layers.shipped[key] === undefined || !text,
        overridden: dirty ? edits[key] !== null && text !== layers.shipped[key] : has(layers.overrides, key),
      };
    };
    return { de: status('de'), en: status('en') };
  }

  render(): void {
    if (!this.ctx.state.tr.de) return;
    const { t } = this.ctx;
    const needle = this.needle();
    this.drawnFor = needle;
    const ns = byId('tr-ns', HTMLSelectElement).value;
    const onlyChanged = byId('tr-only-changed', HTMLInputElement).checked;
    const matching = this.keys().filter((key) => {
      if (ns && key.split('.')[0] !== ns) return false;
      const st = this.rowStatus(key);
      const marked = LANGS.some((lng) => st[lng].overridden || st[lng].missing || st[lng].dirty);
      if (onlyChanged && !marked) return false;
      if (!needle) return true;
      return (
        key.toLowerCase().includes(needle) ||
        LANGS.some((lng) => (this.currentText(lng, key) || '').toLowerCase().includes(needle))
      );
    });
    const table = byId('tr-table', HTMLTableElement);
    clear(table);
    table.appendChild(el('caption', { className: 'sr-only', text: t('translations.title') }));
    const headers = [t('translations.key'), t('translations.german'), t('translations.english')];
    table.appendChild(tableHead(headers));
    table.appendChild(
      el(
        'tbody',
        {},
        matching.slice(0, MAX_ROWS).map((key) => this.row(key)),
      ),
    );
    byId('tr-count').textContent =
      matching.length > MAX_ROWS
        ? t('translations.tooMany', { shown: MAX_ROWS, total: matching.length })
        : t('translations.count', { count: matching.length });
  }

  private row(key: string): HTMLTableRowElement {
    const { state, t } = this.ctx;
    const cell = (lng: Lang) => {
      const s = this.rowStatus(key)[lng];
      const shipped = this.layers(lng).shipped[key];
      const text = this.currentText(lng, key) || '';
      const classes = [s.overridden ? 'overridden' : '', s.missing ? 'missing' : '', s.dirty ? 'dirty' : '']
        .join(' ')
        .trim();
      const area = el('textarea', {
        'data-lang': lng,
        rows: String(Math.min(6, Math.max(1, Math.ceil((text.length || 1) / 60)))),
        'aria-label': `${key} (${t(lng === 'de' ? 'translations.german' : 'translations.english')})`,
        value: text,
        disabled: shipped === undefined ? 'disabled' : null,
        oninput: (e) => {
          state.trEdits[lng][key] = valueOf(e);
          area.parentElement?.classList.add('dirty');
        },
      });
      const reset = () => {
        state.trEdits[lng][key] = null;
        this.render();
      };
      const notes: HTMLElement[] = [];
      if (s.overridden)
        notes.push(el('button', { type: 'button', className: 'link', text: t('translations.reset'), onclick: reset }));
      if (s.overridden)
        notes.push(el('span', { className: 'shipped', text: t('translations.shipped', { text: shipped || '' }) }));
      if (s.missing) notes.push(el('span', { className: 'badge', text: t('translations.missing') }));
      return el('td', { className: classes }, [area, ...notes]);
    };
    return el('tr', { 'data-key': key }, [
      el('th', { scope: 'row' }, [el('code', { text: key })]),
      cell('de'),
      cell('en'),
    ]);
  }

  async save(): Promise<void> {
    const { state, api, t } = this.ctx;
    try {
      let changed = false;
      for (const lng of LANGS) {
        const draft = this.ctx.trDraft(lng);
        if (!draft) continue;
        changed = true;
        await api('PUT', `/api/admin/translations/${lng}`, draft);
        state.trEdits[lng] = {};
      }
      await this.load();
      this.ctx.status.show(changed ? t('status.published') : t('status.unchanged'), 'ok');
    } catch (err) {
      this.ctx.failed(err);
    }
  }
}
