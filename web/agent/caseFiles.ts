import type { Api } from '../shared/api';
import { byId, el } from '../shared/dom';

interface CaseFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/**
 * The images and PDFs the customer of the open case sent, as download buttons. The download goes
 * through fetch with the agent's token (the file route needs it), then is saved under its name.
 */
export class CaseFiles {
  constructor(
    private readonly api: Api,
    private readonly token: () => string | null,
    private readonly onError: (err: unknown) => void,
  ) {}

  async show(handoffId: string | null): Promise<void> {
    const box = byId('files');
    if (!handoffId) {
      box.hidden = true;
      return;
    }
    const { items } = await this.api<{ items: CaseFile[] }>(
      'GET',
      `/api/handoffs/${encodeURIComponent(handoffId)}/files`,
    );
    byId('file-list').replaceChildren(
      ...items.map((file) =>
        el('li', {}, [
          el('button', {
            type: 'button',
            className: 'secondary',
            text: `${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)`,
            onclick: () => this.download(file).catch(this.onError),
          }),
        ]),
      ),
    );
    box.hidden = items.length === 0;
  }

  private async download(file: CaseFile): Promise<void> {
    const res = await fetch(`/api/files/${encodeURIComponent(file.id)}`, {
      headers: { authorization: `Bearer ${this.token() ?? ''}` },
    });
    if (!res.ok) throw new Error(`${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const link = el('a', { href: url, download: file.name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
