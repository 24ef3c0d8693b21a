import { byId, clear, el, valueOf, type Attrs, tableHead } from '../shared/dom';
import type { AdminContext } from './context';
import { TARGET_KINDS, type Menu, type MenuOption, type Menus, type Versioned } from './types';

type Choice = string | { value: string; label: string };

/** A select of choices (a plain string is value and label at once) with value selected. */
export function select(options: readonly Choice[], value: string | undefined, attrs: Attrs): HTMLSelectElement {
  return el(
    'select',
    attrs,
    options.map((o) => {
      const v = typeof o === 'string' ? o : o.value;
      return el('option', {
        value: v,
        selected: v === value ? 'selected' : null,
        text: typeof o === 'string' ? o : o.label,
      });
    }),
  );
}

/** The menu editor: order, digits, labels and targets of the phone/WhatsApp menus, and submenus. */
export class MenuView {
  constructor(private readonly ctx: AdminContext) {}

  async load(): Promise<void> {
    const { state, api } = this.ctx;
    if (!state.menus || !state.menuDirty) state.menus = (await api<{ menus: Menus }>('GET', '/api/admin/menu')).menus;
    if (state.faq.length === 0) state.faq = (await api<{ items: typeof state.faq }>('GET', '/api/admin/faq')).items;
    this.render();
  }

  /** Adds the submenu named in #menu-new-id. */
  addMenu(): void {
    const input = byId('menu-new-id', HTMLInputElement);
    const id = input.value.trim();
    const menus = this.ctx.state.menus;
    if (!menus || !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(id) || menus[id])
      return this.ctx.status.show(this.ctx.t('menu.badId'), 'error');
    menus[id] = { id, options: [] };
    input.value = '';
    this.changed();
    this.render();
  }

  async save(): Promise<void> {
    const { state, api } = this.ctx;
    try {
      const saved = await api<{ menus: Menus } & Versioned>('PUT', '/api/admin/menu', { menus: state.menus });
      state.menus = saved.menus;
      state.menuDirty = false;
      this.render();
      this.ctx.status.show(saved.versionId ? this.ctx.t('status.published') : this.ctx.t('status.unchanged'), 'ok');
    } catch (err) {
      this.ctx.failed(err);
    }
  }

  private changed(): void {
    this.ctx.state.menuDirty = true;
    this.ctx.status.show(this.ctx.t('status.unpublished'));
  }

  private otherMenus(menuId: string): string[] {
    return Object.keys(this.ctx.state.menus ?? {}).filter((id) => id !== menuId);
  }

  private targetEditor(option: MenuOption, menuId: string): HTMLElement {
    const { state, t } = this.ctx;
    const target = option.target;
    const meta = state.meta;
    const wrap = el('div', { className: 'target' });
    const kind = select(
      TARGET_KINDS.map((k) => ({ value: k, label: t(`menu.kinds.${k}`) })),
      target.kind,
      {
        'aria-label': t('menu.targetKind'),
        onchange: () => {
          const k = kind.value;
          const firstFaq = state.faq[0];
          if (k === 'dialog') option.target = { kind: 'dialog', dialog: 'general' };
          if (k === 'faq') option.target = { kind: 'faq', faqId: firstFaq ? firstFaq.key || firstFaq.id : '' };
          if (k === 'submenu') option.target = { kind: 'submenu', menuId: this.otherMenus(menuId)[0] || '' };
          if (k === 'handoff') option.target = { kind: 'handoff', priority: 'normal', category: 'other' };
          this.changed();
          this.render();
        },
      },
    );
    wrap.appendChild(kind);
    if (target.kind === 'dialog') {
      const dialogs = meta.menuDialogs.map((d) => ({ value: d, label: t(`menu.dialogs.${d}`) }));
      wrap.appendChild(
        select(dialogs, target.dialog, {
          'aria-label': t('menu.kinds.dialog'),
          onchange: (e) => {
            target.dialog = valueOf(e);
            this.changed();
          },
        }),
      );
    } else if (target.kind === 'faq') {
      const entries = state.faq
        .filter((f) => f.active)
        .map((f) => ({ value: f.key || f.id, label: (f.questions.de[0] || f.id).slice(0, 60) }));
      wrap.appendChild(
        select(entries, target.faqId, {
          'aria-label': t('menu.kinds.faq'),
          onchange: (e) => {
            target.faqId = valueOf(e);
            this.changed();
          },
        }),
      );
    } else if (target.kind === 'submenu') {
      wrap.appendChild(
        select(this.otherMenus(menuId), target.menuId, {
          'aria-label': t('menu.kinds.submenu'),
          onchange: (e) => {
            target.menuId = valueOf(e);
            this.changed();
          },
        }),
      );
    } else {
      const priorities = meta.menuHandoffPriorities.map((p) => ({ value: p, label: t(`menu.priorities.${p}`) }));
      wrap.appendChild(
        select(priorities, target.priority, {
          'aria-label': t('menu.priority'),
          onchange: (e) => {
            target.priority = valueOf(e);
            this.changed();
          },
        }),
      );
      const categories = meta.intents.map((c) => ({ value: c, label: t(`categories.${c}`) }));
      wrap.appendChild(
        select(categories, target.category || 'other', {
          'aria-label': t('faq.category'),
          onchange: (e) => {
            target.category = valueOf(e);
            this.changed();
          },
        }),
      );
    }
    return wrap;
  }

  private optionRow(menu: Menu, option: MenuOption, index: number, menuId: string): HTMLTableRowElement {
    const { t } = this.ctx;
    const input = (label: string, max: number, value: string, set: (value: string) => void) =>
      el('input', {
        value,
        maxlength: max,
        'aria-label': `${label} (${index + 1})`,
        oninput: (e) => {
          set(valueOf(e));
          this.changed();
        },
      });
    const move = (delta: number) => () => {
      const to = index + delta;
      if (to < 0 || to >= menu.options.length) return;
      menu.options.splice(to, 0, menu.options.splice(index, 1)[0]);
      this.changed();
      this.render();
    };
    const remove = () => {
      menu.options.splice(index, 1);
      this.changed();
      this.render();
    };
    const icon = (key: string, className: string, onclick: () => void, text: string) =>
      el('button', { type: 'button', className, 'aria-label': t(key), title: t(key), onclick, text });
    return el('tr', {}, [
      el('td', {}, [input(t('menu.digit'), 1, option.digit, (v) => (option.digit = v))]),
      el('td', {}, [input(t('menu.labelDe'), 24, option.label.de, (v) => (option.label.de = v))]),
      el('td', {}, [input(t('menu.labelEn'), 24, option.label.en, (v) => (option.label.en = v))]),
      el('td', {}, [this.targetEditor(option, menuId)]),
      el('td', {}, [input(t('menu.optionId'), 40, option.id, (v) => (option.id = v))]),
      el('td', { className: 'row-actions' }, [
        icon('menu.up', 'icon', move(-1), '↑'),
        icon('menu.down', 'icon', move(1), '↓'),
        icon('menu.remove', 'icon danger', remove, '✕'),
      ]),
    ]);
  }

  render(): void {
    const menus = this.ctx.state.menus;
    const root = byId('menu-editor');
    clear(root);
    if (!menus) return;
    const { t } = this.ctx;
    for (const [menuId, menu] of Object.entries(menus)) {
      const headers = [t('menu.digit'), t('menu.labelDe'), t('menu.labelEn'), t('menu.target'), t('menu.optionId'), ''];
      root.appendChild(
        el('table', { className: 'grid menu' }, [
          el('caption', { text: menuId === 'main' ? t('menu.main') : t('menu.submenu', { id: menuId }) }),
          tableHead(headers),
          el(
            'tbody',
            {},
            menu.options.map((option, index) => this.optionRow(menu, option, index, menuId)),
          ),
        ]),
      );
      const addOption = () => {
        const used = menu.options.map((o) => o.digit);
        const digit = '1234567890'.split('').filter((d) => !used.includes(d))[0] || '';
        menu.options.push({
          id: `option-${menu.options.length + 1}`,
          digit,
          label: { de: '', en: '' },
          target: { kind: 'dialog', dialog: 'general' },
        });
        this.changed();
        this.render();
      };
      const removeMenu = () => {
        delete menus[menuId];
        this.changed();
        this.render();
      };
      root.appendChild(
        el('div', { className: 'actions' }, [
          el('button', { type: 'button', className: 'secondary', text: t('menu.addOption'), onclick: addOption }),
          menuId === 'main'
            ? null
            : el('button', { type: 'button', className: 'danger', text: t('menu.removeMenu'), onclick: removeMenu }),
        ]),
      );
    }
  }
}
