import { byId, el } from '../shared/dom';
import type { Texts } from '../shared/texts';
import type { ConversationLine, HandoffDetail, HandoffItem, Me, Note, Stats } from './types';

/** Statuses after which the conversation is over. */
const ENDED = ['resolved', 'cancelled', 'abandoned'];

export interface CaseActions {
  claim(id: string, button: HTMLButtonElement): void;
  open(id: string): void;
}

/** Draws the desk from the handoff API's answers; labels come from the "agent" locale namespace. */
export class DeskRenderer {
  constructor(private readonly texts: Texts) {}

  private label(key: string, fallback: string): string {
    return this.texts.lookup(key) ?? fallback;
  }

  duration(seconds: number | null | undefined): string {
    const { texts } = this;
    if (seconds === null || seconds === undefined) return texts.t('desk.none');
    if (seconds < 60) return texts.t('desk.seconds', { count: Math.max(0, Math.round(seconds)) });
    return texts.t('desk.minutes', { count: Math.floor(seconds / 60) });
  }

  /** WhatsApp's 24-hour reply window: after it only a template reaches the customer. */
  private windowLeft(closesAt: string): string {
    const minutes = Math.floor((Date.parse(closesAt) - Date.now()) / 60000);
    if (minutes <= 0) return this.texts.t('desk.windowClosed');
    if (minutes >= 120) return this.texts.t('desk.windowClosesHours', { hours: Math.floor(minutes / 60) });
    return this.texts.t('desk.windowCloses', { minutes });
  }

  private categoryName(item: HandoffItem): string {
    return this.label(`category.${item.category}`, item.category);
  }

  private priorityName(item: HandoffItem): string {
    return this.label(`priority.${item.priorityName}`, item.priorityName);
  }

  private moodName(item: HandoffItem): string {
    return this.label(`mood.${item.frustration?.level || 0}`, '');
  }

  private channelName(channel: string): string {
    return this.label(`channel.${channel}`, channel);
  }

  figures(stats: Stats): void {
    const { t } = this.texts;
    byId('fig-waiting').textContent = String(stats.waitingNow);
    byId('fig-longest').textContent = stats.waitingNow ? this.duration(stats.longestWaitSeconds) : t('desk.none');
    byId('fig-today').textContent = String(stats.handoffsToday);
    byId('fig-claim').textContent = this.duration(stats.averageTimeToClaimSeconds);
    byId('fig-satisfaction').textContent =
      stats.satisfactionAverage === null
        ? t('desk.none')
        : `${stats.satisfactionAverage.toFixed(1).replace('.', ',')} / 5 (${stats.satisfactionCount})`;
  }

  private caseItem(
    item: HandoffItem,
    withClaim: boolean,
    selectedId: string | null,
    actions: CaseActions,
  ): HTMLLIElement {
    const { t } = this.texts;
    const li = el('li', {
      className: `case p${item.priority}${item.id === selectedId ? ' selected' : ''}`,
      'data-id': item.id,
    });
    const customer = item.customer.name ? ` – ${item.customer.name}` : '';
    li.appendChild(
      el('h3', {}, [
        el('span', { className: `badge p${item.priority}`, text: this.priorityName(item) }),
        this.categoryName(item) + customer,
      ]),
    );
    const meta = [this.duration(item.waitingSeconds), this.moodName(item), this.channelName(item.customer.channel)];
    if (item.agent && item.status === 'assigned') meta.push(t('desk.assignedTo', { name: item.agent.name }));
    if (item.windowClosesAt) meta.push(this.windowLeft(item.windowClosesAt));
    li.appendChild(el('p', { className: 'meta', text: meta.filter(Boolean).join(' · ') }));
    if (item.summary?.text) li.appendChild(el('p', { className: 'summary', text: item.summary.text }));
    const buttons = el('div', { className: 'buttons' });
    if (withClaim) {
      const claim = el('button', {
        type: 'button',
        'aria-label': `${t('desk.claim')}: ${this.categoryName(item)}`,
        text: t('desk.claim'),
        onclick: () => actions.claim(item.id, claim),
      });
      buttons.appendChild(claim);
    } else {
      buttons.appendChild(
        el('button', {
          type: 'button',
          className: 'secondary',
          text: t('desk.conversation'),
          onclick: () => actions.open(item.id),
        }),
      );
    }
    li.appendChild(buttons);
    return li;
  }

  list(
    listId: string,
    emptyId: string,
    items: HandoffItem[],
    withClaim: boolean,
    selectedId: string | null,
    actions: CaseActions,
  ): void {
    const list = byId(listId);
    const fragment = document.createDocumentFragment();
    for (const item of items) fragment.appendChild(this.caseItem(item, withClaim, selectedId, actions));
    // Keep keyboard focus where it was when the list is rebuilt.
    const holder = document.activeElement?.closest('.case');
    const keepId = holder && list.contains(holder) ? holder.getAttribute('data-id') : null;
    list.replaceChildren(fragment);
    byId(emptyId).hidden = items.length > 0;
    if (keepId) {
      const again = list.querySelector<HTMLElement>(`[data-id="${CSS.escape(keepId)}"] button`);
      again?.focus();
    }
  }

  private line(entry: ConversationLine): HTMLLIElement {
    const from = entry.from === 'agent' && entry.name ? entry.name : this.texts.t(`desk.from.${entry.from}`);
    return el('li', { className: entry.from }, [el('span', { className: 'from', text: `${from}:` }), entry.text]);
  }

  private noteLine(note: Note): HTMLLIElement {
    return el('li', { className: 'note' }, [
      el('span', { className: 'from', text: `${note.by?.name || ''}:` }),
      note.text,
    ]);
  }

  /** The selected conversation; the answer box is open only to its agent (or a supervisor). Returns whether it has ended. */
  detail(record: HandoffDetail, me: Me | null): boolean {
    const { t } = this.texts;
    byId('no-selection').hidden = true;
    byId('detail').hidden = false;
    byId('detail-head').textContent = [
      this.categoryName(record),
      this.priorityName(record),
      this.moodName(record),
      t(`desk.status.${record.status}`) || record.status,
    ].join(' · ');
    byId('detail-summary').textContent = record.summary?.text || '';
    byId('transcript').replaceChildren(...(record.transcript ?? []).map((e) => this.line(e)));
    const lines = [
      ...(record.messages ?? []).map((e) => this.line(e)),
      ...(record.notes ?? []).map((n) => this.noteLine(n)),
    ];
    const box = byId('messages');
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 20;
    box.replaceChildren(...lines);
    if (atBottom) box.scrollTop = box.scrollHeight;
    const mine =
      record.status === 'assigned' && !!me && !!record.agent && (record.agent.id === me.id || me.role !== 'agent');
    byId('message', HTMLTextAreaElement).disabled = !mine;
    byId('send', HTMLButtonElement).disabled = !mine;
    byId('send-file-button', HTMLButtonElement).disabled = !mine;
    byId('end', HTMLButtonElement).disabled = !mine;
    byId('transfer', HTMLButtonElement).disabled = !mine;
    return ENDED.includes(record.status);
  }
}
