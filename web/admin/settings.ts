import { byId, clear, el, maybeById } from '../shared/dom';
import { lines, type AdminContext } from './context';
import type { Settings, Versioned, WeekdayHours } from './types';

/** Monday (1) to Sunday (7), the keys of the weekly business hours. */
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  input.id = id;
  return el('div', { className: 'field' }, [
    el('label', { for: id, text: label }),
    input,
    hint ? el('p', { className: 'hint', text: hint }) : null,
  ]);
}

function inputValue(id: string): string {
  return byId(id, HTMLInputElement).value;
}

/** Company and bot name, frustration thresholds, callback offer and business hours. */
export class SettingsView {
  constructor(private readonly ctx: AdminContext) {}

  async load(): Promise<void> {
    const { state, api } = this.ctx;
    if (!state.settings || !state.settingsDirty)
      state.settings = (await api<{ settings: Settings }>('GET', '/api/admin/settings')).settings;
    this.render();
  }

  /** Whether the form is drawn (the preview takes unpublished settings from it). */
  isDrawn(): boolean {
    return maybeById('set-company', HTMLInputElement) !== null;
  }

  render(): void {
    const s = this.ctx.state.settings;
    const form = byId('settings-form', HTMLFormElement);
    clear(form);
    if (!s) return;
    const { t } = this.ctx;
    const onChange = () => {
      this.ctx.state.settingsDirty = true;
      this.ctx.status.show(t('status.unpublished'));
    };
    form.appendChild(
      el('fieldset', {}, [
        el('legend', { text: t('settings.identity') }),
        field(
          'set-company',
          t('settings.companyName'),
          el('input', { value: s.companyName, maxlength: 80, required: true, oninput: onChange }),
        ),
        field(
          'set-bot',
          t('settings.botName'),
          el('input', { value: s.botName, maxlength: 40, required: true, oninput: onChange }),
        ),
        field('set-tz', t('settings.timeZone'), el('input', { value: s.timeZone, oninput: onChange })),
      ]),
    );
    const number = (attrs: Record<string, string>, value: number) =>
      el('input', { type: 'number', ...attrs, value: String(value), oninput: onChange });
    form.appendChild(
      el('fieldset', {}, [
        el('legend', { text: t('settings.escalation') }),
        field(
          'set-annoyed',
          t('settings.annoyed'),
          number({ step: '0.05', min: '0.05', max: '0.95' }, s.frustration.annoyed),
          t('settings.thresholdHint'),
        ),
        field('set-irate', t('settings.irate'), number({ step: '0.05', min: '0.1', max: '1' }, s.frustration.irate)),
        field(
          'set-words',
          t('settings.triggerWords'),
          el('textarea', { rows: '3', value: s.frustration.extraTriggerWords.join('\n'), oninput: onChange }),
          t('settings.onePerLine'),
        ),
        field(
          'set-callback',
          t('settings.callbackAfter'),
          number({ min: '1', max: '240' }, s.callbackOfferAfterMinutes),
        ),
      ]),
    );
    const hours = el('fieldset', {}, [el('legend', { text: t('settings.businessHours') })]);
    for (const day of WEEKDAYS) {
      const span = s.businessHours.weekly[day];
      const dayName = t(`settings.days.${day}`);
      hours.appendChild(
        el('div', { className: 'day' }, [
          el('input', { type: 'checkbox', id: `set-open-${day}`, checked: !!span, onchange: onChange }),
          el('label', { for: `set-open-${day}`, text: dayName }),
          el('input', {
            type: 'time',
            id: `set-from-${day}`,
            value: span ? span[0] : '08:00',
            'aria-label': t('settings.from', { day: dayName }),
            oninput: onChange,
          }),
          el('input', {
            type: 'text',
            id: `set-to-${day}`,
            value: span ? span[1] : '20:00',
            pattern: '([01]\\d|2[0-3]):[0-5]\\d|24:00',
            'aria-label': t('settings.to', { day: dayName }),
            oninput: onChange,
          }),
        ]),
      );
    }
    hours.appendChild(
      field(
        'set-holidays',
        t('settings.holidays'),
        el('textarea', { rows: '4', value: s.businessHours.holidays.join('\n'), oninput: onChange }),
        t('settings.holidaysHint'),
      ),
    );
    form.appendChild(hours);
    form.appendChild(el('div', { className: 'actions' }, [el('button', { type: 'submit', text: t('settings.save') })]));
  }

  /** The settings as the form shows them now. */
  fromForm(): Settings {
    const weekly: Record<string, WeekdayHours> = {};
    for (const day of WEEKDAYS) {
      weekly[day] = byId(`set-open-${day}`, HTMLInputElement).checked
        ? [inputValue(`set-from-${day}`), inputValue(`set-to-${day}`)]
        : null;
    }
    return {
      companyName: inputValue('set-company'),
      botName: inputValue('set-bot'),
      timeZone: inputValue('set-tz'),
      frustration: {
        annoyed: Number(inputValue('set-annoyed')),
        irate: Number(inputValue('set-irate')),
        extraTriggerWords: lines(byId('set-words', HTMLTextAreaElement).value),
      },
      businessHours: { weekly, holidays: lines(byId('set-holidays', HTMLTextAreaElement).value) },
      callbackOfferAfterMinutes: Number(inputValue('set-callback')),
    };
  }

  async save(event: Event): Promise<void> {
    event.preventDefault();
    const { state, api, t } = this.ctx;
    try {
      const saved = await api<{ settings: Settings } & Versioned>('PUT', '/api/admin/settings', this.fromForm());
      state.settings = saved.settings;
      state.settingsDirty = false;
      this.render();
      this.ctx.status.show(saved.versionId ? t('status.published') : t('status.unchanged'), 'ok');
    } catch (err) {
      this.ctx.failed(err);
    }
  }
}
