import path from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { SearchDecision } from '../../../src/services/knowledge/searchDecision';
import { DEFAULT_KNOWLEDGE_PACK_DIR, loadKnowledgePack } from '../../../src/services/knowledge/contentPack';
import { defaultRegions, loadRegions, preferRegion, regionOf } from '../../../src/services/knowledge/regions';

const match = (id: string, score: number) => ({ id, category: 'general', score });
const idOf = (key: string) => key;

describe('roaming by country', () => {
  it.each([
    ['kostet telefonieren in kroatien extra?', 'eu'],
    ['Servus! I fahr nächste Wochn nach Kroatien, geht mei Handy dort eh ohne Zusatzkosten?', 'eu'],
    ['Can I use my data in Croatia?', 'eu'],
    ['Roaming Bosnien Herzegowina Kosten', 'nonEu'],
    ['Was kostet Internet in der Schweiz?', 'nonEu'],
    ['Urlaub auf Gran Canaria, brauche ich ein Paket?', 'eu'],
  ])('places "%s" in %s', (text, region) => {
    expect(regionOf(text)).toBe(region);
  });

  it('names no region for no country, or for countries on both sides', () => {
    expect(regionOf('Was kostet Roaming?')).toBeUndefined();
    expect(regionOf('Ich fahre durch Kroatien nach Bosnien')).toBeUndefined();
  });

  it('answers with the region of the country when the search leaned to either roaming entry', () => {
    const hits = [match('mobile.roaming-non-eu', 0.88), match('mobile.roaming-eu', 0.74)];
    const leaning: SearchDecision = { best: hits[0], confident: true, alternatives: [] };
    const decided = preferRegion('kostet telefonieren in kroatien extra?', leaning, hits, idOf);
    expect(decided).toMatchObject({ best: { id: 'mobile.roaming-eu' }, confident: true });
  });

  it('takes a country question from the cruise-ship entry, but leaves other leanings alone', () => {
    const ship: SearchDecision = { best: match('mobile.roaming-ship-plane', 0.37), confident: false, alternatives: [] };
    expect(preferRegion('Ich fahre nach Kroatien, kostet das Handy extra?', ship, [], idOf).best?.id).toBe(
      'mobile.roaming-eu',
    );
    const fault: SearchDecision = {
      best: match('mobile.no-signal', 0.7),
      confident: false,
      alternatives: [match('mobile.no-signal', 0.7), match('mobile.roaming-eu', 0.5)],
    };
    expect(preferRegion('Ich bin in Griechenland und habe kein Netz', fault, [], idOf)).toBe(fault);
  });

  it('takes a question from the calls-abroad entry only when the customer is going there', () => {
    const calls: SearchDecision = {
      best: match('mobile.international-calls', 0.5),
      confident: false,
      alternatives: [],
    };
    expect(preferRegion('fahre nach polen, kann ich da normal telefonieren?', calls, [], idOf).best?.id).toBe(
      'mobile.roaming-eu',
    );
    expect(preferRegion('Was kostet ein Anruf nach Polen?', calls, [], idOf)).toBe(calls);
  });

  it('answers a trip to a named country when the search found nothing, and nothing else without a trip', () => {
    const nothing: SearchDecision = { confident: false, alternatives: [] };
    expect(preferRegion('Was chostet mis Handy wenn ich im Sommer i de Türkei bi?', nothing, [], idOf)).toMatchObject({
      best: { id: 'mobile.roaming-non-eu' },
      confident: true,
    });
    expect(preferRegion("I'll be abroad in Spain next week, does my phone work?", nothing, [], idOf).best?.id).toBe(
      'mobile.roaming-eu',
    );
    expect(preferRegion('Wie ist das Wetter in der Türkei?', nothing, [], idOf)).toBe(nothing);
  });

  it('names entries the shipped pack has', () => {
    const ids = new Set(loadKnowledgePack(DEFAULT_KNOWLEDGE_PACK_DIR).map((e) => e.id));
    const rules = defaultRegions();
    for (const id of [rules.entries.eu, rules.entries.nonEu, ...rules.yieldsFrom, ...rules.yieldsWhenTravelling])
      expect(ids).toContain(id);
  });

  it('refuses a region file that lists a country on both sides', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regions-'));
    const file = path.join(dir, 'regions.json');
    writeFileSync(
      file,
      JSON.stringify({
        entries: { eu: 'a', nonEu: 'b' },
        countries: { eu: ['Schweiz'], nonEu: ['schweiz'] },
      }),
    );
    expect(() => loadRegions(file)).toThrow(/both regions/);
  });
});
