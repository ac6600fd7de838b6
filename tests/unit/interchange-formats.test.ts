// Issue 12: doccano 1.x, Label Studio HTML and Hypothesis's W3C files, imported through the real
// pipeline into a real store (fixtures in tests/fixtures/datasets/interchange, see its README).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../../electron/services/datasets/export';
import { parseLabelMap } from '../../electron/services/datasets/formats/doccano-read';
import { importAnnotations } from '../../electron/services/datasets/import';
import { addDocument } from '../../electron/services/library/documents';
import { insertDocument } from '../../electron/store/writers/documents';
import { openTestContext } from './helpers';
import { fixturesDir, snapshot } from './formats-helpers';

const fixtures = path.join(fixturesDir, 'interchange');
const fixture = (name: string) => path.join(fixtures, name);
const labelMap = () => parseLabelMap(fs.readFileSync(fixture('doccano-label-map.json'), 'utf8'), 'doccano-label-map.json');
const labelNames = (ctx: ReturnType<typeof openTestContext>['ctx']) => (ctx.store.db.prepare('SELECT name FROM labels ORDER BY position').pluck().all() as string[]);
const sourceRecords = (ctx: ReturnType<typeof openTestContext>['ctx']) =>
  (ctx.store.db.prepare('SELECT source_record FROM documents ORDER BY imported_at, rowid').pluck().all() as (string | null)[]).map((r) => (r === null ? null : (JSON.parse(r) as unknown)));

describe('doccano 1.x', () => {
  it('reads the key "labels": all 11 spans, creating only the missing label', async () => {
    const { ctx } = openTestContext();
    const report = await importAnnotations(ctx, 'doccano', fixture('doccano-labels.jsonl'), true);
    expect(report).toMatchObject({ documentsAdded: 3, annotationsImported: 11, unanchored: [], labelsCreated: ['Date'] });
    expect(snapshot(ctx).annotations).toContain('Officials in|Date|49-55|Monday');
  });

  it('keeps the records\' "id" and "meta" in the documents and writes them back in doccano and JSONL exports', async () => {
    const { ctx, dir } = openTestContext();
    await importAnnotations(ctx, 'doccano', fixture('doccano-labels.jsonl'), true);
    expect(sourceRecords(ctx).sort((a, b) => (a as { id: number }).id - (b as { id: number }).id)).toEqual([
      { id: 101, meta: { paper: 'Alder Gazette', page: 3 }, annotation_approver: null },
      { id: 102, meta: { paper: 'Kell Courier', page: 1 }, annotation_approver: null },
      { id: 103, meta: { paper: 'Alder Gazette', page: 5 }, annotation_approver: null },
    ]);
    const doccano = path.join(dir, 'out.jsonl');
    exportDataset(ctx, { format: 'doccano' }, doccano);
    const lines = fs.readFileSync(doccano, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // Documents imported together are exported in id order: compare them sorted by record id.
    expect(lines.map((l) => [l.id, l.meta]).sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual([
      [101, { paper: 'Alder Gazette', page: 3 }],
      [102, { paper: 'Kell Courier', page: 1 }],
      [103, { paper: 'Alder Gazette', page: 5 }],
    ]);
    const jsonl = path.join(dir, 'out-glossa.jsonl');
    exportDataset(ctx, { format: 'jsonl' }, jsonl);
    const glossaLines = fs.readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; source_record: unknown });
    expect(glossaLines.find((l) => l.text.startsWith('Officials'))?.source_record).toEqual({ id: 101, meta: { paper: 'Alder Gazette', page: 3 }, annotation_approver: null });
    // Imported again into another library, the export keeps the same source record.
    const other = openTestContext();
    await importAnnotations(other.ctx, 'doccano', doccano, true);
    const byId = (records: unknown[]) => records.map((r) => JSON.stringify(r)).sort();
    expect(byId(sourceRecords(other.ctx))).toEqual(byId(sourceRecords(ctx)));
    // The archive carries them too.
    const archive = path.join(dir, 'project.glossa');
    exportDataset(ctx, { format: 'archive' }, archive);
    const restored = openTestContext();
    await importAnnotations(restored.ctx, 'archive', archive);
    expect(byId(sourceRecords(restored.ctx))).toEqual(byId(sourceRecords(ctx)));
  });

  it('says that integer label ids need a label map, and imports with one (doccano\'s label export)', async () => {
    const { ctx } = openTestContext();
    await expect(importAnnotations(ctx, 'doccano', fixture('doccano-ids.jsonl'))).rejects.toThrow(
      /^doccano-ids\.jsonl line 1: annotations\[0\] has the label id 1: doccano wrote label ids, not names\. Give a label map/,
    );
    expect(ctx.store.db.prepare('SELECT COUNT(*) FROM documents').pluck().get()).toBe(0);
    const report = await importAnnotations(ctx, 'doccano', fixture('doccano-ids.jsonl'), false, { labelMap: labelMap() });
    expect(report).toMatchObject({ documentsAdded: 1, annotationsImported: 3, unanchored: [] });
    expect(snapshot(ctx).annotations).toEqual(['Officials in|Claim|29-45|the strike ended', 'Officials in|Location|13-23|Port Alder', 'Officials in|Source|0-9|Officials']);
    // Who made each span is its analyst (issue 15): doccano's user ids become analysts, each with a layer.
    expect(sourceRecords(ctx)[0]).toMatchObject({ id: 7, meta: { source: 'wire' } });
    expect(sourceRecords(ctx)[0]).not.toHaveProperty('annotation_users');
    expect(report.analystsAdded).toEqual(['doccano user 2', 'doccano user 5']);
    expect(
      ctx.store.db.prepare('SELECT a.quote, n.name FROM annotations a JOIN analysts n ON n.id = a.layer AND n.id = a.created_by ORDER BY a.start').all(),
    ).toEqual([
      { quote: 'Officials', name: 'doccano user 2' },
      { quote: 'Port Alder', name: 'doccano user 5' },
      { quote: 'the strike ended', name: 'doccano user 2' },
    ]);
    await expect(importAnnotations(openTestContext().ctx, 'doccano', fixture('doccano-ids.jsonl'), false, { labelMap: new Map([['1', 'Claim']]) })).rejects.toThrow(
      /annotations\[1\] has the label id 2, which the label map does not name/,
    );
  });

  it('reads a label map as {id: name} or doccano\'s list, and refuses anything else', () => {
    expect([...parseLabelMap('{"1": "Claim", "7": "Source"}', 'map.json')]).toEqual([['1', 'Claim'], ['7', 'Source']]);
    expect([...labelMap()]).toEqual([['1', 'Claim'], ['2', 'Source'], ['3', 'Location']]);
    expect(() => parseLabelMap('[{"id": 1}]', 'map.json')).toThrow(/map\.json: is not a label map: each entry of its list needs "id" and "text"/);
    expect(() => parseLabelMap('nope', 'map.json')).toThrow(/is not a label map: it is not JSON/);
  });

  it('keeps texts that differ only in case as different reports', async () => {
    const { ctx } = openTestContext();
    const report = await importAnnotations(ctx, 'doccano', fixture('doccano-case.jsonl'));
    expect(report).toMatchObject({ documentsAdded: 4, documentsMatched: 0, annotationsImported: 4 });
    expect(ctx.store.db.prepare('SELECT text FROM documents ORDER BY rowid').pluck().all()).toEqual(['FIRE AT THE MILL', 'Fire at the mill', 'fire at the mill', 'Fire at the Mill.']);
    // The library's own import judges duplicates the same way; white space still does not count.
    expect(addDocument(ctx, { title: 'Again', text: 'FIRE  AT THE\nMILL' })).toMatchObject({ status: 'duplicate' });
    expect(addDocument(ctx, { title: 'New', text: 'Fire At The Mill' })).toMatchObject({ status: 'added' });
  });
});

describe('Label Studio HTML configs (hypertextlabels)', () => {
  it('stores the text of the HTML and places each region by its text and context, reporting the rest', async () => {
    const { ctx } = openTestContext();
    const report = await importAnnotations(ctx, 'labelstudio', fixture('labelstudio-html.json'));
    const text = ctx.store.db.prepare('SELECT text FROM documents').pluck().get() as string;
    expect(text).not.toMatch(/<|>/);
    expect(text).toContain('Officials in Port Alder said the strike ended.');
    expect(report).toMatchObject({ documentsAdded: 1, annotationsImported: 4 });
    expect(report.unanchored).toEqual([expect.objectContaining({ label: 'Claim', quote: 'not in the page', reason: 'its quote does not occur in the text' })]);
    expect(report.dropped).toEqual([{ file: 'labelstudio-html.json', count: 1, reason: expect.stringMatching(/^"choices" results, which Glossa has no place for/) }]);
    // The two "the strike ended" regions land on their own occurrences, told apart by context.
    const claims = (ctx.store.db.prepare("SELECT start FROM annotations WHERE label_id = 'claim' ORDER BY start").pluck().all() as number[]);
    expect(claims).toEqual([text.indexOf('the strike ended'), text.indexOf('the strike ended', text.indexOf('the strike ended') + 1)]);
  }, 30_000);
});

describe('W3C from Hypothesis', () => {
  function storedPage(ctx: ReturnType<typeof openTestContext>['ctx']): void {
    const text = 'Port strike\n\nOfficials in Port Alder said the strike ended. The union disagreed.';
    insertDocument(ctx.store.db, {
      id: 'page',
      title: 'Port strike',
      outlet: null,
      url: 'https://news.example.org/port-strike',
      publishedAt: null,
      importedAt: '2026-03-01T00:00:00Z',
      sourceName: 'port-strike.html',
      text,
      contentHash: 'page-hash',
      author: null,
      sourceFormat: 'html',
      encoding: 'utf-8',
      pageMap: null,
    });
  }

  it('reads target arrays, anchors to the report with the source URL, comments become notes and tags the report\'s tags', async () => {
    const { ctx } = openTestContext();
    storedPage(ctx);
    const report = await importAnnotations(ctx, 'w3c', fixture('hypothesis.jsonld'), true);
    expect(report).toMatchObject({ documentsAdded: 0, documentsMatched: 1, annotationsImported: 2, labelsCreated: ['Annotation'] });
    expect(report.unanchored).toEqual([expect.objectContaining({ quote: 'a quote nowhere', reason: 'no report in the library has the URL https://elsewhere.example.com/other' })]);
    expect(snapshot(ctx, { notes: true }).annotations).toEqual([
      "Port strike\\n|Annotation|42-58|the strike ended ¦ Check against the union's statement.",
      'Port strike\\n|Location|26-36|Port Alder ¦ ',
    ].map((s) => s.replace('\\n', '\n')));
    // Tags are tags, not labels: "labour" and "port" tag the report; "Location" names a label.
    expect(ctx.store.db.prepare("SELECT tag FROM document_tags WHERE document_id = 'page' ORDER BY tag").pluck().all()).toEqual(['labour', 'port']);
    expect(labelNames(ctx)).toEqual(['Claim', 'Source', 'Location', 'Battle', 'Violence against civilians', 'Protest', 'Annotation']);
    // The creator is kept: each annotation is in the layer of the Hypothesis account that made it.
    expect(report.dropped.map((d) => [d.count, d.reason.split(':')[0]])).toEqual([[2, 'tags of single annotations']]);
    expect(ctx.store.db.prepare("SELECT DISTINCT n.name FROM annotations a JOIN analysts n ON n.id = a.layer WHERE a.document_id = 'page'").pluck().all()).toEqual(['acct:analyst@hypothes.is']);
  });

  it('creates labels only when something is placed', async () => {
    const { ctx } = openTestContext();
    // No report has the page's URL: nothing is placed, so no label is created.
    const report = await importAnnotations(ctx, 'w3c', fixture('hypothesis.jsonld'), true);
    expect(report).toMatchObject({ annotationsImported: 0, labelsCreated: [] });
    expect(report.unanchored).toHaveLength(3);
    expect(labelNames(ctx)).toEqual(['Claim', 'Source', 'Location', 'Battle', 'Violence against civilians', 'Protest']);
  });
});
