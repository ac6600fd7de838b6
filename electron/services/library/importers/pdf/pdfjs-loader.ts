// Loads pdfjs-dist (its legacy build, for Node) in this thread, with its worker code in-process:
// no worker script is fetched, nothing is evaluated, no font or network request is made.
import path from 'node:path';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | undefined;

export function pdfjsRoot(): string {
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
export function loadPdfJs(): Promise<PdfJs> {
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

