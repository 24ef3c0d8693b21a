import { byId, clear, el } from '../shared/dom';
import { lines, type AdminContext } from './context';
import type { SettingsView } from './settings';
import { LANGS, type PreviewTurn } from './types';

/** A conversation with the admin's unpublished draft; nothing is published or stored. */
export class PreviewView {
  constructor(
    private readonly ctx: AdminContext,
    private readonly settings: SettingsView,
  ) {}

  private draft(): Record<string, unknown> {
    const { state } = this.ctx;
    const draft: Record<string, unknown> = {};
    if (byId('preview-tr', HTMLInputElement).checked) {
      const translations: Record<string, unknown> = {};
      for (const lng of LANGS) {
        const d = this.ctx.trDraft(lng);
        if (d) translations[lng] = d;
      }
      if (Object.keys(translations).length) draft.translations = translations;
    }
    if (byId('preview-menu', HTMLInputElement).checked && state.menuDirty && state.menus) draft.menus = state.menus;
    if (byId('preview-settings', HTMLInputElement).checked && state.settingsDirty && this.settings.isDrawn())
      draft.settings = this.settings.fromForm();
    return draft;
  }

  async run(event: Event): Promise<void> {
    event.preventDefault();
    const { api, t } = this.ctx;
    const draft = this.draft();
    const chat = byId('preview-chat');
    clear(chat);
    try {
      const result = await api<{ turns: PreviewTurn[] }>('POST', '/api/admin/preview', {
        draft,
        messages: lines(byId('preview-messages', HTMLTextAreaElement).value),
        language: byId('preview-language', HTMLSelectElement).value,
      });
      for (const turn of result.turns) {
        if (turn.message !== null)
          chat.appendChild(
            el('li', { className: 'customer' }, [
              el('span', { className: 'sr-only', text: `${t('preview.customer')}: ` }),
              turn.message,
            ]),
          );
        for (const reply of turn.replies) {
          chat.appendChild(
            el('li', { className: 'bot' }, [
              el('span', { className: 'sr-only', text: `${t('preview.bot')}: ` }),
              el('span', { className: 'text', text: reply.text }),
              reply.choices.length
                ? el(
                    'span',
                    { className: 'choices' },
                    reply.choices.map((c) => el('span', { className: 'chip', text: c })),
                  )
                : null,
            ]),
          );
        }
      }
      this.ctx.status.show(t('preview.done'), 'ok');
    } catch (err) {
      this.ctx.failed(err);
    }
  }
}
