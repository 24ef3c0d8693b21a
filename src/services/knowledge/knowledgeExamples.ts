/**
 * Customer questions written by outside authors, each labelled with the pack entry that answers it
 * (content/knowledge-examples.json: `{ "<entry id>": ["question", ...] }`). They teach the embedding
 * model how customers really ask (typos, dialect, anger, two topics, English) without becoming
 * phrasings an admin edits or the word matcher scores: the pack's phrasings stay short and clean.
 *
 * They are the studied halves of the answer sets in eval/ (the held-out halves never are; a test
 * checks it). Measured with the model (`npm run eval -- --set NAME --half even --model`) on the
 * held-out halves before and after: answers 0.863 -> 0.902, blind8 0.912 -> 0.942, blind10 0.858 ->
 * 0.933, blind12 0.908 -> 0.925, blind13 0.862 -> 0.915, blind5 0.956 -> 0.950. As phrasings of the
 * model (also counted for "how close is the nearest known question") they beat training-only
 * examples by six questions of 836 held out.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentPackError } from './contentPack';

/** Where the shipped examples live in the repository. */
export const DEFAULT_KNOWLEDGE_EXAMPLES_FILE = path.resolve(__dirname, '../../../content/knowledge-examples.json');

const MAX_EXAMPLE = 600;

/**
 * Reads and checks the examples: every key an id of the pack, every example a non-empty string.
 * A missing file means no examples; a malformed one throws, naming the entry.
 */
export function loadKnowledgeExamples(
  packIds: ReadonlySet<string>,
  file: string = DEFAULT_KNOWLEDGE_EXAMPLES_FILE,
): ReadonlyMap<string, readonly string[]> {
  if (!existsSync(file)) return new Map();
  const where = path.basename(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentPackError(`${where}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ContentPackError(`${where}: must be an object { "<entry id>": ["question", ...] }`);
  const examples = new Map<string, readonly string[]>();
  for (const [id, list] of Object.entries(raw)) {
    if (!packIds.has(id)) throw new ContentPackError(`${where}: "${id}" is no entry of the content pack`);
    if (!Array.isArray(list) || list.some((q) => typeof q !== 'string' || q.trim() === '' || q.length > MAX_EXAMPLE))
      throw new ContentPackError(`${where}: "${id}" must be a list of questions of 1 to ${MAX_EXAMPLE} characters`);
    examples.set(
      id,
      (list as string[]).map((q) => q.trim()),
    );
  }
  return examples;
}
