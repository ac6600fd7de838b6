// The import figure of `npm run bench`: 1,000 generated reports (HTML, PDF, DOCX and text, a
// quarter each) imported through the real pipeline (worker threads, the real store with its
// fsync per document), timed, with the longest stall of this thread's event loop while it ran.
// In the app this thread is Electron's main process, which serves every IPC call of the UI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { createContext } from '../../electron/core';
import { importPaths } from '../../electron/services/library/import-jobs';
import { openStore } from '../../electron/store/store';
import { makeText } from './corpus';

export const importTargets = { seconds: 20, stallMs: 100 };

const kinds = ['html', 'pdf', 'docx', 'txt'] as const;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** pdfkit's standard fonts cover Windows-1252 only. */
function winAnsi(s: string): string {
  return s.replace(/[^\u0000-\u00ff€‘’“”–—…]/gu, '?');
}

function pdfOf(title: string, paragraphs: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: title } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(15).text(winAnsi(title), { paragraphGap: 10 });
    doc.font('Times-Roman').fontSize(11);
    for (const p of paragraphs) doc.text(winAnsi(p), { paragraphGap: 8 });
    doc.end();
  });
}

function htmlOf(title: string, paragraphs: string[], i: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)} | Meridian Wire</title>
<meta property="og:site_name" content="Meridian Wire"><meta name="author" content="Desk ${i % 17}">
<meta property="article:published_time" content="2025-0${1 + (i % 9)}-1${i % 10}T08:00:00Z">
<script>var tracking = ${i};</script></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="ad">Advertisement</div><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article>
<aside class="related"><a href="/x">Related story</a></aside><footer>© Meridian Wire</footer></body></html>`;
}

/** Writes the corpus into dir; returns how long that took (not part of the figure). */
export async function writeImportCorpus(dir: string, count = 1000, seed = 4242): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const bench = makeText(seed + i, 2500 + ((i * 37) % 3000));
    const paragraphs = bench.paragraphs.map((p) => bench.text.slice(p.start, p.end));
    const title = `Report ${i}: ${paragraphs[0]!.split(' ').slice(0, 6).join(' ')}`;
    const name = path.join(dir, `${kinds.indexOf(kind)}-${kind}`, `report-${String(i).padStart(4, '0')}.${kind}`);
    fs.mkdirSync(path.dirname(name), { recursive: true });
    if (kind === 'txt') fs.writeFileSync(name, `${title}\n\n${paragraphs.join('\n\n')}\n`);
    else if (kind === 'html') fs.writeFileSync(name, htmlOf(title, paragraphs, i));
    else if (kind === 'pdf') fs.writeFileSync(name, await pdfOf(title, paragraphs));
    else {
      const doc = new Document({
        title,
        creator: `Desk ${i % 17}`,
        sections: [{ children: [new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }), ...paragraphs.map((p) => new Paragraph({ text: p }))] }],
      });
      fs.writeFileSync(name, await Packer.toBuffer(doc));
    }
  }
}

export interface ImportFigures {
  import_s: number;
  import_per_s: number;
  import_max_stall_ms: number;
  imported: number;
  failed: number;
  duplicates: number;
  /** The event loop's delay histogram over the import: p99 and max, in ms. */
  loopP99Ms: number;
  generateS: number;
}

export async function measureImport(log: (message: string) => void, count = 1000): Promise<ImportFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-import-bench-'));
  try {
    log(`import: writing ${count} reports (HTML, PDF, DOCX, text)…`);
    let t0 = performance.now();
    await writeImportCorpus(path.join(dir, 'reports'), count);
    const generateS = (performance.now() - t0) / 1000;
    log(`import: corpus written in ${generateS.toFixed(1)} s; importing the folder…`);

    const store = openStore(path.join(dir, 'glossa.sqlite'));
    const ctx = createContext(store, { chooseFilesToImport: async () => [], chooseExportPath: async () => null, chooseAnnotationsToImport: async () => null }, 'bench');
    let lastDone = 0;
    ctx.emit = (event) => {
      if (event.name === 'progress') lastDone = event.payload.done;
    };
    // Two probes of this thread's responsiveness: Node's event-loop delay histogram, and the
    // largest gap between the ticks of a 5 ms timer (what a waiting IPC call would see).
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    let maxGap = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last - 5);
      last = now;
    }, 5);
    histogram.enable();
    t0 = performance.now();
    try {
      const report = await importPaths(ctx, [path.join(dir, 'reports')]);
      const seconds = (performance.now() - t0) / 1000;
      histogram.disable();
      clearInterval(probe);
      if (lastDone !== count) throw new Error(`progress ended at ${lastDone} of ${count}`);
      if (report.failed.length > 0) throw new Error(`import failed for ${report.failed.length} files, e.g. ${report.failed[0]!.reason}`);
      const stallMs = Math.max(maxGap, histogram.max / 1e6 - 5);
      return {
        import_s: Math.round(seconds * 10) / 10,
        import_per_s: Math.round(report.imported.length / seconds),
        import_max_stall_ms: Math.round(stallMs * 10) / 10,
        imported: report.imported.length,
        failed: report.failed.length,
        duplicates: report.duplicates.length,
        loopP99Ms: Math.round((histogram.percentile(99) / 1e6) * 10) / 10,
        generateS: Math.round(generateS * 10) / 10,
      };
    } finally {
      clearInterval(probe);
      store.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx tests/bench/import-bench.ts`: the import figure alone.
if (require.main === module) {
  measureImport((m) => process.stderr.write(`${m}\n`)).then(
    (figures) => console.log(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
