import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other on the phone (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 5;

/** "BS-7K3Q9": a prefix naming the kind of request and five unambiguous random characters. */
export function newReference(prefix: string): string {
  let out = '';
  for (let i = 0; i < LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${out}`;
}

export const REFERENCE_PATTERN = new RegExp(`^[A-Z]{2}-[${ALPHABET}]{${LENGTH}}$`);
