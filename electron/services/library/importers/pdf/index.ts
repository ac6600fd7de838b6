// PDF to paragraphs through pdf.js's positioned text: segments (positioned-text.ts) in reading
// order by XY-cut (reading-order.ts), the title from the first page's largest text (title.ts),
// running headers, footers and page numbers dropped (running-lines.ts), unreadable text layers
// measured and cleaned (text-layer-quality.ts), and pages joined into one text with its page
// map (page-joins.ts). Whatever is dropped or read badly is reported as a notice with a count.
import path from 'node:path';
import type { ImportNotice, PageStart } from '../../../../../shared/schemas/library';
import { checkTextLength, importError, maxPdfPages } from '../limits';
import { joinPages } from './page-joins';
import { loadPdfJs, pdfjsRoot } from './pdfjs-loader';
import { segmentsOfPage, type Segment, type TextItemLike } from './positioned-text';
import { readingOrder } from './reading-order';
import { dropRunningLines } from './running-lines';
import { cleanTextLayer, isGarbage, pageList, pageQuality, refuseDocumentShare, type PageQuality } from './text-layer-quality';
import { chooseTitle, titleOfFirstPage } from './title';

export { joinLines } from './page-joins';

export interface PdfDocument {
  title: string | null;
  author: string | null;
  text: string;
  pageMap: PageStart[];
  notices: ImportNotice[];
}

function messageFor(fileName: string, error: unknown): string {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'PasswordException') {
    return `${fileName} is password-protected (encrypted); open it in a PDF reader, save a copy without the password, and import that.`;
  }
  if (name === 'InvalidPDFException') return `${fileName} is not a readable PDF (it is damaged or not a PDF at all).`;
  return `${fileName} could not be read as a PDF: ${(error as Error)?.message ?? String(error)}`;
}

function infoString(info: Record<string, unknown>, key: string): string | null {
  const value = info[key];
  if (typeof value !== 'string') return null;
  const clean = value.replace(/\s+/g, ' ').trim();
  return clean === '' ? null : clean.slice(0, 500);
}

export async function pdfToDocument(fileName: string, bytes: Uint8Array): Promise<PdfDocument> {
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).indexOf('%PDF-') === -1) {
    throw importError(`${fileName} is not a PDF (it does not start with a PDF header).`);
  }
  // Every complete PDF ends with %%EOF; a truncated download does not, and would import as part.
  if (!new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF')) {
    throw importError(`${fileName} is incomplete: the PDF ends early (it may have been cut off while downloading or copying).`);
  }
  const pdfjs = await loadPdfJs();
  const root = pdfjsRoot();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of the buffer; give it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
    // Local files only (CJK text needs the character maps).
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw importError(messageFor(fileName, error));
  }
  try {
    if (pdf.numPages > maxPdfPages) {
      throw importError(`${fileName} has ${pdf.numPages} pages; Glossa imports PDFs of up to ${maxPdfPages} pages.`);
    }
    const pages: Segment[][] = [];
    let rotated = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const read = segmentsOfPage(content.items.filter((i): i is TextItemLike & typeof i => 'str' in i) as TextItemLike[]);
      pages.push(readingOrder(read.segments));
      rotated += read.rotated;
      page.cleanup();
    }
    const quality = pages.map(pageQuality);
    const chars = quality.reduce((sum, q) => sum + q.visible, 0);
    if (chars < Math.max(20, pdf.numPages * 5)) {
      throw importError(
        `${fileName} has no text layer (it looks like scanned images): it needs OCR, which Glossa does not do. ` +
          'Run it through an OCR tool (for example ocrmypdf) and import the result.',
      );
    }
    const garbled = garbledPages(fileName, quality);
    const cleaned = cleanTextLayer(pages);
    const firstTitle = titleOfFirstPage(cleaned.pages[0] ?? []);
    const furniture = dropRunningLines(cleaned.pages, firstTitle);
    const { text, pageMap } = joinPages(furniture.pages);
    checkTextLength(fileName, text);
    const meta = await pdf.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const notices = [
      ...garbled,
      ...cleaningNotices(cleaned.counts),
      ...countNotice('running-lines', furniture.runningLines, (n) => `${n} running header and footer ${n === '1' ? 'line was' : 'lines were'} left out (the same text at the top or bottom of most pages).`),
      ...countNotice('page-numbers', furniture.pageNumbers, (n) => `${n} page ${n === '1' ? 'number was' : 'numbers were'} left out of the text (the page map keeps where each page starts).`),
      ...countNotice('rotated-text', rotated, (n) => `${n} ${n === '1' ? 'piece' : 'pieces'} of sideways or slanted text (margin stamps, rotated labels) left out of the reading order.`),
    ];
    return { title: chooseTitle(cleaned.pages[0] ?? [], firstTitle, infoString(info, 'Title')), author: infoString(info, 'Author'), text, pageMap, notices };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function countNotice(code: string, count: number, message: (n: string) => string): ImportNotice[] {
  return count === 0 ? [] : [{ kind: 'dropped', code, count, pages: [], message: message(count.toLocaleString('en')) }];
}

function cleaningNotices(counts: ReturnType<typeof cleanTextLayer>['counts']): ImportNotice[] {
  const ligatures = counts.ligaturesRestored + counts.ligaturesMarked;
  const notices: ImportNotice[] = [];
  if (ligatures > 0) {
    notices.push({
      kind: 'warning',
      code: 'unmapped-ligatures',
      count: ligatures,
      pages: [],
      message:
        `${ligatures.toLocaleString('en')} ligature ${ligatures === 1 ? 'glyph has' : 'glyphs have'} no Unicode in the PDF's fonts: ` +
        `${counts.ligaturesRestored.toLocaleString('en')} put back from the same word spelt elsewhere in the document, ` +
        `${counts.ligaturesMarked.toLocaleString('en')} marked with \ufffd.`,
    });
  }
  notices.push(
    ...countNotice('control-characters', counts.controlsDropped, (n) => `${n} control ${n === '1' ? 'character' : 'characters'} (glyph codes of fonts without a Unicode map) dropped; between readable words they were taken as spaces.`),
  );
  return notices;
}

/** Pages whose text is mostly unreadable: a warning naming them, or a refusal when nearly all is. */
function garbledPages(fileName: string, quality: readonly PageQuality[]): ImportNotice[] {
  const pages = quality.flatMap((q, i) => (isGarbage(q) ? [i + 1] : []));
  if (pages.length === 0) return [];
  const visible = quality.reduce((sum, q) => sum + q.visible, 0);
  const unreadable = quality.reduce((sum, q) => sum + q.unreadable, 0);
  const share = Math.round((unreadable / visible) * 100);
  if (unreadable >= visible * refuseDocumentShare) {
    throw importError(
      `${fileName} has no readable text layer: ${share}% of its characters are glyph codes of fonts without a Unicode map (${pages.length === quality.length ? 'every page' : `pages ${pageList(pages)}`}). ` +
        'It needs OCR, which Glossa does not do: run it through an OCR tool (for example ocrmypdf --force-ocr) and import the result.',
    );
  }
  const which = pages.length === 1 ? `Page ${pages[0]}` : `Pages ${pageList(pages)}`;
  return [
    {
      kind: 'warning',
      code: 'garbled-pages',
      count: pages.length,
      pages,
      message: `${which} of ${fileName} ${pages.length === 1 ? 'has' : 'have'} mostly unreadable text (fonts without a Unicode map): check ${pages.length === 1 ? 'it' : 'them'} against the PDF, or OCR the file and import it again.`,
    },
  ];
}
