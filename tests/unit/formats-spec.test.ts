// Each format checked against its published specification or examples, with fixtures written
// for Glossa (tests/fixtures/datasets/spec): files as the tools write them import as expected, and
// our exports have the shapes the specifications describe.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../../electron/services/datasets/export';
import { labelStudioConfigPath } from '../../electron/services/datasets/formats/labelstudio';
import { importAnnotations } from '../../electron/services/datasets/import';
import { openTestContext } from './helpers';
import { fixturesDir, seedUnicode, snapshot } from './formats-helpers';

const spec = path.join(fixturesDir, 'spec');

describe('imports of files as the tools write them', () => {
  it('doccano: entities with integer ids and relations by from_id/to_id; the plain "label" form too', async () => {
    const { ctx } = openTestContext();
    const report = await importAnnotations(ctx, 'doccano', path.join(spec, 'doccano.jsonl'));
    expect(report).toMatchObject({ documentsAdded: 2, annotationsImported: 5, relationsImported: 2, unanchored: [] });
    expect(snapshot(ctx, { relations: true }).relations).toEqual([
      'Officials in|Claim|29-45|the strike ended -attributed to-> Officials in|Source|0-9|Officials',
      'Officials in|Claim|29-45|the strike ended -located at-> Officials in|Location|13-23|Port Alder',
    ]);
  });

  it('Label Studio: labels regions and a relation item', async () => {
    const { ctx } = openTestContext();
    const report = await importAnnotations(ctx, 'labelstudio', path.join(spec, 'labelstudio.json'));
    expect(report).toMatchObject({ documentsAdded: 1, annotationsImported: 2, relationsImported: 1, unanchored: [] });
  });

  it('brat: T, R, A and # lines with "_" for spaces', async () => {
    const { ctx } = openTestContext();
    const report = await importAnnotations(ctx, 'brat', path.join(spec, 'brat'));
    expect(report).toMatchObject({ documentsAdded: 1, annotationsImported: 3, relationsImported: 1, attributesImported: 2, unanchored: [], conflicts: [] });
    expect(snapshot(ctx, { notes: true, attributes: true }).annotations).toContain('Officials in|Claim|29-45|the strike ended ¦ Denied by the union ¦ [{"name":"status","value":"\\"disputed\\""}]');
  });

  it('W3C: an AnnotationPage whose targets are a stored document, one by quote and context only', async () => {
    const { ctx } = openTestContext();
    const text = 'Officials in Port Alder said the strike ended.';
    ctx.store.db
      .prepare("INSERT INTO documents (id, title, imported_at, text, text_length, content_hash) VALUES ('spec-document', 'Strike', '2026-01-01', ?, ?, 'h')")
      .run(text, text.length);
    const report = await importAnnotations(ctx, 'w3c', path.join(spec, 'w3c.jsonld'));
    expect(report).toMatchObject({ documentsMatched: 1, annotationsImported: 2, annotationsReanchored: 1, unanchored: [] });
    expect(snapshot(ctx, { notes: true }).annotations).toEqual(['Officials in|Claim|29-45|the strike ended ¦ Check it', 'Officials in|Location|13-23|Port Alder ¦ ']);
  });
});

describe('exports have the shapes the specifications describe', () => {
  function exported() {
    const t = openTestContext();
    seedUnicode(t.ctx);
    return t;
  }

  it('doccano: id, text, entities {id, label, start_offset, end_offset}, relations {id, from_id, to_id, type}', async () => {
    const { ctx, dir } = exported();
    exportDataset(ctx, { format: 'doccano' }, path.join(dir, 'd.jsonl'));
    const line = JSON.parse(fs.readFileSync(path.join(dir, 'd.jsonl'), 'utf8').split('\n')[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ id: 1, text: expect.any(String), entities: expect.any(Array), relations: expect.any(Array) });
    expect((line.entities as object[])[0]).toMatchObject({ id: 1, label: expect.any(String), start_offset: expect.any(Number), end_offset: expect.any(Number) });
    expect((line.relations as object[])[0]).toMatchObject({ id: 1, from_id: expect.any(Number), to_id: expect.any(Number), type: 'attributed to' });
  });

  it('Label Studio: results match the generated config (from_name label, to_name text, $text)', async () => {
    const { ctx, dir } = exported();
    const out = path.join(dir, 'ls.json');
    exportDataset(ctx, { format: 'labelstudio' }, out);
    const config = fs.readFileSync(labelStudioConfigPath(out), 'utf8');
    expect(config).toMatch(/<Labels name="label" toName="text">/);
    expect(config).toMatch(/<Text name="text" value="\$text"/);
    expect(config).toMatch(/<Relation value="attributed to"\/>/);
    const tasks = JSON.parse(fs.readFileSync(out, 'utf8')) as { data: { text: string }; annotations: { result: Record<string, unknown>[] }[] }[];
    const results = tasks[0]!.annotations[0]!.result;
    const labels = results.filter((r) => r.type === 'labels');
    for (const r of labels) expect(r).toMatchObject({ from_name: 'label', to_name: 'text', value: { start: expect.any(Number), end: expect.any(Number), text: expect.any(String), labels: [expect.any(String)] } });
    const relation = results.find((r) => r.type === 'relation')!;
    expect(relation).toMatchObject({ direction: 'right', labels: ['attributed to'] });
    expect(labels.map((r) => r.id)).toContain(relation.from_id);
    for (const label of labels) expect(config).toContain(`<Label value="${(label.value as { labels: string[] }).labels[0]}"`);
  });

  it('brat: every .ann line is T, R, A or #, and annotation.conf declares what they use', async () => {
    const { ctx, dir } = exported();
    const out = path.join(dir, 'brat');
    exportDataset(ctx, { format: 'brat' }, out);
    const conf = fs.readFileSync(path.join(out, 'annotation.conf'), 'utf8');
    expect(conf).toMatch(/^\[entities\]\nClaim\nSource\nLocation\n/);
    expect(conf).toContain('attributed_to\tArg1:Claim, Arg2:Source');
    expect(conf).toContain('status\tArg:Claim, Value:unverified|corroborated|disputed|refuted');
    for (const f of fs.readdirSync(out).filter((x) => x.endsWith('.ann'))) {
      for (const line of fs.readFileSync(path.join(out, f), 'utf8').trimEnd().split('\n')) {
        expect(line).toMatch(/^(T\d+\t\S+ \d+ \d+\t[^\n]*|R\d+\t\S+ Arg1:T\d+ Arg2:T\d+|A\d+\t\S+ T\d+( \S+)?|#\d+\t\S+ T\d+\t.*)$/);
      }
    }
  });

  it('CoNLL-2003: -DOCSTART-, four columns, IOB2 tags, blank lines between sentences', async () => {
    const { ctx, dir } = exported();
    const written = exportDataset(ctx, { format: 'conll' }, path.join(dir, 'x.conll'));
    const text = fs.readFileSync(path.join(dir, 'x.conll'), 'utf8');
    expect(text.startsWith('-DOCSTART- -X- -X- O\n\n')).toBe(true);
    const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('-DOCSTART-'));
    for (const l of lines) expect(l).toMatch(/^\S+ _ _ (O|[BI]-\S+)$/);
    // IOB2: an I- tag only continues a B- or I- of the same label.
    for (let i = 1; i < lines.length; i++) {
      const tag = lines[i]!.split(' ')[3]!;
      if (tag.startsWith('I-')) expect(lines[i - 1]!.split(' ')[3]!.slice(2)).toBe(tag.slice(2));
    }
    expect(written.warnings.join(' ')).toMatch(/overlapping span/);
    expect(text).toContain('👨‍👩‍👧‍👦 _ _ I-Claim');
  });

  it('W3C: AnnotationCollection with TextQuoteSelector and TextPositionSelector on each tagging annotation', async () => {
    const { ctx, dir } = exported();
    exportDataset(ctx, { format: 'w3c' }, path.join(dir, 'w.jsonld'));
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'w.jsonld'), 'utf8')) as Record<string, unknown> & { first: { items: Record<string, unknown>[] } };
    expect(doc['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(doc.first.items.length);
    const tag = doc.first.items.find((i) => i.motivation === 'tagging')!;
    expect(tag).toMatchObject({ type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'tagging' }], target: { source: expect.stringMatching(/^urn:uuid:/) } });
    const types = (tag.target as { selector: { type: string }[] }).selector.map((s) => s.type);
    expect(types).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    const link = doc.first.items.find((i) => i.motivation === 'linking')!;
    expect((link.target as string[]).length).toBe(2);
  });

  it('claims CSV: one row per claim with sources and places; RFC 4180 with a BOM', async () => {
    const { ctx, dir } = exported();
    exportDataset(ctx, { format: 'claims-csv' }, path.join(dir, 'c.csv'));
    const text = fs.readFileSync(path.join(dir, 'c.csv'), 'utf8');
    expect(text.startsWith('\uFEFFdocument_id,document_title,published_at,claim_id,start,end,quote,note,status,confidence,claim type,sources')).toBe(true);
    expect(text).toContain(',disputed,low,,');
    expect(text).toContain('48.5,35.1');
    expect(text.split('\r\n').length).toBeGreaterThan(8);
  });
});
