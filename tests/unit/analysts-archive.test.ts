// Exchange without a server: a colleague's .glossa archive (a real file written by another real
// store) merges their layer into yours, matched by the report's content, never overwriting yours;
// an analyst whose name belongs to another id here, and an archive from a newer Glossa, are
// refused and change nothing. Exports choose the layer.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/services/index';
import { createAnnotation, updateAnnotation } from '../../electron/services/annotate/annotations';
import type { ServiceContext } from '../../electron/services/context';
import { exportDataset } from '../../electron/services/datasets/export';
import { unzip, zip } from '../../electron/services/datasets/files';
import { importAnnotations } from '../../electron/services/datasets/import';
import { addText, errorCodeOf, openTestContext, tempDir } from './helpers';

const text = 'Officials in Port Alder said the strike ended, the Courier reported.';

function tag(ctx: ServiceContext, documentId: string, quote: string, labelId: string): string {
  const start = text.indexOf(quote);
  return createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length }).id;
}

function analystStore(name: string) {
  const t = openTestContext();
  createHandlers(t.ctx)['analysts.saveProfile']({ name });
  const documentId = addText(t.ctx, text);
  return { ...t, documentId };
}

const layerRows = (ctx: ServiceContext) =>
  ctx.store.db
    .prepare(`SELECT n.name AS analyst, a.quote, a.note FROM annotations a JOIN analysts n ON n.id = a.layer ORDER BY n.name, a.start`)
    .all() as { analyst: string; quote: string; note: string }[];

async function expectRefused(ctx: ServiceContext, file: string, code: string, message: RegExp): Promise<void> {
  const before = JSON.stringify({ rows: layerRows(ctx), analysts: ctx.store.db.prepare('SELECT * FROM analysts ORDER BY id').all() });
  await expect(importAnnotations(ctx, 'archive', file)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
  expect(JSON.stringify({ rows: layerRows(ctx), analysts: ctx.store.db.prepare('SELECT * FROM analysts ORDER BY id').all() })).toBe(before);
}

describe('archives carry layers', () => {
  it("merges a colleague's layer into yours, by the report's content, never overwriting your annotations", async () => {
    const dir = tempDir();
    const alice = analystStore('Alice');
    tag(alice.ctx, alice.documentId, 'the strike ended', 'claim');
    tag(alice.ctx, alice.documentId, 'Officials', 'source');
    const aliceArchive = path.join(dir, 'alice.glossa');
    exportDataset(alice.ctx, { format: 'archive' }, aliceArchive);
    const entries = unzip(fs.readFileSync(aliceArchive), 'alice.glossa');
    expect(JSON.parse(entries.get('analysts.json')!.toString('utf8'))).toEqual([{ id: alice.ctx.analyst.id, name: 'Alice' }]);
    expect(JSON.parse(entries.get('manifest.json')!.toString('utf8'))).toMatchObject({ glossaArchive: 2 });

    const bob = analystStore('Bob');
    // Bob annotated the same span too, and noted it: his stays his.
    const bobsClaim = tag(bob.ctx, bob.documentId, 'the strike ended', 'claim');
    updateAnnotation(bob.ctx, { id: bobsClaim, note: "Bob's reading" });
    const report = await importAnnotations(bob.ctx, 'archive', aliceArchive);
    expect(report).toMatchObject({ documentsAdded: 0, documentsMatched: 1, annotationsImported: 2, analystsAdded: ['Alice'] });
    expect(layerRows(bob.ctx)).toEqual([
      { analyst: 'Alice', quote: 'Officials', note: '' },
      { analyst: 'Alice', quote: 'the strike ended', note: '' },
      { analyst: 'Bob', quote: 'the strike ended', note: "Bob's reading" },
    ]);
    // Alice's layer keeps her ids as its authors; the reader shows Bob his own layer by default.
    const handlers = createHandlers(bob.ctx);
    expect((await handlers['annotations.counts']({ documentId: bob.documentId })).total).toBe(1);
    expect((await handlers['annotations.counts']({ documentId: bob.documentId, layer: alice.ctx.analyst.id })).total).toBe(2);
    const compared = await handlers['layers.compare']({ documentId: bob.documentId, a: bob.ctx.analyst.id, b: alice.ctx.analyst.id });
    expect({ both: compared.both, onlyA: compared.onlyA, onlyB: compared.onlyB }).toEqual({ both: 1, onlyA: 0, onlyB: 1 });
    // Imported again: all already there.
    expect(await importAnnotations(bob.ctx, 'archive', aliceArchive)).toMatchObject({ annotationsImported: 0, annotationsAlreadyPresent: 2 });

    // Bob's archive now carries both layers; exported by layer it carries only the one asked for.
    const both = path.join(dir, 'bob-all.jsonl');
    exportDataset(bob.ctx, { format: 'jsonl' }, both);
    const analystsOf = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { annotations: { analyst: string }[] }).annotations.map((a) => a.analyst).sort();
    expect(analystsOf(both)).toEqual(['Alice', 'Alice', 'Bob']);
    const onlyAlice = path.join(dir, 'bob-alice.jsonl');
    exportDataset(bob.ctx, { format: 'jsonl', layer: 'alice' }, onlyAlice);
    expect(analystsOf(onlyAlice)).toEqual(['Alice', 'Alice']);
    expect(errorCodeOf(() => exportDataset(bob.ctx, { format: 'jsonl', layer: 'Nobody' }, path.join(dir, 'x.jsonl')))).toBe('NOT_FOUND');
  });

  it('refuses an archive whose analyst has the name of a different analyst here, and one from a newer Glossa', async () => {
    const dir = tempDir();
    const alice = analystStore('Alice');
    tag(alice.ctx, alice.documentId, 'the strike ended', 'claim');
    const archive = path.join(dir, 'alice.glossa');
    exportDataset(alice.ctx, { format: 'archive' }, archive);

    const otherAlice = analystStore('Alice');
    tag(otherAlice.ctx, otherAlice.documentId, 'Officials', 'source');
    await expectRefused(otherAlice.ctx, archive, 'ANALYST_CONFLICT', /“Alice” in this library is a different analyst .*Nothing was imported\./);

    const entries = unzip(fs.readFileSync(archive), 'alice.glossa');
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    const newer = path.join(dir, 'newer.glossa');
    fs.writeFileSync(newer, zip([...entries].map(([name, data]) => ({ name, data: name === 'manifest.json' ? Buffer.from(JSON.stringify({ ...manifest, glossaArchive: 99 })) : data }))));
    const bob = analystStore('Bob');
    await expectRefused(bob.ctx, newer, 'SCHEMA_TOO_NEW', /newer version of Glossa/);

    // A layer naming an analyst the archive does not list.
    const forged = path.join(dir, 'forged.glossa');
    const lines = entries.get('annotations.jsonl')!.toString('utf8').replace(alice.ctx.analyst.id, 'someone-else');
    fs.writeFileSync(forged, zip([...entries].map(([name, data]) => ({ name, data: name === 'annotations.jsonl' ? Buffer.from(lines) : data }))));
    await expectRefused(bob.ctx, forged, 'IMPORT_FAILED', /names the layer someone-else, an analyst the archive does not list/);
  });

  it("keeps annotations of no analyst's layer (written by other means) through an archive, in that layer", async () => {
    const dir = tempDir();
    const alice = analystStore('Alice');
    tag(alice.ctx, alice.documentId, 'the strike ended', 'claim');
    const start = text.indexOf('Officials');
    alice.ctx.store.db
      .prepare(`INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at) VALUES ('outside', ?, 'source', ?, ?, 'Officials', '', '2026-01-01', '2026-01-01')`)
      .run(alice.documentId, start, start + 'Officials'.length);
    const archive = path.join(dir, 'alice.glossa');
    exportDataset(alice.ctx, { format: 'archive' }, archive);

    const bob = analystStore('Bob');
    const report = await importAnnotations(bob.ctx, 'archive', archive);
    expect(report.annotationsImported).toBe(2);
    const layers = bob.ctx.store.db.prepare('SELECT quote, layer FROM annotations ORDER BY start').all();
    expect(layers).toEqual([
      { quote: 'Officials', layer: '' },
      { quote: 'the strike ended', layer: alice.ctx.analyst.id },
    ]);
  });
});
