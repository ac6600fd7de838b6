// Issue 12: a brat normalisation "N1 Reference T1 GeoNames:170905" on a Location span resolves
// the span to that place when the offline gazetteer knows the id, else stays a normalisation
// and the import report counts it; brat export writes the N line back from the place.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../../electron/services/datasets/export';
import { importAnnotations } from '../../electron/services/datasets/import';
import { resolvePlace } from '../../electron/services/places/places';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { geoNamesSummary } from '../../renderer/src/export/import-report-lines';
import { addText, openTestContext } from './helpers';
import { bratFacts } from './brat-facts';
import { fixturesDir } from './formats-helpers';

const fixture = path.join(fixturesDir, 'geonames');

describe('GeoNames normalisations and places', () => {
  it('resolves Location spans the gazetteer knows, counts the ids it lacks, and exports the same N lines', async () => {
    const { ctx, store, dir } = openTestContext();
    const report = await importAnnotations(ctx, 'brat', fixture);
    expect(report).toMatchObject({ annotationsImported: 3, normalisationsImported: 3, placesFromNormalisations: 2, normalisationsNotInGazetteer: 1, dropped: [] });
    expect(geoNamesSummary(report)).toBe('2 Location spans resolved to their GeoNames place · 1 GeoNames reference not in the offline gazetteer (kept as a normalisation)');
    const places = store.db.prepare('SELECT a.quote, p.geonameid, p.name, p.country, p.resolved_by AS resolvedBy FROM places p JOIN annotations a ON a.id = p.annotation_id ORDER BY a.start').all();
    expect(places).toEqual([
      { quote: 'Daraa', geonameid: 170905, name: 'Dar‘ā', country: 'SY', resolvedBy: 'gazetteer' },
      { quote: 'Damascus', geonameid: 170654, name: 'Damascus', country: 'SY', resolvedBy: 'gazetteer' },
    ]);
    // Damascus's line is the place's own (type Reference, text its name): the place writes it
    // back. Daraa's text differs from the gazetteer's name, and Atlantis has no place: both stay.
    expect(store.db.prepare('SELECT resource_id FROM normalisations ORDER BY resource_id').pluck().all()).toEqual(['170905', '99999999']);
    const out = path.join(dir, 'out');
    exportDataset(ctx, { format: 'brat' }, out);
    expect(bratFacts(out).normalisations).toEqual(bratFacts(fixture).normalisations);
    // Imported again, the export is the same.
    const back = openTestContext();
    expect(await importAnnotations(back.ctx, 'brat', out)).toMatchObject({ placesImported: 2, normalisationsNotInGazetteer: 1 });
    const again = path.join(back.dir, 'out');
    exportDataset(back.ctx, { format: 'brat' }, again);
    expect(bratFacts(again)).toEqual(bratFacts(out));
  }, 60_000);

  it('a place resolved in Glossa exports as a GeoNames normalisation', () => {
    const { ctx, dir } = openTestContext();
    const documentId = addText(ctx, 'Shelling hit Damascus.');
    const a = createAnnotation(ctx, { documentId, labelId: 'location', start: 13, end: 21 });
    resolvePlace(ctx, { annotationId: a.id, geonameid: 170654 });
    const out = path.join(dir, 'out');
    exportDataset(ctx, { format: 'brat' }, out);
    const ann = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.ann'))!), 'utf8');
    expect(ann).toContain('N1\tReference T1 GeoNames:170654\tDamascus\n');
  }, 60_000);
});
