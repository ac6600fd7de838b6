// PDF to paragraphs through pdfjs-dist (its legacy build, for Node), in-process: no worker
// script is fetched, nothing is evaluated, no font or network request is made. Text items
// become lines by their baselines, lines become paragraphs by the gaps between them;
// end-of-line hyphens are removed, and lines repeated at the top or bottom of most pages
// (running headers and footers) and bare page numbers are dropped. The page map records the
// offset in the text where each page starts.
import path from 'node:path';
import type { PageStart } from '../../../../shared/schemas/library';
import { checkTextLength, importError, maxPdfPages } from './limits';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | undefined;

function pdfjsRoot(): string {
  return path.dirname(require.resolve('pdfjs-dist/package.json'));
}

/**
 * pdf.js builds a DOMMatrix when it loads, for canvas rendering, which text extraction never
 * does. Node has no DOMMatrix; pdf.js borrows one from @napi-rs/canvas when that native package
 * loads, which it may not (inside an asar archive, on an unusual platform). Then this stand-in
 * lets it load; only rendering would need a real one.
 */
class DOMMatrixStandIn {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: readonly number[]) {
    if (Array.isArray(init) && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init as [number, number, number, number, number, number];
  }
}

/** Loads pdfjs with its worker code in this thread (we are already off the UI thread). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const global = globalThis as { DOMMatrix?: unknown };
    if (global.DOMMatrix === undefined) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional native package
        global.DOMMatrix = (require('@napi-rs/canvas') as { DOMMatrix: unknown }).DOMMatrix;
      } catch {
        global.DOMMatrix = DOMMatrixStandIn;
      }
    }
    // Without @napi-rs/canvas (the package leaves it out) pdf.js warns on load that rendering
    // may be broken; Glossa renders nothing, so those warnings are not passed on to stderr.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!/^Warning: Cannot (load "@napi-rs\/canvas"|polyfill)/.test(String(args[0]))) warn(...args);
    };
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
    }
  })();
  return pdfjsPromise;
}

interface PdfDocument {
  title: string | null;
  author: string | null;
  text: string;
  pageMap: PageStart[];
}

interface Line {
  text: string;
  y: number;
  x: number;
  size: number;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

function linesOfPage(items: readonly TextItemLike[]): Line[] {
  const lines: { y: number; size: number; items: TextItemLike[] }[] = [];
  for (const item of items) {
    if (item.str === '' && !item.hasEOL) continue;
    const y = item.transform[5]!;
    const size = Math.max(1, Math.hypot(item.transform[2]!, item.transform[3]!) || item.height || 1);
    const line = lines.find((l) => Math.abs(l.y - y) < Math.min(l.size, size) * 0.5);
    if (line) line.items.push(item);
    else lines.push({ y, size, items: [item] });
  }
  lines.sort((a, b) => b.y - a.y);
  const out: Line[] = [];
  for (const line of lines) {
    line.items.sort((a, b) => a.transform[4]! - b.transform[4]!);
    let text = '';
    let end = -Infinity;
    for (const item of line.items) {
      const x = item.transform[4]!;
      if (text !== '' && x - end > line.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
      text += item.str;
      end = x + item.width;
    }
    text = text.replace(/\s+/g, ' ').trim();
    if (text !== '') out.push({ text, y: line.y, x: line.items[0]!.transform[4]!, size: line.size });
  }
  return out;
}

const pageNumber = /^(?:page\s+)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const romanPage = /^[ivxlc]{1,6}$/i;

/** A line's shape with its numbers blurred, so "Page 3 of 9" and "Page 4 of 9" repeat. */
function shape(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/** Drops running headers and footers (a line near the top or bottom of most pages) and page numbers. */
function dropFurniture(pages: Line[][]): Line[][] {
  const edge = 2;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const line of [...lines.slice(0, edge), ...lines.slice(-edge)]) seen.add(shape(line.text));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const repeated = (text: string) => pages.length >= 2 && (counts.get(shape(text)) ?? 0) >= Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((lines) =>
    lines.filter((line, i) => {
      const atEdge = i < edge || i >= lines.length - edge;
      if (!atEdge) return true;
      if (pageNumber.test(line.text) || romanPage.test(line.text)) return false;
      return !repeated(line.text);
    }),
  );
}

/** Lines to paragraphs: a gap clearly wider than the usual line spacing starts a new one. */
function paragraphsOfPage(lines: readonly Line[]): string[][] {
  if (lines.length === 0) return [];
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) gaps.push(lines[i - 1]!.y - lines[i]!.y);
  const sorted = gaps.filter((g) => g > 0).sort((a, b) => a - b);
  const usual = sorted.length > 0 ? sorted[Math.floor(sorted.length * 0.25)]! : lines[0]!.size * 1.2;
  const paragraphs: string[][] = [[lines[0]!.text]];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1]!.y - lines[i]!.y;
    const sizeChange = Math.abs(lines[i]!.size - lines[i - 1]!.size) > Math.max(1, lines[i - 1]!.size * 0.2);
    if (gap > usual * 1.4 || gap < 0 || sizeChange) paragraphs.push([lines[i]!.text]);
    else paragraphs[paragraphs.length - 1]!.push(lines[i]!.text);
  }
  return paragraphs;
}

/** Joins a paragraph's lines, removing end-of-line hyphenation ("inter-\nnational"). */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (out === '') out = line;
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line)) out = out.slice(0, -1) + line;
    // "Franco-" + "German", "1990-" + "1995": a hyphen that belongs to the text stays, with no space.
    else if (/[\p{L}\p{N}]-$/u.test(out)) out += line;
    else out += ' ' + line;
  }
  return out;
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
    const pages: Line[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOfPage(content.items.filter((i): i is TextItemLike & typeof i => 'str' in i) as TextItemLike[]));
      page.cleanup();
    }
    const chars = pages.reduce((sum, lines) => sum + lines.reduce((s, l) => s + l.text.replace(/\s/g, '').length, 0), 0);
    if (chars < Math.max(20, pdf.numPages * 5)) {
      throw importError(
        `${fileName} has no text layer (it looks like scanned images): it needs OCR, which Glossa does not do. ` +
          'Run it through an OCR tool (for example ocrmypdf) and import the result.',
      );
    }
    const kept = dropFurniture(pages);
    let text = '';
    const pageMap: PageStart[] = [];
    kept.forEach((lines, index) => {
      const paragraphs = paragraphsOfPage(lines).map(joinLines);
      if (paragraphs.length === 0) return;
      let first = paragraphs[0]!;
      let rest = paragraphs.slice(1);
      if (text === '') {
        pageMap.push([0, index + 1]);
      } else if (/[\p{L},;-]$/u.test(text) && /^\p{Ll}/u.test(first)) {
        // A sentence running over the page break: same paragraph.
        const hyphen = /\p{L}-$/u.test(text);
        text = hyphen ? text.slice(0, -1) : text + ' ';
        pageMap.push([text.length, index + 1]);
        text += first;
        first = '';
      } else {
        text += '\n\n';
        pageMap.push([text.length, index + 1]);
      }
      const parts = first === '' ? rest : [first, ...rest];
      if (first === '' && rest.length > 0) text += '\n\n';
      text += parts.join('\n\n');
      rest = [];
    });
    checkTextLength(fileName, text);
    const meta = await pdf.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    return { title: infoString(info, 'Title'), author: infoString(info, 'Author'), text, pageMap };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
