// Ranks gazetteer entries for a place name as written in a report. The score adds up:
// - how the name matched: the entry's own name (3) or one of its alternate names (2), or only
//   without a leading Arabic article (-1);
// - size: 0.6 per power of ten of population, and a bonus for capitals and seats;
// - agreement with the document's other resolved places: the same country (+2), and nearness
//   (up to +2, fading over a few hundred kilometres);
// - a hint after a comma ("Daraa, Syria", "Homs, Libya") that names the country or admin area (+4);
// - the kind: a place is what a bare name usually means, so an admin area scores 2 less, unless
//   the text says it is one ("Daraa province", "محافظة درعا": +3 instead).
import type { PlaceCandidate } from '../../../../shared/schemas/places';
import type { Gazetteer, GazetteerEntry, Match } from './gazetteer';
import { normalizeName, withoutArticle } from './normalize';

export interface PlaceContext {
  lat: number;
  lon: number;
  country: string | null;
}

const featureBonus: Readonly<Record<string, number>> = {
  PPLC: 1.5,
  PPLA: 1,
  PPLA2: 0.5,
  PPLG: 0.5,
  ADM1: 0.5,
  PCLI: 1,
};

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function matchesFor(gazetteer: Gazetteer, key: string): { match: Match; quality: number }[] {
  const out = gazetteer.lookup(key).map((match) => ({ match, quality: match.primary ? 3 : 2 }));
  if (out.length > 0) return out;
  const bare = withoutArticle(key);
  if (bare) return gazetteer.lookup(bare).map((match) => ({ match, quality: (match.primary ? 3 : 2) - 1 }));
  return [];
}

function hintScore(gazetteer: Gazetteer, entry: GazetteerEntry, hints: readonly string[]): number {
  if (hints.length === 0) return 0;
  let score = 0;
  for (const hint of hints) {
    const hits = gazetteer.lookup(hint);
    if (hits.some((h) => h.entry.kind === 'country' && h.entry.country === entry.country)) score += 4;
    else if (
      hits.some(
        (h) => h.entry.kind === 'admin1' && h.entry.country === entry.country && h.entry.admin1Code === entry.admin1Code,
      )
    ) {
      score += 4;
    }
  }
  return score;
}

function contextScore(entry: GazetteerEntry, context: readonly PlaceContext[]): number {
  if (context.length === 0) return 0;
  let score = context.some((c) => c.country === entry.country) ? 2 : 0;
  const nearest = Math.min(...context.map((c) => distanceKm(c, entry)));
  score += 2 * Math.exp(-nearest / 300);
  return score;
}

/** Words that make a name an admin area's, in the normalised form (so Arabic without ta marbuta). */
const adminWords = /(^|\s)(province|governorate|gouvernorat|region|oblast|state|district|county|wilayah|vilayet|muhafazat|mohafazat|محافظه|ولايه|اقليم|منطقه)(\s|$)/g;

export function rankCandidates(
  gazetteer: Gazetteer,
  query: string,
  context: readonly PlaceContext[],
  limit = 10,
): PlaceCandidate[] {
  const [head, ...rest] = query.split(/[,،]/);
  const headKey = normalizeName(head ?? '');
  const key = headKey.replace(adminWords, ' ').replace(/\s+/g, ' ').trim();
  const wantsAdmin = key !== headKey;
  const hints = rest.map(normalizeName).filter((h) => h !== '');
  let found = key === '' ? [] : matchesFor(gazetteer, key);
  // "Daraa Syria" without a comma: try the words before the last as the name.
  if (found.length === 0 && hints.length === 0 && key.includes(' ')) {
    const words = key.split(' ');
    const tail = words.pop()!;
    found = matchesFor(gazetteer, words.join(' '));
    hints.push(tail);
  }
  const scored = found.map(({ match, quality }) => {
    const e = match.entry;
    const score =
      quality +
      0.6 * Math.log10(e.population + 1) +
      (featureBonus[e.featureCode] ?? 0) +
      contextScore(e, context) +
      hintScore(gazetteer, e, hints) +
      (e.kind === 'admin1' ? (wantsAdmin ? 3 : -2) : 0);
    return { entry: e, matched: match.primary ? e.name : head!.trim(), score };
  });
  scored.sort((a, b) => b.score - a.score || b.entry.population - a.entry.population);
  return scored.slice(0, limit).map(({ entry, matched, score }) => ({
    key: entry.key,
    kind: entry.kind,
    geonameid: entry.geonameid,
    name: entry.name,
    country: entry.country,
    countryName: gazetteer.countryName(entry.country),
    admin1: entry.kind === 'country' ? null : gazetteer.admin1Name(entry.country, entry.admin1Code),
    lat: entry.lat,
    lon: entry.lon,
    population: entry.population,
    matched,
    score: Math.round(score * 100) / 100,
  }));
}

export { normalizeName };
