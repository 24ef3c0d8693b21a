import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';

const KEY_ID = 'whatsapp-inbound-key';

/**
 * Seals what a customer wrote on WhatsApp for the moments between Meta's acknowledgement and the
 * end of its turn: the stored message is masked, the original only exists encrypted (AES-256-GCM)
 * and is removed once the message is processed or given up on. The key is one random key per
 * deployment in `deployment_secrets`, so any instance can open what another stored.
 */
export class InboundSealer {
  private key?: Promise<Buffer>;

  constructor(private readonly connection: Connection) {}

  async seal(text: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.loadKey(), iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  async open(sealed: string): Promise<string> {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', await this.loadKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  private loadKey(): Promise<Buffer> {
    this.key ??= this.loadOrCreate().catch((err: unknown) => {
      this.key = undefined;
      throw err;
    });
    return this.key;
  }

  private async loadOrCreate(): Promise<Buffer> {
    const secrets = this.connection.collection<{ _id: string; value: string }>('deployment_secrets');
    try {
      await secrets.updateOne(
        { _id: KEY_ID },
        { $setOnInsert: { value: randomBytes(32).toString('base64') } },
        { upsert: true },
      );
    } catch (err) {
      // Two instances creating it at once: one insert wins, both read the same key.
      if ((err as { code?: number }).code !== 11000) throw err;
    }
    const doc = await secrets.findOne({ _id: KEY_ID });
    if (!doc) throw new Error('the WhatsApp inbound key could not be stored');
    return Buffer.from(doc.value, 'base64');
  }
}
