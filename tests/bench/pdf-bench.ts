// The PDF figure of `npm run bench`: a generated 300-page two-column report (title, running
// headers alternating by page parity, link footers, page numbers, words split at column feet)
// imported through the real pipeline (pdf.js in the worker pool, the real store), timed, and
// checked against the text a reader reads in it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../electron/core';
import { getDocument } from '../../electron/services/library/documents';
import { importPaths } from '../../electron/services/library/import-jobs';
import { openStore } from '../../electron/store/store';
import { layOutColumns, makeParagraphs, type LaidOut } from '../fixtures/pdf-layouts';

export const pdfTargets = { pages: 300, pagesPerS: 25 };

export interface PdfFigures {
  pdf_import_pages_per_s: number;
  pdf_import_s: number;
  pages: number;
  megabytes: number;
  /** The stored text is exactly the text laid out (reading order, joins, no furniture). */
  textExact: boolean;
  generateS: number;
}

/** Paragraphs enough for `pages` pages of two columns. */
function layOutPages(pages: number): LaidOut {
  let count = pages * 12;
  for (;;) {
    const title = 'Water, roads and shelter in the Esk valley: a field report';
    const laid = layOutColumns(makeParagraphs(count, 99), {
      columns: 2,
      title,
      oddHeader: title,
      evenHeader: 'Northwind Institute Working Paper 12',
      footer: 'Downloaded from https://northwind.example/papers/12 on 3 March 2026',
      pageNumbers: true,
    });
    if (laid.pages >= pages) return laid;
    count = Math.ceil((count * pages) / laid.pages) + 5;
  }
}

export async function measurePdfImport(log: (message: string) => void, pages = pdfTargets.pages): Promise<PdfFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-pdf-bench-'));
  try {
    let t0 = performance.now();
    const laid = layOutPages(pages);
    const file = path.join(dir, 'field-report.pdf');
    fs.writeFileSync(file, laid.pdf);
    const generateS = (performance.now() - t0) / 1000;
    log(`pdf: ${laid.pages}-page two-column report (${(laid.pdf.length / 1e6).toFixed(1)} MB) written in ${generateS.toFixed(1)} s; importing…`);
    const store = openStore(path.join(dir, 'glossa.sqlite'));
    const ctx = createContext(store, { chooseFilesToImport: async () => [], chooseExportPath: async () => null, chooseAnnotationsToImport: async () => null }, 'bench');
    try {
      t0 = performance.now();
      const report = await importPaths(ctx, [file]);
      const seconds = (performance.now() - t0) / 1000;
      if (report.imported.length !== 1) throw new Error(`the PDF did not import: ${report.failed[0]?.reason ?? 'no report'}`);
      const text = getDocument(ctx, report.imported[0]!.id).text;
      return {
        pdf_import_pages_per_s: Math.round((laid.pages / seconds) * 10) / 10,
        pdf_import_s: Math.round(seconds * 10) / 10,
        pages: laid.pages,
        megabytes: Math.round(laid.pdf.length / 1e5) / 10,
        textExact: text === laid.text,
        generateS: Math.round(generateS * 10) / 10,
      };
    } finally {
      store.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
