// PDFs as real reports lay them out (generated in tests/fixtures/pdf-layouts.ts), imported
// through the real pipeline (pdf.js in the worker pool, the real store): reading order across
// columns and pages, running headers, footers and page numbers left out, words split at a
// column's foot joined, the title from the first page, and broken text layers reported by page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from '../../electron/services/library/documents';
import { importPaths } from '../../electron/services/library/import-jobs';
import { joinLines } from '../../electron/services/library/importers/pdf';
import { movePageMap, sanitiseText } from '../../electron/services/library/importers/sanitise';
import { rawPdf } from '../fixtures/raw-pdf';
import { layOutColumns, makeParagraphs, partlyUnmapped } from '../fixtures/pdf-layouts';
import { openTestContext, tempDir, type TestContext } from './helpers';

const controlCharacter = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]/;

async function importFile(t: TestContext, name: string, bytes: Buffer | string) {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return importPaths(t.ctx, [file]);
}

async function importPdf(t: TestContext, bytes: Buffer) {
  const report = await importFile(t, 'report.pdf', bytes);
  expect(report.failed).toEqual([]);
  const item = report.imported[0]!;
  return { item, doc: getDocument(t.ctx, item.id) };
}

const title = 'Flood response in the Esk valley';

describe('PDF reading order', () => {
  it('reads a two-column report column by column, joins split words and sentences across columns and pages, and leaves out alternating headers, link footers and page numbers', async () => {
    const t = openTestContext();
    const laid = layOutColumns(makeParagraphs(40), {
      columns: 2,
      title,
      oddHeader: title,
      evenHeader: 'Northwind Institute Working Paper 12',
      footer: 'Downloaded from https://northwind.example/papers/12 on 3 March 2026',
      pageNumbers: true,
    });
    expect(laid.pages).toBeGreaterThanOrEqual(4);
    const { item, doc } = await importPdf(t, laid.pdf);
    expect(doc.text).toBe(laid.text);
    expect(item.title).toBe(title);
    // The title repeated as a small header on odd pages is left out there, kept on page 1.
    expect(doc.text.split(title)).toHaveLength(2);
    expect(doc.text).not.toMatch(/Northwind Institute|Downloaded from|\n\d+\n/);
    expect(doc.pageMap!.map(([, page]) => page)).toEqual(Array.from({ length: laid.pages }, (_, i) => i + 1));
    doc.pageMap!.slice(1).forEach(([offset], i) => expect(doc.text.slice(offset)).toMatch(new RegExp(`^${laid.pageStarts[i + 1]!.replace(/-$/, '')}`)));
    const codes = Object.fromEntries(item.notices.map((n) => [n.code, n.count]));
    expect(codes['page-numbers']).toBe(laid.pages);
    // Headers on pages 2 to n, the footer on every page.
    expect(codes['running-lines']).toBe(laid.pages - 1 + laid.pages);
  });

  it('reads a three-column page column by column', async () => {
    const t = openTestContext();
    const laid = layOutColumns(makeParagraphs(14, 3), { columns: 3, title, pageNumbers: true });
    const { doc } = await importPdf(t, laid.pdf);
    expect(doc.text).toBe(laid.text);
  });

  it('titles a document by its first page’s largest words, never a page number or a row of symbols, over a file name in its properties', async () => {
    const t = openTestContext();
    const body = makeParagraphs(3, 5).join(' ');
    const lines = body.match(/.{1,80}(?:\s|$)/g)!.map((l) => l.trim());
    const pdf = rawPdf(
      [
        [
          { x: 500, y: 760, size: 24, text: '17' },
          { x: 72, y: 730, size: 20, text: '* * * * * * * * * *' },
          { x: 72, y: 700, size: 16, text: 'Official Gazette of the Esk Valley' },
          ...lines.map((text, i) => ({ x: 72, y: 670 - i * 12, size: 10, text })),
        ],
      ],
      { title: 'Microsoft Word - gazette-17.docx' },
    );
    const { item } = await importPdf(t, pdf);
    expect(item.title).toBe('Official Gazette of the Esk Valley');
  });
});

describe('PDF line joins', () => {
  it('keeps the hyphen of a compound broken at its hyphen when the document writes it whole elsewhere', () => {
    const spellings = { hyphenated: new Set(['type-unstable']), words: new Set(['loops']) };
    expect(joinLines(['a type-', 'unstable loop'], spellings)).toBe('a type-unstable loop');
    expect(joinLines(['a precau-', 'tion'], spellings)).toBe('a precaution');
  });
});

describe('PDF text layers without Unicode maps', () => {
  it('imports a PDF whose middle pages are garbage with a warning naming them, and stores no control characters', async () => {
    const t = openTestContext();
    const { item, doc } = await importPdf(t, partlyUnmapped(5, [2, 3]));
    expect(doc.text).not.toMatch(controlCharacter);
    const garbled = item.notices.find((n) => n.code === 'garbled-pages')!;
    expect(garbled).toMatchObject({ kind: 'warning', count: 2, pages: [2, 3] });
    expect(garbled.message).toMatch(/^Pages 2–3 of report\.pdf have mostly unreadable text/);
    const dropped = item.notices.find((n) => n.code === 'control-characters')!;
    expect(dropped.kind).toBe('dropped');
    expect(dropped.count).toBeGreaterThan(500);
  });

  it('refuses a PDF whose text is nearly all glyph codes, saying it needs OCR', async () => {
    const t = openTestContext();
    const report = await importFile(t, 'codes.pdf', partlyUnmapped(3, [1, 2, 3]));
    expect(report.imported).toEqual([]);
    expect(report.failed[0]!.reason).toMatch(/^codes\.pdf has no readable text layer: \d+% of its characters .* \(every page\)\. It needs OCR/);
  });

  it('puts back an unmapped ligature from the same word spelt elsewhere, and marks one it cannot', async () => {
    const t = openTestContext();
    const pdf = rawPdf([
      [
        { x: 72, y: 720, size: 10, text: 'The di\u0000culties of the crossing were reported by the council.' },
        { x: 72, y: 708, size: 10, text: 'Such difficulties are common in the season of the storms.' },
        { x: 72, y: 696, size: 10, text: 'The convoy was e\u0000cient and reached the camp by evening.' },
      ],
    ]);
    const { item, doc } = await importPdf(t, pdf);
    expect(doc.text).toContain('The difficulties of the crossing');
    expect(doc.text).toContain('The convoy was e\ufffdcient');
    expect(doc.text).not.toMatch(controlCharacter);
    expect(item.notices.find((n) => n.code === 'unmapped-ligatures')).toMatchObject({ kind: 'warning', count: 2 });
  });
});

describe('control characters in any format', () => {
  it('drops them from text files and web pages, counted in the import report', async () => {
    const t = openTestContext();
    const txt = await importFile(t, 'note.txt', 'Harbour report\n\nThe pier\u0001 was closed\u007f on Friday.\fPage two.\n');
    const doc = getDocument(t.ctx, txt.imported[0]!.id);
    expect(doc.text).toBe('Harbour report\n\nThe pier was closed on Friday.\nPage two.\n');
    expect(txt.imported[0]!.notices).toEqual([expect.objectContaining({ kind: 'dropped', code: 'control-characters', count: 2 })]);
    const html = await importFile(t, 'page.html', '<!doctype html><title>Port</title><body><p>Ships&#1; waited off&#x7f;shore for a week.</p></body>');
    const page = getDocument(t.ctx, html.imported[0]!.id);
    expect(page.text).toContain('Ships waited offshore for a week.');
    expect(page.text).not.toMatch(controlCharacter);
    expect(html.imported[0]!.notices.find((n) => n.code === 'control-characters')!.count).toBe(2);
  });

  it('moves offsets into the text (a page map) past the characters dropped before them', () => {
    const clean = sanitiseText('ab\u0001cd\u0002\u0003ef\u000bg');
    expect(clean).toMatchObject({ text: 'abcdef\ng', dropped: 3 });
    expect(movePageMap([[0, 1], [3, 2], [7, 3]], clean.moved)).toEqual([[0, 1], [2, 2], [4, 3]]);
  });

  it('says nothing when nothing was dropped', async () => {
    const t = openTestContext();
    const report = await importFile(t, 'clean.txt', 'Clean report\n\nNothing to drop here.\n');
    expect(report.imported[0]!.notices).toEqual([]);
  });
});
