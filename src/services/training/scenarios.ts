import { readFileSync } from 'node:fs';
import path from 'node:path';

export const MOOD_LEVELS = [1, 2, 3, 4] as const;
export type Mood = (typeof MOOD_LEVELS)[number];

/** A simulated customer: a few lines per mood, a closing line when calmed, one when they give up. */
export interface Scenario {
  id: string;
  start: Mood;
  maxTurns: number;
  lines: Record<Mood, string[]>;
  calmed: string;
  escalated: string;
}

export const SCENARIOS_FILE = path.resolve(__dirname, '../../../content/training/scenarios.json');

function fail(where: string, what: string): never {
  throw new Error(`content/training: ${where} ${what}`);
}

function readScenario(raw: unknown, index: number): Scenario {
  const item = (raw ?? {}) as Record<string, unknown>;
  const where = `scenario ${typeof item.id === 'string' ? item.id : `#${index}`}`;
  if (typeof item.id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(item.id)) fail(where, 'needs an id of a-z, 0-9 and -');
  if (!MOOD_LEVELS.includes(item.start as Mood)) fail(where, 'needs a start mood from 1 to 4');
  if (typeof item.maxTurns !== 'number' || item.maxTurns < 2 || item.maxTurns > 30) fail(where, 'needs maxTurns 2-30');
  const rawLines = (item.lines ?? {}) as Record<string, unknown>;
  const lines = {} as Record<Mood, string[]>;
  for (const mood of MOOD_LEVELS) {
    const list = rawLines[String(mood)];
    if (!Array.isArray(list) || list.length === 0 || !list.every((l) => typeof l === 'string' && l.trim() !== ''))
      fail(where, `needs lines for mood ${mood}`);
    lines[mood] = list as string[];
  }
  if (typeof item.calmed !== 'string' || typeof item.escalated !== 'string') fail(where, 'needs calmed and escalated');
  return {
    id: item.id,
    start: item.start as Mood,
    maxTurns: item.maxTurns,
    lines,
    calmed: item.calmed,
    escalated: item.escalated,
  };
}

/** Reads and checks the scenarios; a broken file stops the start instead of a training session. */
export function loadScenarios(file = SCENARIOS_FILE): Scenario[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { scenarios?: unknown };
  if (!Array.isArray(parsed.scenarios) || parsed.scenarios.length === 0) fail(file, 'has no scenarios');
  const scenarios = parsed.scenarios.map(readScenario);
  const ids = new Set(scenarios.map((s) => s.id));
  if (ids.size !== scenarios.length) fail(file, 'has duplicate ids');
  return scenarios;
}

/** The customer's line for a mood, taking the lines in turn so a repeated mood does not repeat itself. */
export function lineFor(scenario: Scenario, mood: Mood, turn: number): string {
  const lines = scenario.lines[mood];
  return lines[turn % lines.length];
}
