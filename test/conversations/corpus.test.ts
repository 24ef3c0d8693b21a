import { writeFileSync } from 'node:fs';
import { testMongoBase } from '../support/testDb';
import { AppPool } from './support/conversationApp';
import { failureReport, scheduleAll, type ScriptResult } from './support/evaluate';
import { loadCorpus } from './support/script';

/**
 * The conversation corpus: every script under test/conversations/scripts against the real
 * service (HTTP, database, queue), judged on its outcome and on the invariants every conversation
 * keeps. A script marked "pending" describes behaviour not built yet and is reported as skipped
 * with its reason. CONVERSATION_FAILURES_FILE=path writes the failures (id, first wrong reply,
 * reasons) there; CONVERSATION_CONCURRENCY sets the conversations in flight (default 8).
 */
const scripts = loadCorpus();
const runnable = scripts.filter((s) => !s.pending);
const pool = new AppPool(testMongoBase());
const results: ScriptResult[] = [];
// Jest runs five concurrent tests at a time; the conversations mostly wait on the database, so
// all of them are started behind their own limit the first time a test asks for its result.
// With a test name filter (-t) only the chosen scripts run, one by one as jest asks.
const filtered = process.argv.some((a) => a === '-t' || a.startsWith('--testNamePattern') || a.startsWith('-t='));
let scheduled: Map<string, Promise<ScriptResult>> | undefined;
const resultOf = (id: string): Promise<ScriptResult> => {
  const chosen = filtered ? runnable.filter((s) => s.id === id) : runnable;
  if (filtered) return scheduleAll(chosen, pool, 1, (r) => results.push(r)).get(id) as Promise<ScriptResult>;
  scheduled ??= scheduleAll(chosen, pool, Number(process.env.CONVERSATION_CONCURRENCY ?? 8), (r) => results.push(r));
  return scheduled.get(id) as Promise<ScriptResult>;
};

afterAll(async () => {
  if (scheduled) await Promise.all(scheduled.values());
  await pool.close();
  const file = process.env.CONVERSATION_FAILURES_FILE;
  if (file) writeFileSync(file, failureReport(results, scripts));
});

describe('conversation corpus', () => {
  for (const script of scripts) {
    if (script.pending) {
      test.skip(`${script.id} (pending: ${script.pending})`, () => undefined);
      continue;
    }
    test.concurrent(
      script.id,
      async () => {
        const result = await resultOf(script.id);
        if (!result.passed)
          throw new Error(
            `${script.id}${script.note ? ` — ${script.note}` : ''}\n${result.problems.join('\n')}\n\n${result.transcript}`,
          );
        expect(result.problems).toEqual([]);
      },
      180_000,
    );
  }
});
