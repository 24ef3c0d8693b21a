/**
 * Errors of the WhatsApp channel; each carries what a log line needs to find the message, and each
 * extends a base class of the error policy (src/services/errors.ts).
 */
import { ConflictError, UpstreamFailedError, ValidationError } from '../../services/errors';

/** The Graph API refused or never answered a send, after all retries that made sense. */
export class GraphApiError extends UpstreamFailedError {
  constructor(
    readonly status: number,
    /** Meta's error code (e.g. 131047 window closed, 131056 pair rate limit); 0 when unknown. */
    readonly metaCode: number,
    message: string,
    readonly attempts: number,
  ) {
    super(`Graph API send failed after ${attempts} attempt(s): HTTP ${status}, code ${metaCode}: ${message}`);
    this.name = 'GraphApiError';
  }
}

/** Nothing could be sent because the customer's 24-hour window is closed and no template is set. */
export class CustomerServiceWindowClosedError extends ConflictError {
  constructor(readonly waId: string) {
    super(`The 24-hour customer service window of ${waId} is closed and no template is configured; nothing was sent`);
    this.name = 'CustomerServiceWindowClosedError';
  }
}

/** WhatsApp cannot edit or delete a business message once sent. */
export class WhatsAppUnsupportedOperationError extends UpstreamFailedError {
  constructor(readonly operation: string) {
    super(
      `WhatsApp does not support ${operation} of sent messages`,
      'WhatsApp cannot change or delete a message once sent',
      'NotSupported',
    );
    this.name = 'WhatsAppUnsupportedOperationError';
  }
}

/** A webhook body that is signed but not in Meta's shape (or not JSON at all). HTTP 400 InvalidPayload. */
export class WebhookPayloadError extends ValidationError {
  constructor(message: string) {
    super('Not a WhatsApp webhook', message, 'InvalidPayload');
    this.name = 'WebhookPayloadError';
  }
}
