import { fold, stem, tokenize } from './normalize';

/** Size of the hashed feature space; collisions are rare at the corpus sizes we train on. */
export const FEATURE_BITS = 18;
const FEATURE_MASK = (1 << FEATURE_BITS) - 1;

export interface SparseVector {
  indices: number[];
  values: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashRange(seed: number, text: string, start: number, end: number): number {
  let h = seed;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

function hash(text: string): number {
  return (hashRange(FNV_OFFSET, text, 0, text.length) >>> 0) & FEATURE_MASK;
}

/** Seed for character n-grams, so that they never collide by construction with whole-word keys. */
const NGRAM_SEED = hashRange(FNV_OFFSET, 'c', 0, 1);

/** Scratch accumulator reused across calls; `touched` lists the slots to read back and clear. */
const scratch = new Float64Array(1 << FEATURE_BITS);
const touched: number[] = [];

let lastText: string | undefined;
let lastVector: SparseVector | undefined;

/**
 * Bag of stems, stem bigrams and character n-grams of the folded words. The n-grams carry typos,
 * dialect spellings and compounds ("Handyrechnung") to what the model saw in training; the stems
 * carry inflection. The vector is L2-normalised so that long messages do not shout louder.
 */
export function extractFeatures(text: string): SparseVector {
  // The intent and the frustration model look at the same message one after the other.
  if (text === lastText && lastVector) return lastVector;
  const addIndex = (index: number, weight: number): void => {
    if (scratch[index] === 0) touched.push(index);
    scratch[index] += weight;
  };
  const add = (key: string, weight: number): void => addIndex(hash(key), weight);
  const tokens = tokenize(text);
  const stems = tokens.map(stem);
  add('bias', 1);
  for (let i = 0; i < tokens.length; i++) {
    add('w' + stems[i], 1);
    if (i + 1 < tokens.length) add('b' + stems[i] + ' ' + stems[i + 1], 0.7);
    const padded = '<' + fold(tokens[i]) + '>';
    for (let n = 3; n <= 5; n++) {
      for (let s = 0; s + n <= padded.length; s++) {
        addIndex((hashRange(NGRAM_SEED, padded, s, s + n) >>> 0) & FEATURE_MASK, 0.25);
      }
    }
  }
  const length = tokens.length;
  add(length <= 1 ? 'len1' : length <= 3 ? 'len3' : length <= 8 ? 'len8' : length <= 20 ? 'len20' : 'lenmax', 0.5);
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = text.replace(/[^\p{Lu}]/gu, '');
  if (letters.length >= 6 && upper.length / letters.length > 0.6) add('shape:caps', 1);
  if (/!{2,}/.test(text)) add('shape:bang', 1);
  if (/\?{2,}|\?!|!\?/.test(text)) add('shape:qbang', 1);
  if (letters.length === 0) add('shape:noletters', 1);

  const indices: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const index of touched) {
    const value = scratch[index];
    scratch[index] = 0;
    indices.push(index);
    values.push(value);
    norm += value * value;
  }
  touched.length = 0;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < values.length; i++) values[i] /= norm;
  lastText = text;
  lastVector = { indices, values };
  return lastVector;
}
