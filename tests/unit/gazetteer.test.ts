// The offline gazetteer and places (issue 5): a fixed list of place names as reports write them,
// Arabic script included, resolved against the expected GeoNames ids; ranking by the document's
// other places; resolving, clearing and listing places; coordinates out of range refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import fs from 'node:fs';
import path from 'node:path';
import { getGazetteer, loadGazetteer, loadGazetteerInSlices, type Gazetteer } from '../../electron/services/places/gazetteer/gazetteer';
import { normalizeName } from '../../electron/services/places/gazetteer/normalize';
import { rankCandidates } from '../../electron/services/places/gazetteer/rank';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { createHandlers } from '../../electron/services/index';
import {
  clearPlace,
  getPlace,
  listMapPlaces,
  placeCandidates,
  resolvePlace,
  restorePlace,
} from '../../electron/services/places/places';
import type { ServiceContext } from '../../electron/services/context';
import { addText, errorCodeOf, openTestContext, tempDir } from './helpers';

let gazetteer: Gazetteer;

beforeAll(() => {
  gazetteer = getGazetteer();
}, 60_000);

/** Name as written → the GeoNames id the top candidate must have. */
const expected: [string, number][] = [
  ['دمشق', 170654], // Damascus
  ['Damascus', 170654],
  ['حلب', 170063], // Aleppo
  ['Aleppo', 170063],
  ['درعا', 170905], // Daraa, the city
  ['Daraa', 170905],
  ['Dar‘ā', 170905],
  ['دَرْعا', 170905], // with tashkeel
  ['الرقة', 172955], // Raqqa (ta marbuta)
  ['Raqqa', 172955],
  ['إدلب', 169389], // Idlib (alef with hamza below)
  ['حمص', 169577], // Homs
  ['حماة', 170017], // Hama
  ['اللاذقية', 173576], // Latakia
  ['دير الزور', 170794], // Deir ez-Zor
  ['Deir ez-Zor', 170794],
  ['منبج', 167357], // Manbij
  ['عفرين', 174186], // Afrin
  ['الموصل', 99072], // Mosul
  ['بغداد', 98182], // Baghdad
  ['غزة', 281133], // Gaza
  ['بيروت', 276781], // Beirut
  ['صنعاء', 71137], // Sanaa
  ['الخرطوم', 379252], // Khartoum
  ['El Fasher', 379555],
  ['Kyiv', 703448],
  ['Kharkiv', 706483],
  ['Mariupol', 701822],
  ['Bakhmut', 713174],
  ['Goma', 216281],
  ['Paris', 2988507],
  ['Homs, Libya', 2219905], // the hint after the comma picks Al Khums
];

describe('gazetteer', () => {
  it('normalises diacritics, case, punctuation and Arabic letter forms to one key', () => {
    expect(normalizeName('Dar‘ā')).toBe(normalizeName("Dar'a"));
    expect(normalizeName('DEIR EZ-ZOR')).toBe('deir ez zor');
    expect(normalizeName('Kraków')).toBe('krakow');
    expect(normalizeName('دَرْعا')).toBe('درعا');
    expect(normalizeName('إدلب')).toBe(normalizeName('ادلب'));
    expect(normalizeName('حماة')).toBe(normalizeName('حماه'));
    expect(normalizeName('مستشفى')).toBe(normalizeName('مستشفي'));
    expect(normalizeName('دمـــشق')).toBe('دمشق'); // tatweel
  });

  it('loads GeoNames places, admin areas and countries', () => {
    expect(gazetteer.entries.length).toBeGreaterThan(190_000);
    expect(gazetteer.byGeonameid(170654)).toMatchObject({ name: 'Damascus', country: 'SY', featureCode: 'PPLC' });
    expect(gazetteer.byKey('a1:SY.06')).toMatchObject({ kind: 'admin1', name: 'Daraa', country: 'SY' });
    expect(gazetteer.byKey('c:SY')).toMatchObject({ kind: 'country', name: 'Syria' });
    expect(gazetteer.countryName('UA')).toBe('Ukraine');
  });

  it.each(expected)('resolves %s to GeoNames %i', (name, geonameid) => {
    const [top] = rankCandidates(gazetteer, name, []);
    expect(top, `no candidate for ${name}`).toBeDefined();
    expect(top!.geonameid).toBe(geonameid);
    expect(top!.country).toMatch(/^[A-Z]{2}$/);
  });

  it('offers the province when the text says so, and countries by their names in several languages', () => {
    expect(rankCandidates(gazetteer, 'Daraa province', [])[0]).toMatchObject({ kind: 'admin1', key: 'a1:SY.06', geonameid: null });
    expect(rankCandidates(gazetteer, 'محافظة درعا', [])[0]!.key).toBe('a1:SY.06');
    // The bare name lists the city first and the governorate after it.
    expect(rankCandidates(gazetteer, 'درعا', []).map((c) => c.key)).toEqual(['g:170905', 'a1:SY.06']);
    for (const name of ['Syria', 'سوريا', 'Syrie']) expect(rankCandidates(gazetteer, name, [])[0]!.key).toBe('c:SY');
  });

  it('prefers places near the document’s other places and in their country', () => {
    // Alone, "Tripoli" is the Libyan capital; in a report about Beirut, the Lebanese city.
    expect(rankCandidates(gazetteer, 'Tripoli', [])[0]!.geonameid).toBe(2210247);
    expect(rankCandidates(gazetteer, 'Tripoli', [{ lat: 33.89, lon: 35.5, country: 'LB' }])[0]!.geonameid).toBe(266826);
    expect(rankCandidates(gazetteer, 'Palmyra', [{ lat: 34.73, lon: 36.71, country: 'SY' }])[0]!.geonameid).toBe(163808);
  });

  it('loads in slices that give the event loop its turns, to the same result', async () => {
    // Three lines in GeoNames' dump format: id, name, ASCII name, alternates, lat, lon, class,
    // code, country, cc2, admin1, admin2, admin3, admin4, population, elevation, dem, zone, date.
    const row = (id: number, name: string, alternates: string, lat: number, lon: number, code: string, admin1: string, population: number) =>
      [id, name, name, alternates, lat, lon, 'P', code, 'SY', '', admin1, '', '', '', population, '', 0, 'Asia/Damascus', '2020-01-01'].join('\t');
    const file = path.join(tempDir(), 'mini.txt');
    fs.writeFileSync(
      file,
      [
        row(170654, 'Damascus', 'Dimashq,دمشق', 33.5102, 36.29128, 'PPLC', '13', 1569394),
        row(170905, 'Dar‘ā', 'Daraa,درعا', 32.61889, 36.10213, 'PPLA', '06', 97969),
        row(1, 'Nowhere', '', 91, 0, 'PPL', '06', 10).replace('\t91\t', '\tnot a number\t'),
      ].join('\n') + '\n',
    );
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const sliced = await loadGazetteerInSlices(file, 0);
    ticking = false;
    expect(turns).toBeGreaterThan(0);
    const whole = loadGazetteer(file);
    expect(sliced.entries).toEqual(whole.entries);
    expect(sliced.entries.filter((e) => e.kind === 'city').map((e) => e.geonameid)).toEqual([170654, 170905]);
    expect(rankCandidates(sliced, 'درعا', [])[0]!.geonameid).toBe(170905);
    expect(sliced.byKey('a1:SY.06')).toMatchObject({ name: 'Daraa', lat: 32.61889 });
    expect(() => loadGazetteer(path.join(path.dirname(file), 'missing.txt'))).toThrow(/could not be read/);
  });

  it('answers candidates in the shape the CLI prints, sorted by score', () => {
    const candidates = rankCandidates(gazetteer, 'Damascus', [], 5);
    expect(candidates[0]).toMatchObject({
      geonameid: 170654,
      name: 'Damascus',
      country: 'SY',
      countryName: 'Syria',
      kind: 'city',
      population: expect.any(Number),
    });
    expect(candidates[0]!.lat).toBeCloseTo(33.51, 1);
    expect(candidates[0]!.lon).toBeCloseTo(36.29, 1);
    const scores = candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(rankCandidates(gazetteer, 'Xqzzyville', [])).toEqual([]);
  });
});

const report = 'Shelling hit Daraa and Tripoli overnight, residents in Beirut said. Later حلب was quiet.';

function tag(ctx: ServiceContext, documentId: string, quote: string): string {
  const start = report.indexOf(quote);
  return createAnnotation(ctx, { documentId, labelId: 'location', start, end: start + quote.length }).id;
}

describe('places', () => {
  it('resolves by GeoNames id, by candidate key and by hand; clears and restores', () => {
    const { ctx } = openTestContext();
    const documentId = addText(ctx, report);
    const daraa = tag(ctx, documentId, 'Daraa');
    const aleppo = tag(ctx, documentId, 'حلب');
    const beirut = tag(ctx, documentId, 'Beirut');

    const city = resolvePlace(ctx, { annotationId: daraa, geonameid: 170905 });
    expect(city).toMatchObject({ geonameid: 170905, country: 'SY', admin1: 'Daraa', resolvedBy: 'gazetteer' });
    const province = resolvePlace(ctx, { annotationId: daraa, key: 'a1:SY.06' });
    expect(province).toMatchObject({ geonameid: null, name: 'Daraa', country: 'SY' });
    expect(placeCandidates(ctx, aleppo)[0]!.geonameid).toBe(170063);
    resolvePlace(ctx, { annotationId: aleppo, geonameid: 170063 });
    const manual = resolvePlace(ctx, { annotationId: beirut, lat: 33.8938, lon: 35.5018 });
    expect(manual).toMatchObject({ name: 'Beirut', geonameid: null, country: null, resolvedBy: 'manual' });

    const { undoToken: resolveToken, ...provincePlace } = province;
    const cleared = clearPlace(ctx, daraa);
    expect(cleared).toEqual({ ...provincePlace, undoToken: expect.any(String) });
    expect(getPlace(ctx, daraa)).toBeNull();
    expect(clearPlace(ctx, daraa)).toBeNull();
    // Undo of the clear puts the province back; its token undoes that in turn (redo).
    const back = restorePlace(ctx, cleared!.undoToken);
    expect(back).toEqual({ annotationId: daraa, place: provincePlace, undoToken: expect.any(String) });
    expect(restorePlace(ctx, back.undoToken)).toMatchObject({ place: null });
    expect(getPlace(ctx, daraa)).toBeNull();
    // Undo of the province's resolution puts the city back.
    expect(restorePlace(ctx, resolveToken).place).toEqual(getPlace(ctx, daraa));
    expect(getPlace(ctx, daraa)).toMatchObject({ geonameid: 170905 });
    expect(errorCodeOf(() => restorePlace(ctx, resolveToken))).toBe('NOT_FOUND');
  });

  it('answers candidates and resolves through the dispatcher, as the window asks', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx), { logError: () => undefined });
    const documentId = addText(t.ctx, report);
    const aleppo = tag(t.ctx, documentId, 'حلب');
    const answer = await dispatch('places.candidates', { annotationId: aleppo, limit: 3 });
    expect(answer.ok && (answer.value as { geonameid: number }[])[0]!.geonameid).toBe(170063);
    const resolved = await dispatch('places.resolve', { annotationId: aleppo, geonameid: 170063 });
    expect(resolved.ok && resolved.value).toMatchObject({ annotationId: aleppo, name: 'Aleppo', country: 'SY' });
    const map = await dispatch('places.list', {});
    expect(map.ok && (map.value as { key: string }[]).map((p) => p.key)).toEqual(['g:170063']);
  });

  it('ranks a report’s places by its other resolved places', () => {
    const { ctx } = openTestContext();
    const documentId = addText(ctx, report);
    const tripoli = tag(ctx, documentId, 'Tripoli');
    const beirut = tag(ctx, documentId, 'Beirut');
    expect(placeCandidates(ctx, tripoli)[0]!.country).toBe('LY');
    resolvePlace(ctx, { annotationId: beirut, geonameid: 276781 });
    expect(placeCandidates(ctx, tripoli)[0]).toMatchObject({ geonameid: 266826, country: 'LB' });
    expect(placeCandidates(ctx, tripoli, 'Tarabulus, Libya')[0]!.country).toBe('LY');
  });

  it('refuses coordinates out of range, unknown ids and annotations, changing nothing', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx), { logError: () => undefined });
    const documentId = addText(t.ctx, report);
    const daraa = tag(t.ctx, documentId, 'Daraa');
    resolvePlace(t.ctx, { annotationId: daraa, geonameid: 170905 });
    const before = getPlace(t.ctx, daraa);
    const bad: [object, RegExp][] = [
      [{ annotationId: daraa, lat: 91, lon: 0 }, /latitude must be from -90 to 90/i],
      [{ annotationId: daraa, lat: -90.5, lon: 0 }, /latitude/i],
      [{ annotationId: daraa, lat: 0, lon: 180.01 }, /longitude must be from -180 to 180/i],
      [{ annotationId: daraa, lat: 0, lon: Number.NaN }, /lon/i],
    ];
    for (const [request, message] of bad) {
      // The service refuses on its own, and the contract before the service is called.
      expect(errorCodeOf(() => resolvePlace(t.ctx, request as never))).toBe('INVALID_ARGS');
      expect(() => resolvePlace(t.ctx, request as never)).toThrow(message);
      const answer = await dispatch('places.resolve', request);
      expect(answer.ok).toBe(false);
      expect(!answer.ok && answer.error.code).toBe('INVALID_ARGS');
    }
    expect(errorCodeOf(() => resolvePlace(t.ctx, { annotationId: daraa, geonameid: 999_999_999 }))).toBe('NOT_FOUND');
    expect(errorCodeOf(() => resolvePlace(t.ctx, { annotationId: daraa, key: 'c:ZZ' }))).toBe('NOT_FOUND');
    expect(errorCodeOf(() => resolvePlace(t.ctx, { annotationId: 'nope', geonameid: 170905 }))).toBe('NOT_FOUND');
    expect(getPlace(t.ctx, daraa)).toEqual(before);
    // The table refuses out-of-range points even from a caller that skips the service.
    expect(() => t.store.db.prepare("UPDATE places SET lat = 95 WHERE annotation_id = ?").run(daraa)).toThrow(/CHECK/);
  });

  it('lists resolved places for the map, grouped by point, per document or for the corpus', () => {
    const { ctx } = openTestContext();
    const first = addText(ctx, report, 'First');
    const second = addText(ctx, 'Damascus and Daraa again.', 'Second');
    resolvePlace(ctx, { annotationId: tag(ctx, first, 'Daraa'), geonameid: 170905 });
    resolvePlace(ctx, { annotationId: tag(ctx, first, 'Beirut'), lat: 33.9, lon: 35.5 });
    const again = createAnnotation(ctx, { documentId: second, labelId: 'location', start: 13, end: 18 });
    resolvePlace(ctx, { annotationId: again.id, geonameid: 170905 });

    const corpus = listMapPlaces(ctx);
    expect(corpus.map((p) => [p.name, p.annotations.length])).toEqual([
      ['Beirut', 1],
      ['Dar‘ā', 2],
    ]);
    const daraa = corpus.find((p) => p.geonameid === 170905)!;
    expect(daraa.annotations.map((a) => a.documentTitle).sort()).toEqual(['First', 'Second']);
    expect(daraa.annotations[0]).toMatchObject({ quote: 'Daraa', start: expect.any(Number), end: expect.any(Number) });
    expect(listMapPlaces(ctx, second).map((p) => p.key)).toEqual(['g:170905']);
    expect(errorCodeOf(() => listMapPlaces(ctx, 'nope'))).toBe('NOT_FOUND');
  });
});
