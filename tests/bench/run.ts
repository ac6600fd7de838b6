// `npm run bench`: a one-million-character report with 20,000 annotations, opened and tagged in
// the real renderer build (Debian's Chromium, the real core over the harness's bridge), and a
// ten-million-character one with 200,000 annotations opened (the reader loads by window, so it
// should open as fast). Prints a table, then as its last line one JSON object with every figure.
// Missed targets do not fail the run; errors do (exit 1).
import type { Browser } from '@playwright/test';
import { launchChromium, startSession, type Session } from '../harness/harness';
import { createAnnotation, deleteAnnotation } from '../../electron/services/annotate/annotations';
import { agreementTargets, measureAgreement, measureCurationPaint } from './agreement-bench';
import { claims300kTarget, claimsTarget, measureClaims } from './claims-bench';
import { measureUndo } from './undo-bench';
import { makeSpans, makeText } from './corpus';
import { findServiceCosts, findTargetMs, findWord, measureFindAll } from './find-bench';
import { measureFloor } from './floor';
import { heapAfterGc, measureCreate, measureOpen, measureOpenPair, openOnce } from './reader';
import { importTargets, measureImport } from './import-bench';
import { measurePdfImport, pdfTargets } from './pdf-bench';
import { libraryTargets, measureLibrary } from './library-bench';
import { datasetBench } from './datasets-bench';
import { doccanoTargets, measureDoccano } from './doccano-bench';
import { measureShip, shipTargets } from './ship-bench';
import { measurePaths, pathsTargets } from './paths-bench';
import { measureSearch, searchTargets } from './search-bench';
import { unpackBlocks } from '../../shared/blocks';
import { measureOpenMain, openMainTargetMs } from './open-main-bench';
import { benchTitle, bench10mTitle, seedBenchReport } from './seed';
import { measureCrashLoop, measureStoreOpen, storeTargets } from './store-bench';
import { median, round1 } from './stats';
import { onlyParts, runParts } from './parts';
import { measureSessions, sessionTargets } from './session-bench';
import { measureServer, serverTargets } from './server-bench';
import { measureSyncBacklog, syncTargets } from './sync-bench';
import { measureConvergence } from './sync-sim-bench';

const textSeed = 20250314;
const spanSeed = 7;
const viewport = { width: 1280, height: 820 };
const targets = { openVsFloor: 2, createMs: 16, heapMb: 200, open10mVsOpen: 1.2 };

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

/** Node-side costs of the calls the reader makes, through the real dispatcher (no browser). */
async function serviceCosts(session: Session, documentId: string) {
  const time = async (fn: () => unknown) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  const dispatch = session.core.dispatch;
  const getMs: number[] = [];
  const listMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    getMs.push(await time(() => dispatch('documents.get', { id: documentId })));
    listMs.push(await time(() => dispatch('annotations.spans', { documentId })));
  }
  // A real createAnnotation (as 'annotations.create' runs it), then removed again.
  const createMs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const created = createAnnotation(session.core.ctx, { documentId, labelId: 'source', start: 0, end: 2 });
    createMs.push(performance.now() - t0);
    deleteAnnotation(session.core.ctx, created.id);
  }
  const listed = (await dispatch('annotations.spans', { documentId })) as { ok: boolean; value?: unknown[] } | unknown[];
  const listBytes = JSON.stringify(listed).length;
  return { getMs: median(getMs), listMs: median(listMs), createMs: median(createMs), listBytes };
}

/** Main-side costs of the windowed open at 10M, through the real dispatcher. */
async function windowCosts(session: Session, documentId: string) {
  const dispatch = session.core.dispatch;
  const time = async (fn: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await fn();
      runs.push(performance.now() - t0);
    }
    return round1(median(runs));
  };
  const outline = (await dispatch('documents.outline', { id: documentId })) as { value: { blocks: { packed: string } } };
  const starts = unpackBlocks(outline.value.blocks.packed).map((b) => b.start);
  const end = (i: number) => starts[Math.min(starts.length - 1, i)]!;
  return {
    outlineMs: await time(() => dispatch('documents.outline', { id: documentId })),
    outlineBytes: JSON.stringify(outline).length,
    windowMs: await time(() => dispatch('annotations.window', { documentId, start: 0, end: end(32) })),
    lastWindowMs: await time(() => dispatch('annotations.window', { documentId, start: end(starts.length - 32), end: end(starts.length - 1) })),
    countsMs: await time(() => dispatch('annotations.counts', { documentId })),
  };
}


async function main(): Promise<number> {
  const only = onlyParts(process.argv.slice(2));
  if (only) return runParts(only, log);
  const started = performance.now();
  const bench = makeText(textSeed);
  const spans = makeSpans(bench, spanSeed);
  const paragraphs = bench.paragraphs.map((p) => bench.text.slice(p.start, p.end));
  log(`report: ${bench.text.length.toLocaleString()} characters, ${paragraphs.length} paragraphs, ${spans.length.toLocaleString()} annotations`);

  let browser: Browser | null = null;
  let session: Session | null = null;
  try {
    browser = await launchChromium();

    log('floor: bare paragraphs in a plain page…');
    const floor = await measureFloor(browser, paragraphs, viewport);

    session = await startSession(browser, { seedSample: false, viewport });
    let t0 = performance.now();
    const documentId = seedBenchReport(session.core.ctx, bench.text, spans);
    log(`seeded the store through the services in ${Math.round(performance.now() - t0)} ms`);

    const page = await session.openApp();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    log('open: library click to highlights painted, 5 runs…');
    const open = await measureOpen(page, benchTitle);
    const heapMb = await heapAfterGc(page);
    log('open again, replies served from page memory (renderer work only), 3 runs…');
    const openLocal = await measureOpen(page, benchTitle, 3, { repliesFromMemory: true });
    await openOnce(page, benchTitle);

    log('create: drag-select a word, press 1, 50 runs…');
    t0 = performance.now();
    const create = await measureCreate(page);
    log(`create runs took ${Math.round(performance.now() - t0)} ms`);

    log(`find: every match of “${findWord}” found and highlighted, 7 runs…`);
    const findAll = await measureFindAll(page);
    const findCosts = await findServiceCosts(session, documentId);

    const stored = (session.core.store.db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n;
    if (stored !== spans.length + create.runs.length) {
      throw new Error(`the store holds ${stored} annotations, expected ${spans.length + create.runs.length}`);
    }
    if (pageErrors.length) throw new Error(`uncaught errors in the renderer: ${pageErrors.join('; ')}`);
    const costs = await serviceCosts(session, documentId);
    log('undo: delete the report (20,000 annotations) and restore it by token…');
    const undo = await measureUndo(session.core.dispatch, documentId);

    log('a ten-million-character report with 200,000 annotations: seeding…');
    const big = makeText(textSeed + 1, 10_000_000);
    t0 = performance.now();
    const bigId = seedBenchReport(session.core.ctx, big.text, makeSpans(big, spanSeed + 1, 200_000), bench10mTitle);
    log(`seeded in ${Math.round(performance.now() - t0)} ms; first open (block index not yet cached in main)…`);
    const open10mFirst = await openOnce(page, bench10mTitle);
    log('open the 10M report and the 1M one by turns, 7 runs each…');
    const { big: open10m, small: open1mPaired } = await measureOpenPair(page, benchTitle, bench10mTitle);
    const heap10mMb = await heapAfterGc(page);
    const bigCosts = await windowCosts(session, bigId);
    const openMain = await measureOpenMain(session, bigId);
    if (pageErrors.length) throw new Error(`uncaught errors in the renderer: ${pageErrors.join('; ')}`);

    log('datasets: 100,000 annotations over 1,000 documents, exported in every format and imported back…');
    const datasets = await datasetBench(log);
    log('doccano: a 10,000-record doccano 1.x file imported through the real pipeline…');
    const doccano = await measureDoccano(log);
    log('claims table: 100,000 claims with sources, places and statuses…');
    const claims = measureClaims();
    log('claims table at 300,000 claims…');
    const claims300k = measureClaims(5, 3000);
    log('search: 10,000 reports of ~5,000 characters and 200,000 annotations, 100 mixed queries…');
    const searched = await measureSearch(log);
    await session.close();
    session = null;
    log('library: 10,000 reports, 200,000 annotations, opened and filtered in the renderer…');
    const library = await measureLibrary(browser, log);
    log('agreement: 5 analysts × 1,000 reports × 20,000 spans each, through the service…');
    const agreement = measureAgreement(log);
    const curation = await measureCurationPaint(browser, log);
    await browser.close();
    browser = null;

    const imported = await measureImport(log);
    const pdf = await measurePdfImport(log);
    const ship = measureShip(log);
    log('store: open a ~200 MB store (check after opening, off the main thread)…');
    const storeOpen = await measureStoreOpen(log);
    log(`crash loop: ${storeTargets.crashKills} SIGKILLs of the built CLI during writes, imports, exports and migrations…`);
    const crash = await measureCrashLoop(log);
    const paths = await measurePaths(log);
    const sessions = measureSessions(log);
    const server = await measureServer(log);
    const backlog = await measureSyncBacklog(log);
    const convergence = await measureConvergence(log);

    const figures = {
      floor_ms: round1(floor.median),
      open_ms: round1(open.median),
      open_10m_ms: round1(open10m.median),
      open_1m_paired_ms: round1(open1mPaired.median),
      open_main_ms: round1(openMain.median),
      create_ms: round1(create.median),
      find_all_ms: round1(findAll.median),
      heap_mb: round1(heapMb),
      claims_query_ms: round1(claims.queryMs),
      claims_300k_ms: round1(claims300k.queryMs),
      library_open_ms: library.library_open_ms,
      library_filter_ms: library.library_filter_ms,
      library_filter_harness_ms: library.library_filter_harness_ms,
      import_s: imported.import_s,
      import_per_s: imported.import_per_s,
      ...datasets,
      doccano_import_records_per_s: doccano.doccano_import_records_per_s,
      import_max_stall_ms: imported.import_max_stall_ms,
      pdf_import_pages_per_s: pdf.pdf_import_pages_per_s,
      search_p95_ms: searched.search_p95_ms,
      search_index_mb: searched.search_index_mb,
      search_index_ratio: searched.search_index_ratio,
      search_worker_p95_ms: searched.search_worker_p95_ms,
      // What indexing costs the import: one report's share of the index build × reports per second
      // (an upper bound: parsing on worker threads overlaps the main thread's inserts).
      import_index_drop_pct: round1(searched.search_index_ms_per_report * imported.import_per_s * 0.1),
      package_mb: ship.package_mb,
      cli_start_ms: ship.cli_start_ms,
      store_open_200mb_ms: storeOpen.store_open_200mb_ms,
      crash_kills: crash.crash_kills,
      crash_lost: crash.crash_lost,
      import_150k_skipped: paths.import_150k_skipped,
      import_150k_s: paths.import_150k_s,
      docx_bomb_refused_ms: paths.docx_bomb_refused_ms,
      ...undo,
      session_mouse_actions: sessions.session_mouse_actions,
      session_keyboard_actions: sessions.session_keyboard_actions,
      session_wrong_links: sessions.session_wrong_links,
      server_changes_per_s: server.server_changes_per_s,
      server_push_p95_ms: server.server_push_p95_ms,
      sync_backlog_s: backlog.sync_backlog_s,
      sync_convergence_runs: convergence.sync_convergence_runs,
      agreement_ms: agreement.agreement_ms,
      curation_paint_ms: curation.curation_paint_ms,
    };
    const holds = (ok: boolean) => (ok ? 'yes' : 'NO');
    const rows: [string, string, string, string][] = [
      ['floor_ms (bare <p> text painted)', `${figures.floor_ms}`, '—', '—'],
      ['open_ms (click → highlights painted)', `${figures.open_ms}`, `≤ ${round1(floor.median * targets.openVsFloor)} (2× floor)`, holds(open.median <= floor.median * targets.openVsFloor)],
      ['open_10m_ms (10M characters, 200,000 annotations; opened by turns with the 1M report)', `${figures.open_10m_ms}`, `≤ ${round1(open1mPaired.median * targets.open10mVsOpen)} (1.2× the 1M report, ${figures.open_1m_paired_ms})`, holds(open10m.median <= open1mPaired.median * targets.open10mVsOpen)],
      ['open_main_ms (main busy with the 10M report’s open calls)', `${figures.open_main_ms}`, `< ${openMainTargetMs}`, holds(openMain.median < openMainTargetMs)],
      ['create_ms (key 1 → frame with highlight)', `${figures.create_ms}`, `< ${targets.createMs}`, holds(create.median < targets.createMs)],
      [`find_all_ms (every “${findWord}”: query → highlights painted)`, `${figures.find_all_ms}`, `< ${findTargetMs}`, holds(findAll.median < findTargetMs)],
      ['heap_mb (renderer JS heap after GC)', `${figures.heap_mb}`, `< ${targets.heapMb}`, holds(heapMb < targets.heapMb)],
      ['claims_query_ms (100,000 claims: new filter or sort → page)', `${figures.claims_query_ms}`, `< ${claimsTarget}`, holds(claims.queryMs < claimsTarget)],
      ['claims_300k_ms (300,000 claims: new filter or sort → page)', `${figures.claims_300k_ms}`, `< ${claims300kTarget}`, holds(claims300k.queryMs < claims300kTarget)],
      ['library_open_ms (10,000 reports: app mounted → rows painted)', `${figures.library_open_ms}`, `< ${libraryTargets.openMs}`, holds(library.library_open_ms < libraryTargets.openMs)],
      ['library_filter_ms (keystroke in the filter → rows painted; main’s query time, IPC by structured clone)', `${figures.library_filter_ms}`, `< ${libraryTargets.filterMs}`, holds(library.library_filter_ms < libraryTargets.filterMs)],
      ['library_filter_harness_ms (the same over the harness’s Playwright binding, ~20 ms a call)', `${figures.library_filter_harness_ms}`, '—', '—'],
      ['import_s (1,000 mixed reports, folder → stored)', `${figures.import_s}`, `< ${importTargets.seconds}`, holds(figures.import_s < importTargets.seconds)],
      ['import_per_s (reports per second)', `${figures.import_per_s}`, `> ${1000 / importTargets.seconds}`, holds(figures.import_per_s > 1000 / importTargets.seconds)],
      ['import_max_stall_ms (main thread, during import)', `${figures.import_max_stall_ms}`, `< ${importTargets.stallMs}`, holds(figures.import_max_stall_ms < importTargets.stallMs)],
      ['doccano_import_records_per_s (10,000-record doccano file → stored)', `${figures.doccano_import_records_per_s}`, `> ${doccanoTargets.recordsPerSecond}`, holds(figures.doccano_import_records_per_s > doccanoTargets.recordsPerSecond)],
      [`pdf_import_pages_per_s (${pdf.pages}-page two-column PDF, file → stored)`, `${figures.pdf_import_pages_per_s}`, `> ${pdfTargets.pagesPerS}, text exact`, holds(figures.pdf_import_pages_per_s > pdfTargets.pagesPerS && pdf.textExact)],
      ['search_p95_ms (100 mixed queries → first page)', `${figures.search_p95_ms}`, `< ${searchTargets.p95Ms}`, holds(figures.search_p95_ms < searchTargets.p95Ms)],
      ['import_index_drop_pct (import_per_s lost to the search index, upper bound)', `${figures.import_index_drop_pct}`, '≤ 15', holds(figures.import_index_drop_pct <= 15)],
      ['search_index_ratio (index MB / text MB)', `${figures.search_index_ratio} (${figures.search_index_mb} MB)`, `≤ ${searchTargets.indexRatio}`, holds(figures.search_index_ratio <= searchTargets.indexRatio)],
      ['package_mb (packed payload beside Electron)', `${figures.package_mb}`, `≤ ${shipTargets.packageMb}`, holds(figures.package_mb <= shipTargets.packageMb)],
      ['cli_start_ms (glossa --version from dist/)', `${figures.cli_start_ms}`, `< ${shipTargets.cliStartMs}`, holds(figures.cli_start_ms < shipTargets.cliStartMs)],
      [`store_open_200mb_ms (${storeOpen.storeMb} MB store → first query)`, `${figures.store_open_200mb_ms}`, `< ${storeTargets.openMs}`, holds(figures.store_open_200mb_ms < storeTargets.openMs)],
      ['crash_kills (SIGKILLs of the CLI, checked after each)', `${figures.crash_kills}`, `≥ ${storeTargets.crashKills}`, holds(figures.crash_kills >= storeTargets.crashKills)],
      ['crash_lost (acknowledged rows missing after kills)', `${figures.crash_lost}`, '0', holds(figures.crash_lost === 0 && crash.crashProblems === 0)],
      ['import_150k_s (150,001 other files: each reported skipped)', `${figures.import_150k_s} (${figures.import_150k_skipped.toLocaleString('en')} skipped)`, `< ${pathsTargets.manySeconds}, all skipped`, holds(figures.import_150k_s < pathsTargets.manySeconds && figures.import_150k_skipped === pathsTargets.manyFiles)],
      ['docx_bomb_refused_ms (3.4 KB DOCX of 30,000 paragraphs, parser)', `${figures.docx_bomb_refused_ms}`, `< ${pathsTargets.docxBombMs}, refused`, holds(figures.docx_bomb_refused_ms < pathsTargets.docxBombMs && paths.docxRefused)],
      ['session_mouse_actions (issue 14 reference session, mainly mouse)', `${figures.session_mouse_actions}`, `≤ ${sessionTargets.mouse}`, holds(sessions.passed && figures.session_mouse_actions >= 0 && figures.session_mouse_actions <= sessionTargets.mouse)],
      ['session_keyboard_actions (the same session, keyboard only)', `${figures.session_keyboard_actions}`, `≤ ${sessionTargets.keyboard}`, holds(sessions.passed && figures.session_keyboard_actions >= 0 && figures.session_keyboard_actions <= sessionTargets.keyboard)],
      ['session_wrong_links (links to a span not meant)', `${figures.session_wrong_links}`, '0', holds(figures.session_wrong_links === 0)],
      [`server_changes_per_s (${server.server_changes.toLocaleString('en')} changes, 20 analysts pushing at once)`, `${figures.server_changes_per_s}`, `> ${serverTargets.changesPerSecond}`, holds(figures.server_changes_per_s > serverTargets.changesPerSecond)],
      ['server_push_p95_ms (a 100-change push among 20 at once)', `${figures.server_push_p95_ms}`, `< ${serverTargets.p95Ms}`, holds(figures.server_push_p95_ms < serverTargets.p95Ms)],
      [`sync_backlog_s (${backlog.changes.toLocaleString('en')} changes after 30 days offline)`, `${figures.sync_backlog_s}`, `< ${syncTargets.backlogSeconds}`, holds(figures.sync_backlog_s < syncTargets.backlogSeconds)],
      [`sync_convergence_runs (simulation runs, 5 replicas, faulty networks)`, `${figures.sync_convergence_runs}`, `= ${convergence.attempted}`, holds(convergence.failedSeeds.length === 0)],
      ['agreement_ms (5 analysts × 1,000 reports × 20,000 spans each → every figure)', `${figures.agreement_ms}`, `< ${agreementTargets.agreementMs}`, holds(figures.agreement_ms < agreementTargets.agreementMs)],
      ['curation_paint_ms (Ctrl+6 → 5 layers of 2,000 spans painted)', `${figures.curation_paint_ms}`, `< ${agreementTargets.curationPaintMs}`, holds(figures.curation_paint_ms < agreementTargets.curationPaintMs)],
    ];
    const details: [string, string][] = [
      ['floor runs (ms)', floor.runs.map((v) => Math.round(v)).join(', ')],
      ['open runs (ms)', open.runs.map((r) => Math.round(r.paintedMs)).join(', ')],
      ['open: click → .reader-text in DOM (median ms)', `${round1(open.readerMedian)}`],
      ['open: click → first .ann in DOM (median ms)', `${round1(open.firstAnnMedian)}`],
      ['open 10M: main’s time per call (median ms)', Object.entries(openMain.perCall).map(([c, ms]) => `${c} ${ms}`).join(', ')],
      ['open 10M runs (ms); the 1M report between them', `${open10m.runs.map((r) => Math.round(r.paintedMs)).join(', ')}; ${open1mPaired.runs.map((r) => Math.round(r.paintedMs)).join(', ')}`],
      ['open 10M, first after seeding (block index cut in main) (ms)', `${round1(open10mFirst.paintedMs)}`],
      ['heap after the 10M open (MB)', `${round1(heap10mMb)}`],
      ['main side at 10M: documents.outline / first annotations.window / annotations.counts (ms)', `${bigCosts.outlineMs} / ${bigCosts.windowMs} / ${bigCosts.countsMs} (outline ${(bigCosts.outlineBytes / 1e3).toFixed(0)} kB as JSON)`],
      ['main side at 10M: annotations.window at the end of the text (ms)', `${bigCosts.lastWindowMs}`],
      ['open, replies from page memory: renderer only (median ms)', `${round1(openLocal.median)} (runs ${openLocal.runs.map((r) => Math.round(r.paintedMs)).join(', ')})`],
      ['structuredClone of those replies in the page (ms)', `${round1(openLocal.cloneMedian)} (stand-in for Electron IPC)`],
      ['create: key → new .ann in DOM (median ms)', `${round1(create.domMedian)}`],
      ['create: key → two frames later (median ms)', `${round1(create.paintedMedian)}`],
      ['create: key → frame, p90 (ms)', `${round1(create.p90)}`],
      ['find: matches of the word (all highlighted as they scroll in)', `${findAll.count.toLocaleString('en')}`],
      ['find runs (ms)', findAll.runs.map((v) => Math.round(v)).join(', ')],
      ['main side: text.find via dispatcher, first with Match case (folds) / as the bar calls it (ms)', `${round1(findCosts.coldMs)} / ${round1(findCosts.warmMs)}`],
      ['main side: documents.get via dispatcher (ms)', `${round1(costs.getMs)}`],
      ['main side: annotations.spans via dispatcher (ms)', `${round1(costs.listMs)} (${(costs.listBytes / 1e6).toFixed(1)} MB as JSON)`],
      ['main side: createAnnotation service call (ms)', `${round1(costs.createMs)}`],
      ['undo: documents.delete / documents.restore by token, 20,000 annotations (ms)', `${undo.undo_delete_ms} / ${undo.undo_restore_ms}`],
      ['import: corpus (250 each of HTML, PDF, DOCX, text) written in (s)', `${imported.generateS}`],
      ['import: main-thread event-loop delay p99 (ms)', `${imported.loopP99Ms}`],
      ['doccano: 10,000 records, 50,000 spans imported in (s)', `${doccano.doccano_import_s}`],
      ['pdf: import time, file size, generated in (s)', `${pdf.pdf_import_s} s, ${pdf.megabytes} MB, ${pdf.generateS} s; stored text exactly as laid out: ${pdf.textExact ? 'yes' : 'NO'}`],
      ...claims.queries.map(([name, ms, total]): [string, string] => [`claims: ${name} (median ms)`, `${ms} (${total.toLocaleString('en')} claims)`]),
      ['search: median query (ms)', `${searched.search_median_ms}`],
      ['search: p95 through the search worker, as the window asks (ms)', `${searched.search_worker_p95_ms}`],
      ['search: index cost per report, 5,000 characters and 20 annotations (ms)', `${searched.search_index_ms_per_report}`],
      ['search: index built from scratch (s)', `${searched.search_index_build_s}`],
      ['search: slowest queries (ms)', searched.slowest.map(([q, ms]) => `${q} ${ms}`).join(', ')],
      ['claims: next page of the same query (median ms)', `${round1(claims.nextPageMs)}`],
      ['claims: store seeded in (s)', `${round1(claims.seedMs / 1000)}`],
      ...claims300k.queries.map(([name, ms, total]): [string, string] => [`claims 300k: ${name} (median ms)`, `${ms} (${total.toLocaleString('en')} claims)`]),
      ['library: open runs, app mounted → rows painted (ms)', library.openRuns.join(', ')],
      ['library: window load → rows painted, bundle included (median ms)', `${library.loadMs}`],
      ['library: filter runs (ms)', library.filterRuns.join(', ')],
      ['library: filter runs over the harness binding (ms); main’s query time (median ms)', `${library.filterHarnessRuns.join(', ')}; ${library.queryMainMs}`],
      ['package: measured by', ship.packageMethod],
      ['cli: glossa --version runs (ms)', ship.cliRuns.join(', ')],
      ['store: background quick_check of the 200 MB store (ms, off the main thread)', `${storeOpen.checkMs}`],
      ['store: open with the check before opening, as before (ms)', `${storeOpen.checkedOpenMs}`],
      ['crash loop: runs, acknowledged rows, problems, seconds', `${crash.crashRuns}, ${crash.crashAcknowledged}, ${crash.crashProblems}, ${crash.crashSeconds}`],
      ['docx bomb: whole import job with a new worker (ms)', `${paths.docxJobMs}`],
      ['agreement: runs, wall / CPU (ms)', `${agreement.runs.join(', ')} / ${agreement.cpuRuns.join(', ')} (store seeded in ${agreement.seedS} s)`],
      ['curation: paint runs (ms)', curation.runs.join(', ')],
      ['whole bench (s)', `${round1((performance.now() - started) / 1000)}`],
    ];
    const width = [0, 1, 2, 3].map((i) => Math.max(...[['figure', 'value', 'target', 'holds?'], ...rows].map((r) => r[i]!.length)));
    const line = (r: readonly string[]) => r.map((cell, i) => cell.padEnd(width[i]!)).join('  ').trimEnd();
    console.log(line(['figure', 'value', 'target', 'holds?']));
    console.log(width.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) console.log(line(r));
    console.log('');
    const detailWidth = Math.max(...details.map((d) => d[0].length));
    for (const [name, value] of details) console.log(`${name.padEnd(detailWidth)}  ${value}`);
    console.log(JSON.stringify(figures));
    return 0;
  } finally {
    await session?.close();
    await browser?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
