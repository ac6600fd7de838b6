// The library at 10,000 reports of about 5,000 characters with 200,000 annotations (issue 13):
// library_open_ms, the window loaded until the library's rows are painted, and
// library_filter_ms, a keystroke in its filter until the matching rows are painted; both in the
// real renderer build (Chromium, the real core over the harness's bridge).
import type { Browser, Page } from '@playwright/test';
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

export function seedLibraryForTest(db: import("../../electron/store/store").Db): void { seedLibrary(db); }
function seedLibrary(db: import('../../electron/store/store').Db): void {
  const text = paragraph.repeat(Math.ceil(5000 / paragraph.length));
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
        });
      }
    }
  }).immediate();
}

/** Reload; ms from the page's navigation start to two frames after the first rows are in the DOM. */
export async function openOnce(page: Page): Promise<number> {
  await page.reload({ waitUntil: 'commit' });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const check = () => {
          if (document.querySelector('[aria-label="Reports"] [role="row"][data-id]')) {
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
          } else requestAnimationFrame(check);
        };
        check();
      }),
  );
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
    await openOnce(page);
    const open: number[] = [];
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
    return { library_open_ms: round1(median(open)), library_filter_ms: round1(median(filter)), openRuns: open, filterRuns: filter };
  } finally {
    await session.close();
  }
}
