// `npm run bench -- --only reader,claims,library,store,search,server,agreement,sync,convergence`: one or more parts of the bench alone, to
// re-measure one figure while working on it. Prints the same figure names as the full run, one
// line per figure, then the JSON object of the figures measured.
import type { Browser } from '@playwright/test';
import { launchChromium, startSession, type Session } from '../harness/harness';
import { agreementTargets, measureAgreement, measureCurationPaint } from './agreement-bench';
import { claims300kTarget, claimsTarget, measureClaims } from './claims-bench';
import { makeSpans, makeText } from './corpus';
import { findTargetMs, measureFindAll } from './find-bench';
import { libraryTargets, measureLibrary } from './library-bench';
import { measureOpenMain, openMainTargetMs } from './open-main-bench';
import { measureOpen, measureOpenPair, openOnce } from './reader';
import { benchTitle, bench10mTitle, seedBenchReport } from './seed';
import { measureSearch, searchTargets } from './search-bench';
import { measureStoreOpen, storeTargets } from './store-bench';
import { round1 } from './stats';
import { measureServer, serverTargets } from './server-bench';
import { measureSyncBacklog, syncTargets } from './sync-bench';
import { measureConvergence } from './sync-sim-bench';

export const benchParts = ['reader', 'claims', 'library', 'store', 'search', 'server', 'agreement', 'sync', 'convergence'] as const;
export type BenchPart = (typeof benchParts)[number];

/** The parts named by `--only a,b` (or `--only=a,b`) in argv, or null when there is no --only. */
export function onlyParts(argv: readonly string[]): BenchPart[] | null {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at < 0) return null;
  const value = argv[at]!.includes('=') ? argv[at]!.slice('--only='.length) : (argv[at + 1] ?? '');
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(benchParts as readonly string[]).includes(n));
  if (unknown.length || !names.length) throw new Error(`--only takes some of ${benchParts.join(', ')}; got "${value}"`);
  return names as BenchPart[];
}

type Figure = [name: string, value: number, target: string, holds: boolean];

async function readerPart(browser: Browser, log: (m: string) => void): Promise<Figure[]> {
  const bench = makeText(20250314);
  const spans = makeSpans(bench, 7);
  let session: Session | null = null;
  try {
    session = await startSession(browser, { seedSample: false, viewport: { width: 1280, height: 820 } });
    seedBenchReport(session.core.ctx, bench.text, spans);
    const page = await session.openApp();
    log('reader: open the 1M report, 5 runs…');
    const open = await measureOpen(page, benchTitle);
    await openOnce(page, benchTitle);
    log('reader: find every “the”, 7 runs…');
    const find = await measureFindAll(page);
    const big = makeText(20250314 + 1, 10_000_000);
    const bigId = seedBenchReport(session.core.ctx, big.text, makeSpans(big, 8, 200_000), bench10mTitle);
    await openOnce(page, bench10mTitle);
    log('reader: open the 10M report and the 1M one by turns, 7 runs each…');
    const { big: open10m, small: open1mPaired } = await measureOpenPair(page, benchTitle, bench10mTitle);
    const openMain = await measureOpenMain(session, bigId);
    log(`open 10M, main's time per call: ${JSON.stringify(openMain.perCall)}`);
    log(`open runs ${open.runs.map((r) => Math.round(r.paintedMs)).join(', ')}; 10M runs ${open10m.runs.map((r) => Math.round(r.paintedMs)).join(', ')} (1M between them ${open1mPaired.runs.map((r) => Math.round(r.paintedMs)).join(', ')}); find runs ${find.runs.map(Math.round).join(', ')}`);
    return [
      ['open_ms', round1(open.median), '—', true],
      ['open_10m_ms', round1(open10m.median), `≤ ${round1(open1mPaired.median * 1.2)} (1.2× the 1M report by turns, ${round1(open1mPaired.median)})`, open10m.median <= open1mPaired.median * 1.2],
      ['open_main_ms', round1(openMain.median), `< ${openMainTargetMs}`, openMain.median < openMainTargetMs],
      ['find_all_ms', round1(find.median), `< ${findTargetMs}`, find.median < findTargetMs],
    ];
  } finally {
    await session?.close();
  }
}

function claimsPart(log: (m: string) => void): Figure[] {
  log('claims: 100,000 claims…');
  const claims = measureClaims();
  log('claims: 300,000 claims…');
  const claims300k = measureClaims(5, 3000);
  for (const [name, ms] of claims300k.queries) log(`claims 300k: ${name} ${ms} ms (CPU ${claims300k.cpuMs[name]} ms)`);
  return [
    ['claims_query_ms', round1(claims.queryMs), `< ${claimsTarget}`, claims.queryMs < claimsTarget],
    ['claims_300k_ms', round1(claims300k.queryMs), `< ${claims300kTarget}`, claims300k.queryMs < claims300kTarget],
  ];
}

async function libraryPart(browser: Browser, log: (m: string) => void): Promise<Figure[]> {
  const library = await measureLibrary(browser, log);
  log(`library: open runs ${library.openRuns.join(', ')}; filter runs ${library.filterRuns.join(', ')}; over the harness binding ${library.filterHarnessRuns.join(', ')}; main's query ${library.queryMainMs} ms; load ${library.loadMs}`);
  return [
    ['library_open_ms', library.library_open_ms, `< ${libraryTargets.openMs}`, library.library_open_ms < libraryTargets.openMs],
    ['library_filter_ms', library.library_filter_ms, `< ${libraryTargets.filterMs}`, library.library_filter_ms < libraryTargets.filterMs],
    ['library_filter_harness_ms', library.library_filter_harness_ms, '—', true],
  ];
}

async function agreementPart(browser: Browser, log: (m: string) => void): Promise<Figure[]> {
  const agreement = measureAgreement(log);
  log(`agreement: runs ${agreement.runs.join(', ')} ms (CPU ${agreement.cpuRuns.join(', ')} ms)`);
  const curation = await measureCurationPaint(browser, log);
  return [
    ['agreement_ms', agreement.agreement_ms, `< ${agreementTargets.agreementMs}`, agreement.agreement_ms < agreementTargets.agreementMs],
    ['curation_paint_ms', curation.curation_paint_ms, `< ${agreementTargets.curationPaintMs}`, curation.curation_paint_ms < agreementTargets.curationPaintMs],
  ];
}

async function storePart(log: (m: string) => void): Promise<Figure[]> {
  const store = await measureStoreOpen(log);
  log(`store: background check ${store.checkMs} ms; open with the check first ${store.checkedOpenMs} ms`);
  return [['store_open_200mb_ms', store.store_open_200mb_ms, `< ${storeTargets.openMs}`, store.store_open_200mb_ms < storeTargets.openMs]];
}

async function serverPart(log: (m: string) => void): Promise<Figure[]> {
  const server = await measureServer(log);
  return [
    ['server_changes_per_s', server.server_changes_per_s, `> ${serverTargets.changesPerSecond}`, server.server_changes_per_s > serverTargets.changesPerSecond],
    ['server_push_p95_ms', server.server_push_p95_ms, `< ${serverTargets.p95Ms}`, server.server_push_p95_ms < serverTargets.p95Ms],
  ];
}

async function syncPart(log: (m: string) => void): Promise<Figure[]> {
  const sync = await measureSyncBacklog(log);
  return [['sync_backlog_s', sync.sync_backlog_s, `< ${syncTargets.backlogSeconds}`, sync.sync_backlog_s < syncTargets.backlogSeconds]];
}

async function convergencePart(log: (m: string) => void): Promise<Figure[]> {
  const runs = await measureConvergence(log);
  log(`convergence: ${runs.sync_convergence_runs} of ${runs.attempted} runs converged in ${runs.seconds} s${runs.failedSeeds.length ? `; failed seeds ${runs.failedSeeds.join(', ')}` : ''}`);
  return [['sync_convergence_runs', runs.sync_convergence_runs, `= ${runs.attempted}`, runs.sync_convergence_runs === runs.attempted]];
}

async function searchPart(log: (m: string) => void): Promise<Figure[]> {
  const searched = await measureSearch(log);
  log(`search: median ${searched.search_median_ms} ms; slowest ${searched.slowest.map(([q, ms]) => `${q} ${ms}`).join(', ')}; index built in ${searched.search_index_build_s} s`);
  return [
    ['search_p95_ms', searched.search_p95_ms, `< ${searchTargets.p95Ms}`, searched.search_p95_ms < searchTargets.p95Ms],
    ['search_worker_p95_ms', searched.search_worker_p95_ms, '—', true],
    ['search_index_mb', searched.search_index_mb, '—', true],
    ['search_index_ratio', searched.search_index_ratio, `≤ ${searchTargets.indexRatio}`, searched.search_index_ratio <= searchTargets.indexRatio],
  ];
}

export async function runParts(parts: readonly BenchPart[], log: (m: string) => void): Promise<number> {
  const figures: Figure[] = [];
  const needsBrowser = parts.includes('reader') || parts.includes('library') || parts.includes('agreement');
  let browser: Browser | null = null;
  try {
    if (needsBrowser) browser = await launchChromium();
    for (const part of parts) {
      if (part === 'reader') figures.push(...(await readerPart(browser!, log)));
      if (part === 'claims') figures.push(...claimsPart(log));
      if (part === 'library') figures.push(...(await libraryPart(browser!, log)));
      if (part === 'store') figures.push(...(await storePart(log)));
      if (part === 'search') figures.push(...(await searchPart(log)));
      if (part === 'server') figures.push(...(await serverPart(log)));
      if (part === 'sync') figures.push(...(await syncPart(log)));
      if (part === 'convergence') figures.push(...(await convergencePart(log)));
      if (part === 'agreement') figures.push(...(await agreementPart(browser!, log)));
    }
  } finally {
    await browser?.close();
  }
  for (const [name, value, target, holds] of figures) console.log(`${name.padEnd(20)} ${String(value).padStart(8)}  ${target.padEnd(28)} ${holds ? 'yes' : 'NO'}`);
  console.log(JSON.stringify(Object.fromEntries(figures.map(([name, value]) => [name, value]))));
  return 0;
}
