// The analysis commands of the CLI end to end (issue 5): a real process over a real store.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';
import { runCli } from './cli-bundle';


async function cli(db: string, args: string[]) {
  return runCli([...args, '--db', db]);
}

async function ok<T = Record<string, unknown>>(db: string, args: string[]): Promise<T> {
  const run = await cli(db, args);
  expect(run.stderr, args.join(' ')).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as T;
}

async function fails(db: string, args: string[], code: number, message: RegExp): Promise<void> {
  const run = await cli(db, args);
  expect(run.status, args.join(' ')).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(message);
}

const report = 'Rebels said they had seized Daraa, the Observatory said.\n\nLater, fighting was reported near حلب.\n';

async function setup() {
  const dir = tempDir();
  const db = path.join(dir, 'store.sqlite');
  const file = path.join(dir, 'report.txt');
  fs.writeFileSync(file, report);
  await ok(db, ['import', file]);
  const [doc] = await ok<{ id: string }[]>(db, ['docs']);
  const annotate = async (label: string, quote: string) =>
    (await ok<{ id: string }>(db, ['annotate', doc!.id, '--label', label, '--quote', quote])).id;
  return { dir, db, annotate };
}

describe('cli analysis', () => {
  it('relates, sets attributes and refuses bad values and relations with nothing changed', async () => {
    const { db, annotate } = await setup();
    const claim = await annotate('Claim', 'Rebels said they had seized Daraa');
    const source = await annotate('Source', 'the Observatory');
    const place = await annotate('Location', 'Daraa');

    expect(await ok(db, ['relate', claim, source, '--type', 'attributed to'])).toMatchObject({
      type: 'attributed to', typeId: 'attributed-to', fromId: claim, toId: source, id: expect.any(String),
    });
    expect(await ok(db, ['relate', claim, place, '--type', 'located-at'])).toMatchObject({ type: 'located at' });
    expect(await ok(db, ['set', claim, '--attr', 'status=disputed', '--attr', 'confidence=low'])).toEqual({
      annotationId: claim,
      attributes: { status: 'disputed', confidence: 'low' },
    });
    expect(await ok(db, ['set', source, '--attr', 'kind=NGO/monitor', '--attr', 'named=yes'])).toEqual({
      annotationId: source,
      attributes: { kind: 'NGO/monitor', named: true },
    });

    await fails(db, ['set', claim, '--attr', 'status=probably'], 1, /"status" must be one of "unverified", "corroborated", "disputed", "refuted"/);
    await fails(db, ['set', claim, '--attr', 'colour=red'], 1, /has no attribute "colour"/);
    await fails(db, ['set', source, '--attr', 'named=perhaps'], 1, /takes true or false/);
    await fails(db, ['set', claim, '--attr', 'status'], 2, /NAME=VALUE/);
    await fails(db, ['set', claim], 2, /at least one --attr/);
    await fails(db, ['relate', claim, source, '--type', 'attributed to'], 1, /already linked/);
    await fails(db, ['relate', source, place, '--type', 'located at'], 1, /goes from a Claim annotation/);
    await fails(db, ['relate', claim, source, '--type', 'funded by'], 1, /No relation type "funded by"\. Types: "attributed to", "located at"/);
    await fails(db, ['relate', claim, '--type', 'located at'], 2, /relate takes 2 arguments/);
    // The values are as they were after the refusals.
    expect(await ok(db, ['set', claim, '--attr', 'confidence=low'])).toEqual({
      annotationId: claim,
      attributes: { status: 'disputed', confidence: 'low' },
    });
  }, 60_000);

  it('lists gazetteer candidates, resolves by GeoNames id or coordinates, and exports GeoJSON', async () => {
    const { dir, db, annotate } = await setup();
    const claim = await annotate('Claim', 'Rebels said they had seized Daraa');
    const daraa = await annotate('Location', 'Daraa');
    const aleppo = await annotate('Location', 'حلب');
    await ok(db, ['relate', claim, daraa, '--type', 'located at']);
    await ok(db, ['set', claim, '--attr', 'status=unverified']);

    const candidates = await ok<Record<string, unknown>[]>(db, ['places', aleppo]);
    expect(candidates[0]).toMatchObject({ geonameid: 170063, name: 'Aleppo', country: 'SY', population: expect.any(Number) });
    expect(Object.keys(candidates[0]!).slice(0, 6)).toEqual(['geonameid', 'name', 'country', 'lat', 'lon', 'population']);
    expect((await ok<{ geonameid: number }[]>(db, ['places', daraa]))[0]!.geonameid).toBe(170905);

    expect(await ok(db, ['resolve', daraa, '--geonameid', '170905'])).toMatchObject({ geonameid: 170905, country: 'SY', resolvedBy: 'gazetteer' });
    expect(await ok(db, ['resolve', aleppo, '--lat', '36.2', '--lon', '37.16', '--name', 'Aleppo (by hand)'])).toMatchObject({
      geonameid: null, name: 'Aleppo (by hand)', lat: 36.2, lon: 37.16, resolvedBy: 'manual',
    });
    await fails(db, ['resolve', aleppo, '--lat=-91', '--lon', '10'], 1, /Latitude must be from -90 to 90/);
    await fails(db, ['resolve', aleppo, '--lat', '10', '--lon', '200'], 1, /Longitude must be from -180 to 180/);
    await fails(db, ['resolve', aleppo, '--lat', 'north', '--lon', '10'], 2, /--lat must be a number/);
    await fails(db, ['resolve', aleppo, '--geonameid', '1', '--lat', '1', '--lon', '1'], 2, /one of --geonameid/);
    await fails(db, ['resolve', aleppo, '--geonameid', '999999999'], 1, /no place with GeoNames id 999999999/);

    const out = path.join(dir, 'places.geojson');
    expect(await ok(db, ['export', '--format', 'geojson', '--out', out])).toMatchObject({ documents: 1, annotations: 2 });
    const collection = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(collection.type).toBe('FeatureCollection');
    const daraaFeature = collection.features.find((f: { id: string }) => f.id === 'geonames:170905');
    expect(daraaFeature.geometry.coordinates).toEqual([36.10213, 32.61889]);
    expect(daraaFeature.properties.claims).toMatchObject([{ id: claim, status: 'unverified' }]);
    // The manual point stays where it was put after the refused resolutions.
    expect(collection.features.find((f: { properties: { name: string } }) => f.properties.name === 'Aleppo (by hand)').geometry.coordinates).toEqual([37.16, 36.2]);
    // Fourteen processes that each read the 32 MB gazetteer: 2 minutes on a machine shared by many jobs.
  }, 180_000);

  it('exports the schema to a file and merges one in; refuses a malformed or newer file', async () => {
    const { dir, db } = await setup();
    const file = path.join(dir, 'schema.json');
    expect(await ok(db, ['schema', 'export', file])).toEqual({ path: file });
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(schema.glossaSchema).toBe(1);
    schema.labels.push({ name: 'Weapon', color: '#aa0000', attributes: [{ name: 'type', type: 'text' }] });
    fs.writeFileSync(file, JSON.stringify(schema));
    expect(await ok(db, ['schema', 'import', file])).toMatchObject({ labelsAdded: ['Weapon'], attributesAdded: ['Weapon.type'] });

    fs.writeFileSync(file, '{"glossaSchema": 1, "labels": [');
    await fails(db, ['schema', 'import', file], 1, /not valid JSON/);
    fs.writeFileSync(file, JSON.stringify({ ...schema, glossaSchema: 7 }));
    await fails(db, ['schema', 'import', file], 1, /written by a newer version of Glossa/);
    await fails(db, ['schema', 'merge', file], 2, /schema takes export or import/);
    expect(await ok<{ counts: object }[]>(db, ['docs'])).toHaveLength(1);
  }, 60_000);
});
