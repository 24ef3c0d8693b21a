import { ValidationError } from '../errors';

/**
 * Guards for values that come from outside and may reach MongoDB: a string must be a string (an
 * object such as {"$gt": ""} never passes), and no key of a stored object may start with "$".
 */

export function requireString(
  value: unknown,
  field: string,
  options: { max?: number; min?: number; allowEmpty?: boolean } = {},
): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string');
  const trimmed = value.trim();
  if (!options.allowEmpty && trimmed === '') throw new ValidationError(field, 'must not be empty');
  if (options.min !== undefined && trimmed.length < options.min)
    throw new ValidationError(field, `must have at least ${options.min} characters`);
  if (options.max !== undefined && value.length > options.max)
    throw new ValidationError(field, `must have at most ${options.max} characters`);
  return value;
}

export function optionalString(value: unknown, field: string, options: { max?: number } = {}): string | undefined {
  if (value === undefined || value === null) return undefined;
  return requireString(value, field, { ...options, allowEmpty: true });
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(field, 'must be true or false');
  return value;
}

export function requireNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ValidationError(field, `must be a number from ${min} to ${max}`);
  }
  return value;
}

export function requireObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ValidationError(field, 'must be an object');
  return value as Record<string, unknown>;
}

export function requireOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new ValidationError(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Throws when any key at any depth starts with "$" or contains a NUL, naming the path. */
export function rejectOperatorKeys(value: unknown, field: string, depth = 0): void {
  if (depth > 20) throw new ValidationError(field, 'is nested too deeply');
  if (Array.isArray(value)) {
    value.forEach((item, i) => rejectOperatorKeys(item, `${field}[${i}]`, depth + 1));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('$') || key.includes('\u0000'))
      throw new ValidationError(`${field}.${key}`, 'is not an allowed key');
    rejectOperatorKeys(inner, `${field}.${key}`, depth + 1);
  }
}

/** An id from a URL: 24 hex characters (a MongoDB ObjectId) or a short safe token. */
export function requireId(value: unknown, field = 'id'): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(value))
    throw new ValidationError(field, 'is not a valid id');
  return value;
}
