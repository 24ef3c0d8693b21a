import { FileRejectedError } from '../../services/files/errors';
import type { FileStore, StoredFile } from '../../services/files/fileStore';
import { conversationKey } from '../../services/transcript/transcriptStore';
import { GraphApiError } from './errors';
import type { GraphApiClient } from './graphApiClient';
import type { MediaIntake } from './inboundProcessor';
import type { MediaMessage } from './webhookPayload';
import { WHATSAPP_CHANNEL } from './whatsappAdapter';

/** A customer's WhatsApp image or document, fetched from Meta and kept in the file store for the agent. */
export class WhatsAppMediaIntake implements MediaIntake {
  constructor(
    private readonly graph: Pick<GraphApiClient, 'downloadMedia'>,
    private readonly store: FileStore,
    private readonly maxBytes: number,
  ) {}

  async receive(waId: string, media: MediaMessage): Promise<StoredFile | FileRejectedError> {
    try {
      const data = await this.graph.downloadMedia(media.mediaId, this.maxBytes);
      return await this.store.put({
        data,
        name: media.filename ?? (media.what === 'image' ? 'foto' : 'dokument'),
        conversationKey: conversationKey(WHATSAPP_CHANNEL, waId),
      });
    } catch (err) {
      if (err instanceof FileRejectedError) return err;
      // Meta no longer has it (expired, unknown id): asking again will not help; a 5xx is retried.
      if (err instanceof GraphApiError && err.status >= 400 && err.status < 500)
        return new FileRejectedError('unavailable', 'the media could not be fetched from Meta');
      throw err;
    }
  }
}
