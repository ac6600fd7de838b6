// Datasets bench: 100,000 annotations over 1,000 documents (with claims attributed to sources,
// located at places, and attribute values), exported in every format and imported back from
// every format Glossa reads, each into a fresh store. Figures in ms (exports: median of three
// runs after a warm-up; imports: one run); targets: export under 1 s
// for JSONL and CSV, under 3 s for any format. Run alone with `npx tsx tests/bench/datasets-bench.ts`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../electron/core';
import type { ServiceContext } from '../../electron/services/context';
import { exportDataset } from '../../electron/services/datasets/export';
import { importAnnotations } from '../../electron/services/datasets/import';
import { contentHash } from '../../electron/services/library/documents';
import { openStore } from '../../electron/store/store';
import { datasetFormatIds } from '../../shared/formats';
import type { AnnotationImportFormat, DatasetFormat } from '../../shared/schemas/datasets';

const noDialogs = { chooseFilesToImport: () => Promise.resolve([]), chooseExportPath: () => Promise.resolve(null), chooseAnnotationsToImport: () => Promise.resolve(null) };

export function seed(ctx: ServiceContext, documents = 1000, perDocument = 100): void {
  const db = ctx.store.db;
  const body = 'Rebels said they took the bridge at Dorsk 👍🏽 on Friday, a spokesman for Halvik told reporters. '.repeat(30);
  const insertDoc = db.prepare('INSERT INTO documents (id, title, imported_at, text, text_length, content_hash) VALUES (?, ?, ?, ?, ?, ?)');
  const insertAnn = db.prepare(`INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', '2026-01-01', '2026-01-01')`);
  const insertRel = db.prepare(`INSERT INTO relations (id, type_id, from_id, to_id, created_at) VALUES (?, ?, ?, ?, '2026-01-01')`);
  const insertVal = db.prepare(`INSERT INTO annotation_attributes (annotation_id, attribute_id, value) VALUES (?, 'claim-status', '"disputed"')`);
  const insertPlace = db.prepare(`INSERT INTO places (annotation_id, geonameid, name, country, admin1, lat, lon, population, resolved_by, resolved_at) VALUES (?, NULL, 'Dorsk', NULL, NULL, 48.5, 35.1, NULL, 'manual', '2026-01-01')`);
  ctx.store.transaction(() => {
    for (let d = 0; d < documents; d++) {
      const text = `Report ${d}. ${body}`;
      insertDoc.run(`d${d}`, `Report ${d}`, '2026-01-01', text, text.length, contentHash(text));
      let from = 0;
      for (let a = 0; a < perDocument; a += 4) {
        const claimAt = text.indexOf('Rebels said they took the bridge', from);
        const sourceAt = text.indexOf('a spokesman', claimAt);
        const placeAt = text.indexOf('Dorsk', claimAt);
        from = sourceAt + 1;
        const id = (k: number) => `d${d}-a${a + k}`;
        insertAnn.run(id(0), `d${d}`, 'claim', claimAt, claimAt + 32, 'Rebels said they took the bridge');
        insertAnn.run(id(1), `d${d}`, 'source', sourceAt, sourceAt + 11, 'a spokesman');
        insertAnn.run(id(2), `d${d}`, 'location', placeAt, placeAt + 5, 'Dorsk');
        insertAnn.run(id(3), `d${d}`, 'location', placeAt + 8, placeAt + 12, '👍🏽'.length === 4 ? text.slice(placeAt + 8, placeAt + 12) : '');
        insertRel.run(`${id(0)}-s`, 'attributed-to', id(0), id(1));
        insertRel.run(`${id(0)}-l`, 'located-at', id(0), id(2));
        insertVal.run(id(0));
        insertPlace.run(id(2));
      }
    }
  });
}

const importFormats: Partial<Record<DatasetFormat, AnnotationImportFormat>> = {
  doccano: 'doccano',
  jsonl: 'doccano',
  labelstudio: 'labelstudio',
  brat: 'brat',
  w3c: 'w3c',
  archive: 'archive',
};

export async function datasetBench(log: (m: string) => void = () => undefined): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-bench-datasets-'));
  const open = (name: string) => {
    const store = openStore(path.join(dir, name));
    return { store, ctx: createContext(store, noDialogs, 'bench') };
  };
  const figures: Record<string, number> = {};
  const source = open('source.sqlite');
  try {
    seed(source.ctx);
    for (const format of datasetFormatIds) {
      const out = path.join(dir, format === 'brat' ? 'brat' : `out.${format}`);
      // The median of three runs (the first also warms the code up).
      const runs: number[] = [];
      let counts = exportDataset(source.ctx, { format }, out, true);
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        counts = exportDataset(source.ctx, { format }, out, true);
        runs.push(performance.now() - t0);
      }
      const ms = runs.sort((a, b) => a - b)[1]!;
      figures[`export_${format.replace('-', '_')}_ms`] = Math.round(ms);
      log(`export ${format}: ${Math.round(ms)} ms (${counts.documents} documents, ${counts.annotations} annotations)`);
      const importFormat = importFormats[format];
      if (!importFormat) continue;
      const target = open(`import-${format}.sqlite`);
      try {
        const t1 = performance.now();
        const report = await importAnnotations(target.ctx, importFormat, out);
        const ims = performance.now() - t1;
        if (report.annotationsImported !== 100_000 || report.unanchored.length > 0) {
          throw new Error(`import of ${format} gave ${report.annotationsImported} annotations, ${report.unanchored.length} unanchored`);
        }
        figures[`import_${format}_ms`] = Math.round(ims);
        log(`import ${format}: ${Math.round(ims)} ms`);
      } finally {
        target.store.close();
      }
    }
  } finally {
    source.store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  void datasetBench((m) => process.stderr.write(`${m}\n`)).then((f) => console.log(JSON.stringify(f)));
}
