/**
 * Roaming by country. "Kostet telefonieren in Kroatien extra?" and "Roaming Bosnien Kosten" share every
 * word but the country, and neither the words nor the embedding model know which side of the EU line a
 * country lies on: the country list (content/lexicon/regions.json) decides between the two roaming
 * entries once the search has found that the question is about roaming.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeText } from '../nlu/normalize';
import type { KnowledgeMatch } from './knowledgeMatcher';
import type { SearchDecision } from './searchDecision';

export type Region = 'eu' | 'nonEu';

export interface RegionRules {
  /** The entry that answers roaming in each region. */
  entries: Readonly<Record<Region, string>>;
  /** Entries a question naming a country is taken from too (a cruise ship is rarely named by country). */
  yieldsFrom: ReadonlySet<string>;
  /** Entries a country question is taken from only when it speaks of being or going there (calls abroad). */
  yieldsWhenTravelling: ReadonlySet<string>;
  /** Normalised words and phrases of being or going somewhere ("fahre", "bin in", "Urlaub"). */
  travelWords: readonly string[];
  /** Normalised country names (one or two words) -> region. */
  countries: ReadonlyMap<string, Region>;
}

export const DEFAULT_REGIONS_FILE = path.resolve(__dirname, '../../../content/lexicon/regions.json');

/** Reads and checks the region file; a fault names the file and the field. */
export function loadRegions(file: string = DEFAULT_REGIONS_FILE): RegionRules {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}`);
  };
  const entries = raw.entries as Record<string, unknown> | undefined;
  if (typeof entries?.eu !== 'string' || typeof entries.nonEu !== 'string')
    fail('entries.eu and entries.nonEu must be entry ids');
  const yieldsFrom = raw.yieldsFrom ?? [];
  if (!Array.isArray(yieldsFrom) || yieldsFrom.some((id) => typeof id !== 'string'))
    fail('yieldsFrom must be a list of entry ids');
  const whenTravelling = raw.yieldsWhenTravelling ?? [];
  if (!Array.isArray(whenTravelling) || whenTravelling.some((id) => typeof id !== 'string'))
    fail('yieldsWhenTravelling must be a list of entry ids');
  const travel = raw.travelWords ?? [];
  if (!Array.isArray(travel) || travel.some((w) => typeof w !== 'string' || normalizeText(w) === ''))
    fail('travelWords must be a list of words');
  const lists = raw.countries as Record<string, unknown> | undefined;
  const countries = new Map<string, Region>();
  for (const region of ['eu', 'nonEu'] as const) {
    const names = lists?.[region];
    if (!Array.isArray(names) || names.length === 0) fail(`countries.${region} must be a non-empty list`);
    for (const name of names as unknown[]) {
      const key = typeof name === 'string' ? normalizeText(name) : '';
      if (key === '' || key.split(' ').length > 3) fail(`countries.${region}: "${String(name)}" is no country name`);
      const known = countries.get(key);
      if (known && known !== region) fail(`countries: "${key}" is in both regions`);
      countries.set(key, region);
    }
  }
  return {
    entries: { eu: entries?.eu as string, nonEu: entries?.nonEu as string },
    yieldsFrom: new Set(yieldsFrom as string[]),
    yieldsWhenTravelling: new Set(whenTravelling as string[]),
    travelWords: (travel as string[]).map((w) => normalizeText(w)),
    countries,
  };
}

let shipped: RegionRules | undefined;
export function defaultRegions(): RegionRules {
  shipped ??= loadRegions();
  return shipped;
}

/** The one region every country the text names lies in; none when it names none, or both kinds. */
export function regionOf(text: string, rules: RegionRules = defaultRegions()): Region | undefined {
  const words = normalizeText(text).split(' ');
  let found: Region | undefined;
  for (let i = 0; i < words.length; i++) {
    for (const size of [3, 2, 1]) {
      if (i + size > words.length) continue;
      const region = rules.countries.get(words.slice(i, i + size).join(' '));
      if (!region) continue;
      if (found && found !== region) return undefined;
      found = region;
      i += size - 1;
      break;
    }
  }
  return found;
}

/** Whether the text speaks of being or going somewhere ("fahre nach Polen", "bin in Kroatien"). */
export function travels(text: string, rules: RegionRules = defaultRegions()): boolean {
  const padded = ` ${normalizeText(text)} `;
  return rules.travelWords.some((word) => padded.includes(` ${word} `));
}

/** Entry keys (as the content pack names them) resolved to the ids the search ranks. */
export type EntryIdOf = (key: string) => string | undefined;

/**
 * The decision with the region's roaming entry as the answer, when the search leaned to a roaming
 * entry (or one that yields to them), or found nothing in a text that speaks of travelling, and the
 * text names countries of one region; otherwise unchanged.
 */
export function preferRegion(
  text: string,
  decision: SearchDecision,
  hits: readonly KnowledgeMatch[],
  idOf: EntryIdOf,
  rules: RegionRules = defaultRegions(),
): SearchDecision {
  const leaning = decision.best?.id;
  const eu = idOf(rules.entries.eu);
  const nonEu = idOf(rules.entries.nonEu);
  if (!eu || !nonEu) return decision;
  // "Was chostet mis Handy, wenn ich i de Türkei bi?": nothing found, but a trip to a named country is roaming.
  const yields =
    leaning === undefined
      ? travels(text, rules)
      : leaning === eu ||
        leaning === nonEu ||
        [...rules.yieldsFrom].some((key) => idOf(key) === leaning) ||
        ([...rules.yieldsWhenTravelling].some((key) => idOf(key) === leaning) && travels(text, rules));
  // Only a lean, never an offer among others: "Ich bin in Italien und habe kein Internet" is a fault.
  if (!yields) return decision;
  const region = regionOf(text, rules);
  if (!region) return decision;
  const target = region === 'eu' ? eu : nonEu;
  const hit = hits.find((h) => h.id === target);
  const best: KnowledgeMatch = hit ?? { id: target, category: decision.best?.category ?? '', score: 0 };
  return {
    best: { ...best, score: Math.max(best.score, decision.best?.score ?? 0) },
    confident: true,
    alternatives: [],
  };
}
