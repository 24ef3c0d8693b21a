import { writeFileSync } from 'node:fs';
import { testMongoBase } from '../support/testDb';
import { AppPool } from './support/conversationApp';
import { evaluateScript, failureReport, type ScriptResult } from './support/evaluate';
import { loadCorpus } from './support/script';

/**
 * The conversation corpus: every script under test/conversations/scripts against the real
 * service (HTTP, database, queue), judged on its outcome and on the invariants every conversation
 * keeps. Scripts run concurrently on one app per time of day. A script marked "pending" describes
 * behaviour not built yet and is reported as skipped with its reason.
 * CONVERSATION_FAILURES_FILE=path writes the failures (id, first wrong reply, reasons) there.
 */
const scripts = loadCorpus();
const pool = new AppPool(testMongoBase());
const results: ScriptResult[] = [];

afterAll(async () => {
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
        const result = await evaluateScript(script, pool);
        results.push(result);
        if (!result.passed) throw new Error(`${script.id}${script.note ? ` — ${script.note}` : ''}\n${result.problems.join('\n')}\n\n${result.transcript}`);
        expect(result.problems).toEqual([]);
      },
      120_000,
    );
  }
});
