import pino, { Logger } from 'pino';
import { maskSensitive } from './privacy/masking';

export type { Logger } from 'pino';

/** Property names of an error that may hold a credential (an HTTP client's error carries its request). */
const CREDENTIAL_LIKE = /token|secret|password|authori[sz]ation|cookie|apikey|api_key|headers|request|config/i;

/**
 * pino's error serializer (type, message, stack, the cause the same way), keeping of the error's
 * own properties only plain values whose names cannot hold a credential.
 */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const full = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(full)) {
    if (CREDENTIAL_LIKE.test(key)) continue;
    // An error message may quote customer text ("invalid IBAN DE89 3704 …"): masked like any stored text.
    if (typeof value === 'string') kept[key] = maskSensitive(value);
    else if (value === null || ['number', 'boolean'].includes(typeof value)) kept[key] = value;
  }
  if (err.cause instanceof Error) kept.cause = serializeError(err.cause);
  return kept;
}

/**
 * Structured JSON logs; errors are logged under `err` as the Error itself (serializeError). Secrets are redacted by path; free text that may carry personal data is
 * masked by the caller (privacy/masking) before it is logged.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'lotse' },
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          'authorization',
          'token',
          '*.token',
          'secret',
          '*.secret',
          'password',
          '*.password',
          'accessToken',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
      serializers: { err: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
