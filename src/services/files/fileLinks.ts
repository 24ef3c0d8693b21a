import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a link to a file an agent sent stays valid: long enough for a customer to come back to it. */
export const LINK_LIFETIME_MS = 7 * 86_400_000;

/**
 * Links to a file without a login, for the customer (Web Chat shows the image, Meta fetches it for
 * WhatsApp): the file id and an expiry, signed with the deployment's secret, so a link can be
 * neither guessed nor stretched.
 */
export class FileLinks {
  constructor(
    private readonly publicUrl: string,
    private readonly secret: () => Promise<Buffer>,
    private readonly now: () => number = Date.now,
  ) {}

  async link(fileId: string): Promise<string> {
    const expires = this.now() + LINK_LIFETIME_MS;
    const signature = await this.sign(fileId, expires);
    return `${this.publicUrl.replace(/\/$/, '')}/files/${fileId}?exp=${expires}&sig=${signature}`;
  }

  async valid(fileId: string, expires: unknown, signature: unknown): Promise<boolean> {
    const exp = Number(expires);
    if (!Number.isSafeInteger(exp) || exp < this.now() || typeof signature !== 'string') return false;
    const expected = Buffer.from(await this.sign(fileId, exp));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private async sign(fileId: string, expires: number): Promise<string> {
    return createHmac('sha256', await this.secret())
      .update(`file-link\n${fileId}\n${expires}`)
      .digest('base64url');
  }
}
