// doccano bench: a generated doccano 1.x file of 10,000 records (the key "labels", record ids and
// meta, five spans each, every text distinct, some differing only in case) imported through the
// real pipeline (read, check, anchor, one transaction) into a fresh store. Figure: records per
// second; target: over 1,000 (the file in under 10 s; most of the time is the store's
// annotation and search-index writes). Run alone with
// `npx tsx tests/bench/doccano-bench.ts`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../electron/core';
import { importAnnotations } from '../../electron/services/datasets/import';
import { openStore } from '../../electron/store/store';

export const doccanoTargets = { recordsPerSecond: 1000 };

const noDialogs = { chooseFilesToImport: () => Promise.resolve([]), chooseExportPath: () => Promise.resolve(null), chooseAnnotationsToImport: () => Promise.resolve(null) };

/** n records of about 600 characters; every fourth repeats the one before in upper case. */
export function doccanoRecords(n = 10_000): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    let text = `Record ${Math.floor(i / 4) * 4 + (i % 4 === 3 ? 2 : i % 4)}: officials in Port Alder said the strike ended on day ${i % 97}, a spokesman for the union in Kell told reporters. `.repeat(4);
    if (i % 4 === 3) text = text.toUpperCase();
    const at = (q: string) => {
      const s = text.toLowerCase().indexOf(q);
      return [s, s + q.length];
    };
    const labels = [
      [...at('officials'), 'Source'],
      [...at('port alder'), 'Location'],
      [...at('the strike ended'), 'Claim'],
      [...at('a spokesman'), 'Source'],
      [...at('kell'), 'Location'],
    ];
    lines.push(JSON.stringify({ id: i + 1, text, labels, meta: { batch: Math.floor(i / 1000), page: i % 40 }, annotation_approver: null }));
  }
  return lines.join('\n') + '\n';
}

export async function measureDoccano(log: (m: string) => void = () => undefined): Promise<{ doccano_import_records_per_s: number; doccano_import_s: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-bench-doccano-'));
  const store = openStore(path.join(dir, 'bench.sqlite'));
  try {
    const file = path.join(dir, 'records.jsonl');
    fs.writeFileSync(file, doccanoRecords());
    const ctx = createContext(store, noDialogs, 'bench');
    const t0 = performance.now();
    const report = await importAnnotations(ctx, 'doccano', file);
    const seconds = (performance.now() - t0) / 1000;
    if (report.documentsAdded !== 10_000 || report.annotationsImported !== 50_000 || report.unanchored.length > 0) {
      throw new Error(`doccano import gave ${report.documentsAdded} documents, ${report.annotationsImported} annotations, ${report.unanchored.length} unanchored`);
    }
    log(`doccano: 10,000 records, 50,000 spans in ${seconds.toFixed(2)} s`);
    return { doccano_import_records_per_s: Math.round(10_000 / seconds), doccano_import_s: Math.round(seconds * 100) / 100 };
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  void measureDoccano((m) => process.stderr.write(`${m}\n`)).then((f) => console.log(JSON.stringify(f)));
}
