import { ApiError, type Api } from '../shared/api';
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

  /** Sends a chosen image or PDF to the customer of the case (the agent who has it). */
  async send(handoffId: string, file: File): Promise<void> {
    const res = await fetch(
      `/api/handoffs/${encodeURIComponent(handoffId)}/files?name=${encodeURIComponent(file.name)}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.token() ?? ''}`,
          'content-type': file.type || 'application/octet-stream',
        },
        body: file,
      },
    );
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      throw new ApiError(res.status, body.error?.message ?? res.statusText, body.error?.message);
    }
    await this.show(handoffId);
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
