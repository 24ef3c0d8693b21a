/**
 * Customer-written values as they may be stored: every string in the value masked with
 * maskSensitive (card numbers, IBANs, PINs, phone numbers, e-mail addresses), the shape kept.
 */
import { maskSensitive } from './masking';

/** Keys whose strings are identifiers, never customer text (masking them would break lookups). */
const DEFAULT_KEEP = new Set([
  'id',
  'clientActivityID',
  'clientTimestamp',
  'type',
  'timestamp',
  'from',
  'wa_id',
  'role',
  'channelId',
  'serviceUrl',
  'locale',
  'replyToId',
  'conversationType',
]);

/**
 * A copy of the value with every string masked, except those under the keys to keep; deeper than
 * `maxDepth` levels a value is dropped (the routes refuse deeper bodies anyway).
 */
export function maskDeep<T>(value: T, keep: ReadonlySet<string> = DEFAULT_KEEP, maxDepth = 32): T {
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') return maskSensitive(node);
    if (typeof node !== 'object' || node === null || node instanceof Date) return node;
    if (depth >= maxDepth) return undefined;
    if (Array.isArray(node)) return node.map((item) => walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node))
      out[key] = keep.has(key) && typeof child === 'string' ? child : walk(child, depth + 1);
    return out;
  };
  return walk(value, 0) as T;
}
