/**
 * Triage CLI (contract in docs/ARCHITECTURE.md): `npm run --silent triage -- FILE.jsonl` (or `-` for stdin).
 * Reads `{ "id", "text" }` per line and prints exactly one JSON line per input line that has an id,
 * in the same order. Problems go to stderr; stdout carries nothing but results.
 *
 * Intents come as in the service: with the embedding model where the words leave them unsure, found
 * as `npm start` finds it (EMBEDDINGS_URL, else the embedded model when installed; EMBEDDINGS=off or
 * `--no-model`: words only). The first run embeds the training corpus (about half a minute), later
 * runs read its vectors from node_modules/.cache/lotse/.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createLogger } from '../services/logger';
import { type TriageAssessment, TriageService } from '../services/nlu/triageService';
import type { TriageLine } from '../services/nlu/types';
import { openToolEmbeddings, toolTriage } from './toolEmbeddings';

interface ParsedLine {
  /** The id as given (string or number), echoed unchanged so callers can join on it. */
  id?: string | number;
  text?: string;
  error?: string;
}

/** Best effort: a line that is not valid JSON may still reveal its id, so the caller keeps its row. */
export function parseLine(line: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const match = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(line);
    let id: string | number | undefined;
    if (match) {
      try {
        id = JSON.parse(match[1]) as string | number;
      } catch {
        id = undefined;
      }
    }
    return { id, error: `invalid JSON (${(err as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  const rawId = record.id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : undefined;
  if (id === undefined) return { error: 'missing "id" (string or number)' };
  if (typeof record.text !== 'string') return { id, error: 'missing or non-string "text"' };
  return { id, text: record.text };
}

/** One output row; `id` is echoed with its original JSON type. */
type OutputLine = Omit<TriageLine, 'id'> & { id: string | number };

function outputLine(id: string | number, assessment: TriageAssessment): OutputLine {
  const { intent, frustration, escalate } = assessment;
  return {
    id,
    intent: intent.intent,
    confidence: intent.confidence,
    frustrationLevel: frustration.level,
    frustrationScore: frustration.score,
    escalate,
  };
}

const fallback = (id: string | number): OutputLine => ({
  id,
  intent: 'other',
  confidence: 0,
  frustrationLevel: 0,
  frustrationScore: 0,
  escalate: false,
});

/** Lines assessed together: the model is asked once for the unsure ones among them. */
const CHUNK = 64;

interface PendingLine {
  id: string | number;
  text: string;
  lineNumber: number;
}

export async function runTriage(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  errors: NodeJS.WritableStream,
  service: TriageService = new TriageService(),
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let problems = 0;
  // In input order: a finished row, or a line still to assess.
  let rows: (OutputLine | PendingLine)[] = [];
  const flush = async (): Promise<void> => {
    const pending = rows.filter((row): row is PendingLine => 'text' in row);
    let assessed: TriageAssessment[] | undefined;
    try {
      assessed = await service.consultAll(pending.map((p) => p.text));
    } catch (err) {
      // One bad message must not cost the others their answer: assess them one by one.
      errors.write(`triage: assessing lines together failed (${(err as Error).message}); one by one\n`);
    }
    const out = rows.map((row) => {
      if (!('text' in row)) return row;
      if (assessed) return outputLine(row.id, assessed[pending.indexOf(row)]);
      try {
        return outputLine(row.id, service.assess(row.text));
      } catch (err) {
        problems++;
        errors.write(`triage: line ${row.lineNumber}: could not assess id ${row.id}: ${(err as Error).message}\n`);
        return fallback(row.id);
      }
    });
    if (out.length > 0) output.write(out.map((row) => JSON.stringify(row)).join('\n') + '\n');
    rows = [];
  };
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = parseLine(line.replace(/^\uFEFF/, ''));
    if (parsed.error) {
      problems++;
      errors.write(
        `triage: line ${lineNumber}: ${parsed.error}${parsed.id === undefined ? ' - skipped, no id' : ` - id ${parsed.id} reported as "other"`}\n`,
      );
      if (parsed.id === undefined) continue;
      rows.push(fallback(parsed.id));
    } else {
      rows.push({ id: parsed.id as string | number, text: parsed.text as string, lineNumber });
    }
    if (rows.length >= CHUNK) await flush();
  }
  await flush();
  return problems;
}

/** The service with the intent and tone models when they are there; its logs go to stderr, never among the results. */
async function triageService(useModel: boolean): Promise<{ service: TriageService; stop: () => Promise<void> }> {
  const logger = createLogger('warn', process.stderr);
  const model = useModel ? await openToolEmbeddings(logger) : undefined;
  return { service: await toolTriage(model, logger), stop: async () => model?.stop() };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => a !== '--no-model');
  if (!file) {
    process.stderr.write('usage: npm run --silent triage -- [--no-model] FILE.jsonl   (use - for stdin)\n');
    process.exitCode = 2;
    return;
  }
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    if (file === '-') resolve();
    else input.once('open', () => resolve()).once('error', reject);
  });
  try {
    await opened;
  } catch (err) {
    process.stderr.write(`triage: cannot read ${file}: ${(err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const { service, stop } = await triageService(!args.includes('--no-model'));
  try {
    await runTriage(input, process.stdout, process.stderr, service);
  } finally {
    await stop();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`triage: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
