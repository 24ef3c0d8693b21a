import { byId, el, tableHead } from '../shared/dom';
import { lines, type AdminContext } from './context';
import type { FaqEntry, Versioned } from './types';

/** The knowledge base: search, list, edit (supervisors the answers only), add and delete entries. */
export class FaqView {
  /** Loads started so far: only the newest one draws the list (an older one may answer last). */
  private loads = 0;

  constructor(private readonly ctx: AdminContext) {}

  /** Fills the category selects of the list filter and the form from the server's categories. */
  fillCategories(): void {
    const { t } = this.ctx;
    const filter = byId('faq-category', HTMLSelectElement);
    const form = byId('faq-form-category', HTMLSelectElement);
    filter.replaceChildren(el('option', { value: '', text: t('faq.allCategories') }));
    form.replaceChildren();
    for (const c of this.ctx.state.meta.faqCategories) {
      filter.appendChild(el('option', { value: c, text: t(`categories.${c}`) }));
      form.appendChild(el('option', { value: c, text: t(`categories.${c}`) }));
    }
  }

  async load(): Promise<void> {
    const load = ++this.loads;
    const query = new URLSearchParams();
    const q = byId('faq-search', HTMLInputElement).value.trim();
    const category = byId('faq-category', HTMLSelectElement).value;
    if (q) query.set('q', q);
    if (category) query.set('category', category);
    const result = await this.ctx.api<{ items: FaqEntry[] }>(
      'GET',
      `/api/admin/faq${query.toString() ? `?${query.toString()}` : ''}`,
    );
    if (!q && !category) this.ctx.state.faq = result.items;
    // The whole list, asked for when the page opened, must not replace the search typed meanwhile.
    if (load === this.loads) this.renderList(result.items);
  }

  private renderList(items: FaqEntry[]): void {
    const { t } = this.ctx;
    const table = byId('faq-list', HTMLTableElement);
    for (const child of Array.from(table.children)) {
      if (child.tagName !== 'CAPTION') table.removeChild(child);
    }
    const headers = [t('faq.question'), t('faq.category'), t('faq.state'), ''];
    table.appendChild(tableHead(headers));
    table.appendChild(
      el(
        'tbody',
        {},
        items.map((entry) =>
          el('tr', { className: entry.active ? '' : 'inactive', 'data-id': entry.id }, [
            el('td', { text: entry.questions.de[0] || entry.key || entry.id }),
            el('td', { text: t(`categories.${entry.category}`) }),
            el('td', { text: entry.active ? t('faq.isActive') : t('faq.isInactive') }),
            el('td', {}, [
              el('button', {
                type: 'button',
                className: 'secondary',
                'aria-label': t('faq.editEntry', { question: entry.questions.de[0] || entry.id }),
                text: t('faq.edit'),
                onclick: () => this.edit(entry),
              }),
            ]),
          ]),
        ),
      ),
    );
    if (items.length === 0)
      table.appendChild(el('tbody', {}, [el('tr', {}, [el('td', { colspan: '4', text: t('faq.none') })])]));
  }

  /** Opens the form for an entry, or empty for a new one. */
  edit(entry: FaqEntry | null): void {
    const { t } = this.ctx;
    this.ctx.state.faqEditing = entry;
    byId('faq-form').hidden = false;
    byId('faq-form-title').textContent = entry ? t('faq.editTitle') : t('faq.addTitle');
    byId('faq-questions-de', HTMLTextAreaElement).value = entry ? entry.questions.de.join('\n') : '';
    byId('faq-questions-en', HTMLTextAreaElement).value = entry ? entry.questions.en.join('\n') : '';
    byId('faq-answer-de', HTMLTextAreaElement).value = entry ? entry.answer.de : '';
    byId('faq-answer-en', HTMLTextAreaElement).value = entry ? entry.answer.en : '';
    byId('faq-form-category', HTMLSelectElement).value = entry ? entry.category : 'general';
    byId('faq-active', HTMLInputElement).checked = entry ? entry.active : true;
    const locked = !this.ctx.isAdmin();
    byId('faq-questions-de', HTMLTextAreaElement).disabled = locked;
    byId('faq-questions-en', HTMLTextAreaElement).disabled = locked;
    byId('faq-form-category', HTMLSelectElement).disabled = locked;
    byId('faq-active', HTMLInputElement).disabled = locked;
    byId('faq-delete').hidden = !this.ctx.isAdmin() || !entry;
    byId('faq-answer-de').focus();
  }

  close(): void {
    byId('faq-form').hidden = true;
    this.ctx.state.faqEditing = null;
  }

  async save(event: Event): Promise<void> {
    event.preventDefault();
    const { state, api, t } = this.ctx;
    const entry = state.faqEditing;
    const body: Record<string, unknown> = {
      answer: {
        de: byId('faq-answer-de', HTMLTextAreaElement).value,
        en: byId('faq-answer-en', HTMLTextAreaElement).value,
      },
    };
    if (this.ctx.isAdmin()) {
      body.questions = {
        de: lines(byId('faq-questions-de', HTMLTextAreaElement).value),
        en: lines(byId('faq-questions-en', HTMLTextAreaElement).value),
      };
      body.category = byId('faq-form-category', HTMLSelectElement).value;
      body.active = byId('faq-active', HTMLInputElement).checked;
    }
    try {
      const saved = entry
        ? await api<FaqEntry & Versioned>('PUT', `/api/admin/faq/${entry.id}`, body)
        : await api<FaqEntry & Versioned>('POST', '/api/admin/faq', body);
      state.faqEditing = saved;
      this.ctx.status.show(saved.versionId ? t('status.published') : t('status.unchanged'), 'ok');
      state.faq = [];
      await this.load();
    } catch (err) {
      this.ctx.failed(err);
    }
  }

  async remove(): Promise<void> {
    const { state, api, t } = this.ctx;
    const entry = state.faqEditing;
    if (!entry || !confirm(t('faq.confirmDelete'))) return;
    try {
      await api('DELETE', `/api/admin/faq/${entry.id}`);
      this.close();
      this.ctx.status.show(t('status.deleted'), 'ok');
      await this.load();
    } catch (err) {
      this.ctx.failed(err);
    }
  }
}
