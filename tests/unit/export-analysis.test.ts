// Exports carry the analysis (issue 5): JSONL and CSV gain attribute values, relations and
// places; GeoJSON is a FeatureCollection of resolved places checked against RFC 7946's structure.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { exportDataset, exportDatasetWithDialog } from '../../electron/services/datasets/export';
import { createAttribute } from '../../electron/services/schema/attributes';
import { resolvePlace } from '../../electron/services/places/places';
import { createRelation } from '../../electron/services/annotate/relations';
import type { ServiceContext } from '../../electron/services/context';
import { addText, openTestContext } from './helpers';

const first = 'Rebels said they seized Daraa 👍🏽, the Observatory reported. The army denied it in دمشق.';
const second = 'Twelve died in Homs, a doctor said.';

function tag(ctx: ServiceContext, documentId: string, text: string, quote: string, labelId: string): string {
  const start = text.indexOf(quote);
  return createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length }).id;
}

function seed() {
  const t = openTestContext();
  const { ctx } = t;
  const doc1 = addText(ctx, first, 'First');
  const doc2 = addText(ctx, second, 'Second');
  const ids = {
    seized: tag(ctx, doc1, first, 'Rebels said they seized Daraa', 'claim'),
    observatory: tag(ctx, doc1, first, 'the Observatory', 'source'),
    daraa: tag(ctx, doc1, first, 'Daraa', 'location'),
    denied: tag(ctx, doc1, first, 'The army denied it', 'claim'),
    damascus: tag(ctx, doc1, first, 'دمشق', 'location'),
    twelve: tag(ctx, doc2, second, 'Twelve died in Homs', 'claim'),
    homs: tag(ctx, doc2, second, 'Homs', 'location'),
  };
  const topics = createAttribute(ctx, { labelId: 'claim', name: 'topics', type: 'multi', options: ['arms', 'aid'] });
  createAttribute(ctx, { labelId: 'claim', name: 'deaths', type: 'number' });
  setValues(ctx, ids.seized, { status: 'disputed', [topics.id]: ['arms', 'aid'] });
  setValues(ctx, ids.twelve, { status: 'corroborated', deaths: 12 });
  setValues(ctx, ids.observatory, { kind: 'NGO/monitor', named: true });
  const r1 = createRelation(ctx, { typeId: 'attributed-to', fromId: ids.seized, toId: ids.observatory });
  const r2 = createRelation(ctx, { typeId: 'located-at', fromId: ids.seized, toId: ids.daraa });
  createRelation(ctx, { typeId: 'located-at', fromId: ids.denied, toId: ids.damascus });
  createRelation(ctx, { typeId: 'located-at', fromId: ids.twelve, toId: ids.homs });
  // Two spans in two documents at one GeoNames place make one feature; one point entered by hand.
  resolvePlace(ctx, { annotationId: ids.daraa, lat: 32.618_89, lon: 36.102_13, name: 'Daraa' });
  resolvePlace(ctx, { annotationId: ids.damascus, lat: 33.5102, lon: 36.29128, name: 'Damascus' });
  t.store.db
    .prepare(
      `INSERT INTO places (annotation_id, geonameid, name, country, admin1, lat, lon, population, resolved_by, resolved_at)
       VALUES (?, 169577, 'Homs', 'SY', 'Homs', 34.72682, 36.72339, 775404, 'gazetteer', '2026-01-01')`,
    )
    .run(ids.homs);
  return { ...t, doc1, doc2, ids, r1, r2, topics };
}

function python(script: string, ...args: string[]): string {
  return execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
}

/** Checks RFC 7946's structure for a FeatureCollection of Points; returns the problems found. */
function geoJsonProblems(value: unknown): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) return ['not an object'];
  if (value.type !== 'FeatureCollection') problems.push('type is not FeatureCollection');
  for (const key of Object.keys(value)) if (!['type', 'features', 'bbox'].includes(key)) problems.push(`extra member ${key}`);
  if ('crs' in value) problems.push('crs is not part of RFC 7946');
  if (!Array.isArray(value.features)) return [...problems, 'features is not an array'];
  value.features.forEach((f: unknown, i: number) => {
    if (!isObject(f)) return problems.push(`feature ${i} is not an object`);
    if (f.type !== 'Feature') problems.push(`feature ${i}: type`);
    if ('id' in f && typeof f.id !== 'string' && typeof f.id !== 'number') problems.push(`feature ${i}: id`);
    if (!(f.properties === null || isObject(f.properties))) problems.push(`feature ${i}: properties`);
    const g = f.geometry;
    if (!isObject(g) || g.type !== 'Point') return problems.push(`feature ${i}: geometry is not a Point`);
    const c = g.coordinates;
    if (!Array.isArray(c) || c.length !== 2 || !c.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      return problems.push(`feature ${i}: coordinates are not [lon, lat]`);
    }
    if (c[0] < -180 || c[0] > 180) problems.push(`feature ${i}: longitude out of range`);
    if (c[1] < -90 || c[1] > 90) problems.push(`feature ${i}: latitude out of range`);
    return undefined;
  });
  return problems;
}

describe('exports with analysis', () => {
  it('JSONL: attributes by name and place on each annotation, relations per document', () => {
    const t = seed();
    const out = path.join(t.dir, 'corpus.jsonl');
    exportDataset(t.ctx, { format: 'jsonl' }, out);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const doc1 = lines.find((l) => l.id === t.doc1);
    const seized = doc1.annotations.find((a: { id: string }) => a.id === t.ids.seized);
    expect(seized.attributes).toEqual({ status: 'disputed', topics: ['arms', 'aid'] });
    expect(seized.place).toBeNull();
    const daraa = doc1.annotations.find((a: { id: string }) => a.id === t.ids.daraa);
    expect(daraa.place).toEqual({ name: 'Daraa', geonameid: null, country: null, lat: 32.61889, lon: 36.10213 });
    expect(doc1.annotations.find((a: { id: string }) => a.id === t.ids.observatory).attributes).toEqual({
      kind: 'NGO/monitor',
      named: true,
    });
    expect(doc1.relations).toEqual([
      { id: t.r1.id, type: 'attributed to', from: t.ids.seized, to: t.ids.observatory },
      { id: t.r2.id, type: 'located at', from: t.ids.seized, to: t.ids.daraa },
      expect.objectContaining({ type: 'located at', from: t.ids.denied, to: t.ids.damascus }),
    ]);
    // Every relation's ends are annotations of the same line.
    for (const line of lines) {
      const own = new Set(line.annotations.map((a: { id: string }) => a.id));
      for (const r of line.relations) expect(own.has(r.from) && own.has(r.to)).toBe(true);
    }
  });

  it('CSV: a column per label attribute, outgoing relations as JSON, and the place; Python reads it back', () => {
    const t = seed();
    const out = path.join(t.dir, 'corpus.csv');
    exportDataset(t.ctx, { format: 'csv' }, out);
    const rows = JSON.parse(
      python(
        "import csv, json, sys\nwith open(sys.argv[1], encoding='utf-8-sig', newline='') as f: print(json.dumps(list(csv.DictReader(f))))",
        out,
      ),
    ) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'document_id', 'title', 'label', 'start', 'end', 'quote', 'note', 'offset_unit',
      'Claim.status', 'Claim.confidence', 'Claim.claim type', 'Claim.topics', 'Claim.deaths',
      'Source.kind', 'Source.named',
      'relations', 'place_name', 'place_geonameid', 'place_country', 'place_lat', 'place_lon',
    ]);
    const byQuote = new Map(rows.map((r) => [r.quote, r]));
    const seized = byQuote.get('Rebels said they seized Daraa')!;
    expect(seized['Claim.status']).toBe('disputed');
    expect(JSON.parse(seized['Claim.topics']!)).toEqual(['arms', 'aid']);
    expect(seized['Source.kind']).toBe('');
    expect(JSON.parse(seized.relations!)).toEqual([
      { type: 'attributed to', to: t.ids.observatory },
      { type: 'located at', to: t.ids.daraa },
    ]);
    expect(byQuote.get('Twelve died in Homs')!['Claim.deaths']).toBe('12');
    expect(byQuote.get('the Observatory')).toMatchObject({ 'Source.kind': 'NGO/monitor', 'Source.named': 'true', relations: '' });
    expect(byQuote.get('Homs')).toMatchObject({
      place_name: 'Homs', place_geonameid: '169577', place_country: 'SY', place_lat: '34.72682', place_lon: '36.72339',
    });
  });

  it('GeoJSON: one Point feature per place, [lon, lat], with its spans and the claims located there', () => {
    const t = seed();
    const out = path.join(t.dir, 'places.geojson');
    expect(exportDataset(t.ctx, { format: 'geojson' }, out)).toEqual({ documents: 2, annotations: 3, relations: 0, offsetUnit: 'none', warnings: [] });
    const collection = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(geoJsonProblems(collection)).toEqual([]);
    expect(Object.keys(collection)).toEqual(['type', 'features']);
    const byName = new Map(collection.features.map((f: { properties: { name: string } }) => [f.properties.name, f]));
    expect([...byName.keys()].sort()).toEqual(['Damascus', 'Daraa', 'Homs']);
    const homs = byName.get('Homs') as { id: string; geometry: { coordinates: number[] }; properties: Record<string, unknown> };
    expect(homs.id).toBe('geonames:169577');
    expect(homs.geometry).toEqual({ type: 'Point', coordinates: [36.72339, 34.72682] }); // longitude first
    expect(homs.properties).toMatchObject({
      name: 'Homs',
      geonameid: 169577,
      country: 'SY',
      locations: [{ id: t.ids.homs, quote: 'Homs', document_id: t.doc2, document_title: 'Second' }],
      claims: [
        {
          id: t.ids.twelve,
          quote: 'Twelve died in Homs',
          status: 'corroborated',
          attributes: { status: 'corroborated', deaths: 12 },
          document_id: t.doc2,
          document_title: 'Second',
          published_at: null,
        },
      ],
    });
    const daraa = byName.get('Daraa') as { properties: { claims: { status: string }[]; geonameid: null } };
    expect(daraa.properties.geonameid).toBeNull();
    expect(daraa.properties.claims.map((c) => c.status)).toEqual(['disputed']);
    // Python's json reads it as well, and one document's export holds only its places.
    expect(python('import json, sys; print(len(json.load(open(sys.argv[1], encoding="utf-8"))["features"]))', out).trim()).toBe('3');
    const one = path.join(t.dir, 'one.geojson');
    expect(exportDataset(t.ctx, { format: 'geojson', documentId: t.doc2 }, one)).toEqual({ documents: 1, annotations: 1, relations: 0, offsetUnit: 'none', warnings: [] });
    expect(JSON.parse(fs.readFileSync(one, 'utf8')).features).toHaveLength(1);
  });

  it('GeoJSON of a library without places is an empty FeatureCollection, and goes through the dialog', async () => {
    const t = openTestContext();
    addText(t.ctx, 'Nothing resolved here.');
    t.dialogs.exportPath = path.join(t.dir, 'empty.geojson');
    expect(await exportDatasetWithDialog(t.ctx, { format: 'geojson' })).toMatchObject({ status: 'written', documents: 0, annotations: 0 });
    expect(t.dialogs.exportRequests[0]).toMatchObject({ extension: 'geojson' });
    expect(t.dialogs.exportRequests[0]!.suggestedName).toMatch(/^glossa-corpus-\d{4}-\d{2}-\d{2}\.geojson$/);
    const empty = JSON.parse(fs.readFileSync(t.dialogs.exportPath, 'utf8'));
    expect(empty).toEqual({ type: 'FeatureCollection', features: [] });
    expect(geoJsonProblems(empty)).toEqual([]);
  });
});
