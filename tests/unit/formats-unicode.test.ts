// Every format over the Unicode fixture (Arabic, Hebrew with a BOM and CRLF, Chinese with
// characters outside the BMP, emoji with skin tones and ZWJ sequences, combining accents):
// exports slice back to their quotes, in Python too, and imports give back the same data.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnotationImportFormat, DatasetFormat } from '../../shared/schemas/datasets';
import { exportDataset } from '../../electron/services/datasets/export';
import { importAnnotations } from '../../electron/services/datasets/import';
import { openTestContext } from './helpers';
import { fixturesDir, seedUnicode, snapshot } from './formats-helpers';

const target = (dir: string, format: DatasetFormat) => path.join(dir, format === 'brat' ? 'brat' : `out.${format}`);

describe('Unicode fixture', () => {
  const importable: [AnnotationImportFormat, DatasetFormat][] = [
    ['doccano', 'doccano'],
    ['doccano', 'jsonl'],
    ['labelstudio', 'labelstudio'],
    ['brat', 'brat'],
    ['w3c', 'w3c'],
    ['archive', 'archive'],
  ];
  for (const [importFormat, format] of importable) {
    for (const unit of ['codepoint', 'utf16'] as const) {
      it(`${format} (${unit}) round-trips spans, notes, values, places and relations`, async () => {
        const a = openTestContext();
        seedUnicode(a.ctx);
        const out = target(a.dir, format);
        const written = exportDataset(a.ctx, { format, offsetUnit: unit }, out);
        expect(written.annotations).toBe(22);
        const b = openTestContext();
        const report = await importAnnotations(b.ctx, importFormat, out);
        expect(report.unanchored).toEqual([]);
        expect(report.annotationsReanchored).toBe(0);
        expect(report.conflicts).toEqual([]);
        expect(report.annotationsImported).toBe(22);
        const keep = { notes: true, attributes: true, places: true, relations: true, ids: true };
        expect(snapshot(b.ctx, keep)).toEqual(snapshot(a.ctx, keep));
        // Importing the same file again adds nothing.
        const again = await importAnnotations(b.ctx, importFormat, out);
        expect(again.annotationsImported).toBe(0);
        expect(again.annotationsAlreadyPresent).toBe(22);
        expect(snapshot(b.ctx, keep)).toEqual(snapshot(a.ctx, keep));
      });
    }
  }

  it('Python slices the exported texts by the code-point offsets and gets the quotes back', async () => {
    const { ctx, dir } = openTestContext();
    seedUnicode(ctx);
    for (const format of ['jsonl', 'doccano', 'spacy', 'labelstudio', 'w3c', 'brat', 'csv', 'claims-csv'] as const) {
      exportDataset(ctx, { format }, target(dir, format));
    }
    const checked = execFileSync('python3', [path.join(fixturesDir, 'slice_check.py'), dir], { encoding: 'utf8' });
    expect(JSON.parse(checked)).toEqual({ jsonl: 22, doccano: 22, spacy: 22, labelstudio: 22, w3c: 22, brat: 22, csv: 22, 'claims-csv': 8 });
  });

  it('brat writes the text byte for byte (BOM and CRLF kept) and offsets count them', async () => {
    const { ctx, dir } = openTestContext();
    seedUnicode(ctx);
    const out = target(dir, 'brat');
    exportDataset(ctx, { format: 'brat' }, out);
    const hebrew = fs.readdirSync(out).find((f) => f.endsWith('.txt') && fs.readFileSync(path.join(out, f), 'utf8').startsWith('\uFEFF'))!;
    expect(fs.readFileSync(path.join(out, hebrew), 'utf8')).toContain('\r\n');
    const ann = fs.readFileSync(path.join(out, hebrew.replace(/\.txt$/, '.ann')), 'utf8');
    expect(ann).toMatch(/^T1\tSource 1 10\tדובר הצבא$/m);
  });
});
