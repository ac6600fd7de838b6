// The library at 10,000 reports of about 5,000 characters with 200,000 annotations (issue 13):
// library_open_ms, from the app's first render (the library asks for its first page) until its
// rows are painted (the whole window load, bundle included, is reported beside it), and
// library_filter_ms, a keystroke in its filter until the matching rows are painted; both in the
// real renderer build (Chromium, the real core over the harness's bridge).
import type { Browser, Page } from '@playwright/test';
import { localAnalyst } from '../../electron/services/analysts/analysts';
import { insertAnnotation } from '../../electron/store/writers/annotations';
import { insertDocument } from '../../electron/store/writers/documents';
import { startSession } from '../harness/harness';
import { median, round1 } from './stats';

export const libraryTargets = { openMs: 200, filterMs: 50 };

const reports = Number(process.env.GLOSSA_BENCH_LIBRARY_REPORTS ?? 10_000);
const annotationsPerReport = 20;
const outlets = ['Meridian Wire', 'Дорская правда', 'Field Desk', 'Coast Radio', 'Northern Monitor', 'الشرق اليوم'];
const paragraph = 'Rebel commanders said on Friday that they had taken the bridge at Dorsk, a claim the ministry denied. ';
const labels = ['claim', 'source', 'location'];

export function seedLibrary(db: import('../../electron/store/store').Db): void {
  const text = paragraph.repeat(Math.ceil(5000 / paragraph.length));
  const analyst = localAnalyst(db).id;
  db.transaction(() => {
    for (let i = 0; i < reports; i++) {
      const n = String(i).padStart(5, '0');
      const id = `bench-doc-${n}`;
      const day = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000 * 7).toISOString();
      insertDocument(db, {
        id,
        title: `Report ${n}: ${outlets[i % outlets.length]} on the northern front`,
        outlet: outlets[i % outlets.length]!,
        url: null,
        publishedAt: day.slice(0, 10),
        importedAt: day,
        sourceName: `${n}.txt`,
        text: `Report ${n}. ${text}`,
        contentHash: `hash-${n}`,
        author: i % 3 ? 'Zoë Haddad' : null,
        sourceFormat: 'txt',
        encoding: 'utf-8',
        pageMap: null,
      });
      if (i % 10 === 0) db.prepare('INSERT INTO document_tags (document_id, tag) VALUES (?, ?)').run(id, 'weekly');
      // Every other report is annotated (40 spans), the rest untouched: 200,000 in all.
      if (i % 2 === 1) continue;
      for (let a = 0; a < annotationsPerReport * 2; a++) {
        const start = 20 + a * 100;
        insertAnnotation(db, {
          id: `${id}-a${a}`,
          documentId: id,
          labelId: labels[a % labels.length]!,
          start,
          end: start + 15,
          quote: 'x'.repeat(15),
          note: '',
          createdAt: day,
          updatedAt: day,
        }, analyst);
      }
    }
  }).immediate();
}

/**
 * Installed before every load: records when the app first shows its (still loading) library
 * and when the first rows are in the DOM, two frames later (painted).
 */
const watchLibrary = `
  window.__libraryTimes = {};
  new MutationObserver((_, observer) => {
    const times = window.__libraryTimes;
    if (!times.mounted && document.querySelector('main')) times.mounted = performance.now();
    if (!times.rows && document.querySelector('[aria-label="Reports"] [role="row"][data-id]')) {
      times.rows = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => (times.painted = performance.now())));
    }
  }).observe(document, { childList: true, subtree: true });
`;

interface OpenTiming {
  /** The app mounted (the library asks for its first page) → rows painted. */
  libraryMs: number;
  /** Navigation start → rows painted: the whole window load, bundle included. */
  loadMs: number;
}

/** Reloads the window and waits for the library's rows to be painted. */
export async function openOnce(page: Page): Promise<OpenTiming> {
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __libraryTimes?: { painted?: number } }).__libraryTimes?.painted !== undefined, null, {
    timeout: 60_000,
  });
  const times = await page.evaluate(() => (window as unknown as { __libraryTimes: { mounted: number; painted: number } }).__libraryTimes);
  return { libraryMs: times.painted - times.mounted, loadMs: times.painted };
}

/** Types the filter text in one input event; ms until the first matching row is painted. */
async function filterOnce(page: Page, text: string, expectTitle: string): Promise<number> {
  return page.evaluate(
    ({ text, expectTitle }) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('input[aria-label="Filter reports"]')!;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const timeout = setTimeout(() => reject(new Error(`no row "${expectTitle}" after filtering by "${text}"`)), 20_000);
        const t0 = performance.now();
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => {
          const first = document.querySelector('[aria-label="Reports"] [role="row"][data-id] .doc-open');
          if (first?.textContent?.startsWith(expectTitle)) {
            clearTimeout(timeout);
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          } else requestAnimationFrame(check);
        };
        check();
      }),
    { text, expectTitle },
  );
}

export async function measureLibrary(browser: Browser, log: (message: string) => void, runs = 7) {
  const session = await startSession(browser, { seedSample: false, viewport: { width: 1280, height: 820 } });
  try {
    const t0 = performance.now();
    seedLibrary(session.core.store.db);
    session.core.store.db.pragma('optimize');
    log(`library: ${reports.toLocaleString('en')} reports, ${((reports / 2) * annotationsPerReport * 2).toLocaleString('en')} annotations seeded in ${Math.round(performance.now() - t0)} ms`);
    const page = await session.openApp();
    await page.context().addInitScript({ content: watchLibrary });
    await openOnce(page);
    const open: OpenTiming[] = [];
    for (let i = 0; i < runs; i++) open.push(await openOnce(page));
    // Newest import first: Report 09999 heads the list; each filter narrows it to another head.
    const filters: [string, string][] = [
      ['report 0001', 'Report 00019'],
      ['дорская', 'Report 09997'],
      ['field desk', 'Report 09998'],
      ['report 05', 'Report 05999'],
      ['NORTHERN MONITOR', 'Report 09994'],
      ['report 0000', 'Report 00009'],
      ['الشرق', 'Report 09995'],
    ];
    const filter: number[] = [];
    for (const [text, head] of filters) {
      filter.push(await filterOnce(page, '', 'Report 09999'));
      filter.push(await filterOnce(page, text, head));
    }
    return {
      library_open_ms: round1(median(open.map((o) => o.libraryMs))),
      library_filter_ms: round1(median(filter)),
      loadMs: round1(median(open.map((o) => o.loadMs))),
      openRuns: open.map((o) => Math.round(o.libraryMs)),
      filterRuns: filter.map((ms) => Math.round(ms)),
    };
  } finally {
    await session.close();
  }
}
