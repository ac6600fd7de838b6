import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { writeFileAtomic } from '../../electron/services/atomic-write';
import { resolveFileTarget } from '../../electron/services/export-target/resolve';
import { exportDataset } from '../../electron/services/datasets/export';
import { slug } from '../../electron/services/datasets/file-names';
import { createHandlers } from '../../electron/services/index';
import { contentHash } from '../../electron/services/library/documents';
import { addText, errorCodeOf, openTestContext, type TestContext } from './helpers';

// Arabic, an emoji with a skin tone, a ZWJ family, combining accents (not NFC), a quote
// that starts like a spreadsheet formula, and a note with a comma, quotes and a newline.
const text = [
  'Dispatch from Dorsk',
  'The mediator سامر الخطيب said talks failed 👍🏽 and the family 👨‍👩‍👧 fled to Veskar.',
  'Zoe\u0308 Haddad and Nun\u0303ez confirmed it. =SUM(A1) was scrawled on a wall.',
].join('\n\n');

const spans: [string, string][] = [
  ['Veskar', 'Location'],
  ['سامر الخطيب', 'Source'],
  ['👍🏽', 'Claim'],
  ['👨‍👩‍👧 fled', 'Claim'],
  ['Zoe\u0308 Haddad', 'Source'],
  ['Nun\u0303ez', 'Source'],
  ['=SUM(A1)', 'Claim'],
];

const labelIds: Record<string, string> = { Claim: 'claim', Source: 'source', Location: 'location' };
const trickyNote = 'said "maybe", twice\nand again\r\nend';

function seed(t: TestContext): string {
  const documentId = addText(t.ctx, text, 'Dispatch, "Dorsk"');
  for (const [quote, label] of spans) {
    const start = text.indexOf(quote);
    createAnnotation(t.ctx, {
      documentId,
      labelId: labelIds[label]!,
      start,
      end: start + quote.length,
      note: quote === 'Veskar' ? trickyNote : '',
    });
  }
  return documentId;
}

function python(script: string, ...args: string[]): string {
  return execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
}

const checkJsonl = `
import json, sys
n = 0
with open(sys.argv[1], encoding='utf-8') as f:
    for line in f:
        doc = json.loads(line)
        assert doc['offset_unit'] == 'codepoint'
        text = doc['text']
        assert len(doc['label']) == len(doc['annotations'])
        for (start, end, label), a in zip(doc['label'], doc['annotations']):
            assert (start, end, label) == (a['start'], a['end'], a['label']), a
            assert text[start:end] == a['quote'], (text[start:end], a['quote'])
            n += 1
print(n)
`;

const readCsv = `
import csv, json, sys
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    print(json.dumps(list(csv.reader(f, strict=True))))
`;

/** What an export of n documents with k annotations (and no relations) in code points says it holds. */
function holds(documents: number, annotations: number) {
  return { documents, annotations, relations: 0, offsetUnit: 'codepoint', warnings: [] };
}

describe('export', () => {
  it('writes JSONL whose code-point offsets slice the quotes out in Python', () => {
    const t = openTestContext();
    seed(t);
    const out = path.join(t.dir, 'corpus.jsonl');
    expect(exportDataset(t.ctx, { format: 'jsonl' }, out)).toEqual(holds(1, spans.length));
    expect(python(checkJsonl, out).trim()).toBe(String(spans.length));

    const line = JSON.parse(fs.readFileSync(out, 'utf8').trim());
    expect(Object.keys(line)).toEqual([
      'id', 'title', 'outlet', 'url', 'published_at', 'text', 'label', 'annotations', 'relations', 'offset_unit',
    ]);
    expect(Object.keys(line.annotations[0])).toEqual([
      'id', 'label', 'start', 'end', 'quote', 'note', 'created_at', 'updated_at', 'analyst', 'attributes', 'place',
    ]);
    // Reading order, label names, and offsets that differ from UTF-16 after the emoji.
    const starts = line.annotations.map((a: { start: number }) => a.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const veskar = line.annotations.find((a: { quote: string }) => a.quote === 'Veskar');
    expect(veskar.label).toBe('Location');
    expect(veskar.start).toBe(Array.from(text.slice(0, text.indexOf('Veskar'))).length);
    expect(veskar.start).toBeLessThan(text.indexOf('Veskar'));
    expect(veskar.note).toBe(trickyNote);
  });

  it('writes RFC 4180 CSV with a BOM that Python’s csv module reads back exactly', () => {
    const t = openTestContext();
    const documentId = seed(t);
    const out = path.join(t.dir, 'corpus.csv');
    exportDataset(t.ctx, { format: 'csv' }, out);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = bytes.toString('utf8');
    const fixed = 'document_id,title,label,start,end,quote,note,offset_unit';
    const analysis =
      'Claim.status,Claim.confidence,Claim.claim type,Source.kind,Source.named,' +
      'relations,place_name,place_geonameid,place_country,place_lat,place_lon';
    expect(raw.split('\r\n')[0]).toBe(`\uFEFF${fixed},${analysis}`);
    expect(raw.endsWith('\r\n')).toBe(true);

    const rows = JSON.parse(python(readCsv, out)) as string[][];
    expect(rows[0]).toEqual([...fixed.split(','), ...analysis.split(',')]);
    expect(rows).toHaveLength(spans.length + 1);
    for (const row of rows.slice(1)) {
      const [docId, title, label, start, end, quote, , unit] = row;
      expect(docId).toBe(documentId);
      expect(title).toBe('Dispatch, "Dorsk"');
      expect(unit).toBe('codepoint');
      expect(Array.from(text).slice(Number(start), Number(end)).join('')).toBe(quote);
      expect(spans).toContainEqual([quote, label]);
    }
    // Data is written as stored: no formula-injection prefix, and the note keeps its line breaks.
    expect(rows.some((r) => r[5] === '=SUM(A1)')).toBe(true);
    expect(rows.find((r) => r[5] === 'Veskar')![6]).toBe(trickyNote);
  });

  it('exports one document, and NOT_FOUND for an unknown one writes nothing', () => {
    const t = openTestContext();
    const documentId = seed(t);
    addText(t.ctx, 'Another report entirely.');
    const out = path.join(t.dir, 'one.jsonl');
    expect(exportDataset(t.ctx, { format: 'jsonl', documentId }, out)).toEqual(holds(1, spans.length));
    expect(exportDataset(t.ctx, { format: 'jsonl' }, out)).toEqual(holds(2, spans.length));
    const missing = path.join(t.dir, 'missing.jsonl');
    expect(errorCodeOf(() => exportDataset(t.ctx, { format: 'csv', documentId: 'nope' }, missing))).toBe('NOT_FOUND');
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('fails with EXPORT_FAILED naming the path when the folder is a file, leaving no temp file', () => {
    const t = openTestContext();
    seed(t);
    const blocker = path.join(t.dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'a regular file');
    const out = path.join(blocker, 'corpus.jsonl');
    let error: { code?: string; message?: string } = {};
    try {
      exportDataset(t.ctx, { format: 'jsonl' }, out);
    } catch (e) {
      error = e as typeof error;
    }
    expect(error.code).toBe('EXPORT_FAILED');
    expect(error.message).toContain(out);
    expect(error.message).toContain('ENOTDIR');
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('removes the temp file when the rename fails (a folder is in the way)', () => {
    const t = openTestContext();
    seed(t);
    const out = path.join(t.dir, 'taken.csv');
    fs.mkdirSync(out);
    expect(errorCodeOf(() => exportDataset(t.ctx, { format: 'csv' }, out))).toBe('EXPORT_FAILED');
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves an existing target untouched when writing fails half-way', () => {
    const t = openTestContext();
    const out = path.join(t.dir, 'existing.jsonl');
    fs.writeFileSync(out, 'old contents\n');
    function* failing(): Generator<string> {
      yield 'x'.repeat(3 << 20); // more than one flush reaches the temp file
      throw new Error('disk vanished');
    }
    expect(errorCodeOf(() => writeFileAtomic(resolveFileTarget(t.store.path, out), failing()))).toBe('EXPORT_FAILED');
    expect(fs.readFileSync(out, 'utf8')).toBe('old contents\n');
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces an existing target with the new export', () => {
    const t = openTestContext();
    seed(t);
    const out = path.join(t.dir, 'existing.jsonl');
    fs.writeFileSync(out, 'old contents\n');
    exportDataset(t.ctx, { format: 'jsonl' }, out);
    expect(python(checkJsonl, out).trim()).toBe(String(spans.length));
  });

  it('exports 1,000 documents with 100 annotations each', () => {
    const t = openTestContext();
    const db = t.store.db;
    const body = 'Rebels said they took the bridge at Dorsk 👍🏽 on Friday. '.repeat(40);
    const insertDoc = db.prepare(
      `INSERT INTO documents (id, title, imported_at, text, text_length, content_hash) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertAnn = db.prepare(
      `INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at)
       VALUES (?, ?, 'claim', ?, ?, ?, '', '2026-01-01', '2026-01-01')`,
    );
    t.store.transaction(() => {
      for (let d = 0; d < 1000; d++) {
        const text = `Report ${d}. ${body}`;
        insertDoc.run(`d${d}`, `Report ${d}`, '2026-01-01', text, text.length, contentHash(text));
        for (let a = 0; a < 100; a++) {
          const start = text.indexOf('Rebels', a * 20);
          insertAnn.run(`d${d}-a${a}`, `d${d}`, start, start + 6, 'Rebels');
        }
      }
    });
    for (const format of ['jsonl', 'csv'] as const) {
      const out = path.join(t.dir, `big.${format}`);
      // Its speed is measured by npm run bench, not here (timed tests are flaky on a busy machine).
      expect(exportDataset(t.ctx, { format }, out)).toEqual(holds(1000, 100_000));
    }
  });

  it('asks the dialog port for a path, and a cancel writes nothing', async () => {
    const t = openTestContext();
    const documentId = seed(t);
    const dispatch = createDispatcher(createHandlers(t.ctx));

    t.dialogs.exportPath = null;
    expect(await dispatch('datasets.exportDialog', { format: 'jsonl' })).toEqual({ ok: true, value: { status: 'cancelled' } });

    const out = path.join(t.dir, 'chosen.csv');
    t.dialogs.exportPath = out;
    expect(await dispatch('datasets.exportDialog', { format: 'csv', documentId })).toEqual({
      ok: true,
      value: { status: 'written', path: out, ...holds(1, spans.length) },
    });
    expect(fs.existsSync(out)).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    expect(t.dialogs.exportRequests).toEqual([
      { suggestedName: `glossa-corpus-${today}.jsonl`, extension: 'jsonl' },
      { suggestedName: 'dispatch-dorsk.csv', extension: 'csv' },
    ]);
    const unknown = await dispatch('datasets.exportDialog', { format: 'csv', documentId: 'nope' });
    expect(unknown.ok ? '' : unknown.error.code).toBe('NOT_FOUND');
    expect(t.dialogs.exportRequests).toHaveLength(2); // no dialog for a document that does not exist
  });

  it('makes file names from titles in any script', () => {
    expect(slug('Rebels claim Dorsk: day 3!')).toBe('rebels-claim-dorsk-day-3');
    expect(slug('تقرير عن سامر')).toBe('تقرير-عن-سامر');
    expect(slug('👍🏽!!')).toBe('');
    expect(Array.from(slug('ab'.repeat(100)))).toHaveLength(60);
  });
});
