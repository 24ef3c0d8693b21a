import type { AppPool } from './conversationApp';
import { checkInvariants, missingMustSay, type Violation } from './invariants';
import { outcomeProblem } from './outcome';
import { runScript } from './runner';
import { needsOwnApp, type Script } from './script';
import { render, type Line } from './transcript';

export interface ScriptResult {
  id: string;
  outcomeOk: boolean;
  /** The conversation ended the expected way (handoff, supervisor, request, answer, goodbye), category and reply checks aside. */
  endingOk: boolean;
  /** A handoff record exists for the conversation. */
  handedOff: boolean;
  invariantsOk: boolean;
  passed: boolean;
  /** Outcome, mustSay and runner problems, then broken invariants, each one line. */
  problems: string[];
  /** The first bot reply that was wrong (an invariant's line, else the last bot reply). */
  firstWrongReply?: string;
  transcript: string;
  ms: number;
}

/** Runs one script on the app of its time of day (or an app of its own) and judges it. */
export async function evaluateScript(script: Script, pool: AppPool): Promise<ScriptResult> {
  const started = Date.now();
  const own = needsOwnApp(script);
  const target = own ? await pool.own(script.time) : await pool.get(script.time);
  try {
    const record = await runScript(script, target);
    const result = judge(
      script,
      record.lines,
      record.stepProblems,
      checkInvariants(script, record.lines, record.facts),
      outcomeProblem(script.expect, record.lines, record.facts),
      Date.now() - started,
    );
    result.handedOff = record.facts.handoffs.length > 0;
    // A failed check on one turn's reply names that reply, unless an invariant broke earlier.
    if (record.firstFailedReply !== undefined && result.invariantsOk)
      result.firstWrongReply = record.firstFailedReply.replace(/\s+/g, ' ').slice(0, 300);
    return result;
  } finally {
    if (own) await target.close();
  }
}

function judge(
  script: Script,
  lines: Line[],
  stepProblems: string[],
  violations: Violation[],
  outcome: string | undefined,
  ms: number,
): ScriptResult {
  const missing = missingMustSay(script, lines);
  const outcomeProblems = [
    ...(outcome ? [`outcome: ${outcome}`] : []),
    ...missing.map((k) => `mustSay: no bot message says ${k}`),
    ...stepProblems,
  ];
  const invariantProblems = violations.map(
    (v) => `invariant ${v.rule}: ${v.detail} — "${lines[v.line].text.replace(/\s+/g, ' ').slice(0, 140)}"`,
  );
  const firstViolation = violations.length > 0 ? Math.min(...violations.map((v) => v.line)) : undefined;
  const lastBot = [...lines].reverse().find((l) => l.from === 'bot');
  const wrong = firstViolation !== undefined ? lines[firstViolation] : outcomeProblems.length > 0 ? lastBot : undefined;
  return {
    id: script.id,
    outcomeOk: outcomeProblems.length === 0,
    endingOk: !outcome || outcome.startsWith('category '),
    handedOff: false,
    invariantsOk: violations.length === 0,
    passed: outcomeProblems.length === 0 && violations.length === 0,
    problems: [...outcomeProblems, ...invariantProblems],
    ...(wrong ? { firstWrongReply: wrong.text.replace(/\s+/g, ' ').slice(0, 300) } : {}),
    transcript: render(lines),
    ms,
  };
}

/** A failed result for a script the runner could not even finish. */
function crashed(script: Script, err: unknown): ScriptResult {
  return {
    id: script.id,
    outcomeOk: false,
    endingOk: false,
    handedOff: false,
    invariantsOk: false,
    passed: false,
    problems: [`runner error: ${(err as Error).message}`],
    transcript: '',
    ms: 0,
  };
}

/**
 * Starts every script at once behind a limit of `concurrency` conversations in flight and hands
 * back one promise per script id; the promises never reject (a crash is a failed result).
 */
export function scheduleAll(
  scripts: Script[],
  pool: AppPool,
  concurrency: number,
  onResult?: (r: ScriptResult) => void,
): Map<string, Promise<ScriptResult>> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const acquire = () =>
    new Promise<void>((resolve) => {
      if (active < Math.max(1, concurrency)) {
        active++;
        resolve();
      } else waiting.push(() => (active++, resolve()));
    });
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  const out = new Map<string, Promise<ScriptResult>>();
  for (const script of scripts) {
    const result = acquire()
      .then(() => evaluateScript(script, pool))
      .catch((err: unknown) => crashed(script, err))
      .then((r) => {
        release();
        onResult?.(r);
        return r;
      });
    out.set(script.id, result);
  }
  return out;
}

/** Runs scripts with at most `concurrency` conversations at a time, results in script order. */
export async function evaluateAll(
  scripts: Script[],
  pool: AppPool,
  concurrency: number,
  onResult?: (r: ScriptResult) => void,
): Promise<ScriptResult[]> {
  const scheduled = scheduleAll(scripts, pool, concurrency, onResult);
  return Promise.all(scripts.map((s) => scheduled.get(s.id) as Promise<ScriptResult>));
}

/** The failures file the other engineers read: script id, the first wrong bot reply, the reasons. */
export function failureReport(results: ScriptResult[], scripts: Script[]): string {
  const byId = new Map(scripts.map((s) => [s.id, s]));
  const failed = results.filter((r) => !r.passed);
  const head = `# ${new Date().toISOString()} — ${results.length - failed.length}/${results.length} scripts pass (outcome right ${results.filter((r) => r.outcomeOk).length}, invariants held ${results.filter((r) => r.invariantsOk).length})\n\n${patterns(failed)}\n`;
  return (
    head +
    failed
      .map((r) => {
        const s = byId.get(r.id);
        return [
          `## ${r.id}${s?.pending ? ` (pending: ${s.pending})` : ''}`,
          `first wrong bot reply: ${r.firstWrongReply ?? '(none)'}`,
          ...r.problems.map((p) => `- ${p}`),
        ].join('\n');
      })
      .join('\n\n') +
    '\n'
  );
}

/** The kinds of problem across failed scripts, most frequent first (details and quotes dropped). */
export function patterns(failed: ScriptResult[]): string {
  const counts = new Map<string, number>();
  for (const r of failed) {
    const kinds = new Set(
      r.problems.map((p) =>
        p
          .replace(/ — .*$/, '')
          .replace(/"[^"]*"/g, '…')
          .replace(/\(handoffs:.*$/, '')
          .replace(/^turn \d+ …: /, 'turn: ')
          .slice(0, 140),
      ),
    );
    for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, n]) => `${String(n).padStart(4)}  ${k}`)
    .join('\n');
}
