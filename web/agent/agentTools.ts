import type { Api } from '../shared/api';
import { byId, el } from '../shared/dom';

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

  async show(handoffId: string | null, status: string | undefined): Promise<void> {
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
    box.hidden = lines.length === 0;
  }

  private send(handoffId: string, text: string): void {
    this.api('POST', `/api/handoffs/${encodeURIComponent(handoffId)}/messages`, { text }).then(
      this.onSent,
      this.onError,
    );
  }
}
