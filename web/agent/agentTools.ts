import type { Api } from '../shared/api';
import { byId, el } from '../shared/dom';

interface Canned {
  name: string;
  category: string;
  text: { de: string; en?: string };
}

/**
 * The suggested opening lines of the open case as buttons above the reply box; a click sends the
 * line through the ordinary message route. Fetched once per case, shown only while it is assigned.
 */
export class SuggestionButtons {
  private shownFor: string | null = null;

  constructor(
    private readonly api: Api,
    private readonly onSent: () => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  async show(handoffId: string | null, status: string | undefined, category = '', language = 'de'): Promise<void> {
    const box = byId('suggestions');
    if (!handoffId || status !== 'assigned') {
      box.hidden = true;
      this.shownFor = null;
      return;
    }
    if (this.shownFor === handoffId) return;
    this.shownFor = handoffId;
    const { lines } = await this.api<{ lines: string[] }>(
      'GET',
      `/api/handoffs/${encodeURIComponent(handoffId)}/suggestions`,
    );
    const list = byId('suggestion-lines');
    list.replaceChildren(
      ...lines.map((line) =>
        el('button', {
          type: 'button',
          className: 'secondary suggestion',
          text: line,
          onclick: () => this.send(handoffId, line),
        }),
      ),
    );
    const { items } = await this.api<{ items: Canned[] }>(
      'GET',
      `/api/canned-responses?category=${encodeURIComponent(category || 'all')}`,
    );
    // A canned response goes into the reply box, for the agent to adapt before sending; in the
    // customer's language where the text has one (German is the reference every entry has).
    byId('canned-lines').replaceChildren(
      ...items.map((item) => {
        const text = (language === 'en' ? item.text.en : undefined) ?? item.text.de;
        return el('button', {
          type: 'button',
          className: 'secondary canned',
          text: item.name,
          title: text,
          onclick: () => {
            const box = byId('message', HTMLTextAreaElement);
            box.value = box.value ? `${box.value} ${text}` : text;
            box.focus();
          },
        });
      }),
    );
    box.hidden = lines.length === 0 && items.length === 0;
  }

  private send(handoffId: string, text: string): void {
    this.api('POST', `/api/handoffs/${encodeURIComponent(handoffId)}/messages`, { text }).then(
      this.onSent,
      this.onError,
    );
  }
}
