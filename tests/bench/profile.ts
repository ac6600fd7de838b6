// `npm run build && tsx tests/bench/profile.ts`: where the bench's time goes. Same report as the
// bench, but the renderer is served unminified (production React, readable function names), each
// bridge call is timed in the page, and the CPU profile of one open and of a few tags is summed
// by function (self time).
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { CDPSession, Page } from '@playwright/test';
import { harnessOrigin, launchChromium, repoRoot, startSession } from '../harness/harness';
import { makeSpans, makeText } from './corpus';
import { measureCreate, openOnce } from './reader';
import { benchTitle, seedBenchReport } from './seed';

function readableRenderer(): string {
  return buildSync({
    entryPoints: [path.join(repoRoot, 'renderer/src/main.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: false,
    outdir: '/tmp/glossa-profile-build',
    define: { 'process.env.NODE_ENV': '"production"' },
  }).outputFiles.find((f) => f.path.endsWith('.js'))!.text;
}

/** Times every window.__glossaInvoke call in the page: the bridge, as the renderer sees it. */
async function timeBridge(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as {
      __glossaInvoke: (channel: string, args: unknown) => Promise<unknown>;
      __bridgeLog: { channel: string; start: number; end: number }[];
    };
    const original = w.__glossaInvoke;
    w.__bridgeLog = [];
    w.__glossaInvoke = async (channel, args) => {
      const start = performance.now();
      const result = await original(channel, args);
      w.__bridgeLog.push({ channel, start, end: performance.now() });
      return result;
    };
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

type Profile = { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] };

const frameKey = (frame: ProfileNode['callFrame']) => {
  const file = frame.url ? frame.url.split('/').pop() : '';
  return `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
};

/** Adds a profile's self time per function (ms) into totals, and inclusive time of app functions into inclusive. */
function addSelfTimes(profile: Profile, totals: Map<string, number>, inclusive?: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const key = frameKey(byId.get(samples[i]!)!.callFrame);
    totals.set(key, (totals.get(key) ?? 0) + ms);
    if (!inclusive) continue;
    const seen = new Set<string>();
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      if (!frame.url.endsWith('app.js') || !/^[A-Z]|^use[A-Z]|annotations|segment|Block|upsert|place/.test(frame.functionName)) continue;
      const k = frameKey(frame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
}

async function startProfiler(cdp: CDPSession) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}

async function stopProfiler(cdp: CDPSession, totals: Map<string, number>, inclusive?: Map<string, number>) {
  const { profile } = await cdp.send('Profiler.stop');
  addSelfTimes(profile as unknown as Profile, totals, inclusive);
}

function printProfile(title: string, totals: Map<string, number>, divisor = 1, top = 30) {
  const busy = [...totals.entries()].filter(([name]) => name !== '(idle)');
  const sum = busy.reduce((a, [, ms]) => a + ms, 0) / divisor;
  console.log(`\n${title}: ${sum.toFixed(1)} ms busy${divisor > 1 ? ' per run' : ''} (idle ${((totals.get('(idle)') ?? 0) / divisor).toFixed(1)} ms); self time by function`);
  for (const [name, ms] of busy.sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(ms / divisor).toFixed(2).padStart(8)} ms  ${name}`);
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Self time (ms) of complete events on the renderer's main thread, by event name. */
function addTraceSelfTimes(trace: { traceEvents: TraceEvent[] }, totals: Map<string, number>): void {
  const events = trace.traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return;
  const spans = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const stack: { end: number; name: string; child: number; dur: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      totals.set(done.name, (totals.get(done.name) ?? 0) + (done.dur - done.child) / 1000);
    }
  };
  for (const e of spans) {
    close(e.ts);
    if (stack.length) stack.at(-1)!.child += e.dur!;
    stack.push({ end: e.ts + e.dur!, name: e.name, child: 0, dur: e.dur! });
  }
  close(Number.POSITIVE_INFINITY);
}

type BridgeEntry = { channel: string; start: number; end: number };
const bridgeLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bridgeLog: BridgeEntry[] }).__bridgeLog.splice(0));

async function main() {
  const bench = makeText(20250314);
  const spans = makeSpans(bench, 7);
  const browser = await launchChromium();
  const session = await startSession(browser, { seedSample: false });
  try {
    seedBenchReport(session.core.ctx, bench.text, spans);
    const page = await session.openApp();
    const script = readableRenderer();
    await page.route(`${harnessOrigin}/app.js`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: script }),
    );
    // One warm-up open, then the profiled one.
    await openOnce(page, benchTitle);
    await page.reload();
    await timeBridge(page);
    const cdp = await page.context().newCDPSession(page);
    const openTotals = new Map<string, number>();
    await page.reload();
    await timeBridge(page);
    await startProfiler(cdp);
    const open = await openOnceNoReload(page);
    await stopProfiler(cdp, openTotals);
    console.log(`open: click → .ann in DOM ${open.readerMs.toFixed(1)} ms, → painted ${open.paintedMs.toFixed(1)} ms`);
    let lastEnd = 0;
    for (const e of await bridgeLog(page)) {
      if (e.end - open.clickAt > 0 && e.start >= open.clickAt) lastEnd = Math.max(lastEnd, e.end - open.clickAt);
      console.log(`  bridge ${e.channel.padEnd(18)} from ${(e.start - open.clickAt).toFixed(1)} to ${(e.end - open.clickAt).toFixed(1)} ms after the click`);
    }
    console.log(`  renderer after the last reply: ${(open.readerMs - lastEnd).toFixed(1)} ms to the DOM, ${(open.paintedMs - lastEnd).toFixed(1)} ms to painted`);
    // What Electron's IPC would do instead of the harness's binding: a structured clone of the same values.
    const clone = await page.evaluate(async () => {
      const w = window as unknown as { glossa: Record<string, (a: unknown) => Promise<{ value: unknown }>> };
      const docs = (await w.glossa['documents.list']!({})).value as { id: string }[];
      const [doc, list] = await Promise.all([
        w.glossa['documents.get']!({ id: docs[0]!.id }),
        w.glossa['annotations.list']!({ documentId: docs[0]!.id }),
      ]);
      const t0 = performance.now();
      structuredClone(doc);
      const t1 = performance.now();
      structuredClone(list);
      const t2 = performance.now();
      return { docMs: t1 - t0, listMs: t2 - t1 };
    });
    console.log(`  structuredClone in the page (a proxy for Electron IPC): document ${clone.docMs.toFixed(1)} ms, annotations ${clone.listMs.toFixed(1)} ms`);
    printProfile('open, renderer main thread', openTotals);

    const createTotals = new Map<string, number>();
    const createInclusive = new Map<string, number>();
    const runs = 15;
    const bridgeMs: number[] = [];
    const create = await measureCreate(page, runs, {
      beforeKey: async () => {
        await bridgeLog(page);
        await startProfiler(cdp);
      },
      afterPaint: async () => {
        await stopProfiler(cdp, createTotals, createInclusive);
        const call = (await bridgeLog(page)).find((e) => e.channel === 'annotations.create');
        bridgeMs.push(call ? call.end - call.start : Number.NaN);
      },
    });
    console.log('\ncreate (ms from keydown): dom / frame / painted; the bridge call annotations.create');
    create.runs.forEach((r, i) =>
      console.log(`  ${r.domMs.toFixed(1)} / ${r.frameMs.toFixed(1)} / ${r.paintedMs.toFixed(1)}; bridge ${bridgeMs[i]!.toFixed(1)}`),
    );
    printProfile(`create, keydown to painted, renderer main thread (mean of ${runs})`, createTotals, runs);
    console.log('\n  inclusive time of app functions and components per run:');
    for (const [name, ms] of [...createInclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`  ${(ms / runs).toFixed(2).padStart(8)} ms  ${name}`);
    }

    // The same, as a browser trace: where the main thread's native time goes (style, layout, paint…).
    const traceTotals = new Map<string, number>();
    const traced = 8;
    await measureCreate(page, traced, {
      beforeKey: () => browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink'] }),
      afterPaint: async () => addTraceSelfTimes(JSON.parse((await browser.stopTracing()).toString('utf8')), traceTotals),
    });
    printProfile(`create, keydown to painted, trace events on the renderer main thread (mean of ${traced})`, traceTotals, traced, 20);
  } finally {
    await session.close();
    await browser.close();
  }
}

/** openOnce without the reload, so the bridge timer installed in this page stays. */
async function openOnceNoReload(page: Page) {
  await page.getByRole('grid', { name: 'Reports' }).getByRole('button', { name: benchTitle }).waitFor();
  return page.evaluate((title) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('[aria-label="Reports"] button')].find((b) => b.textContent?.includes(title))!;
    return new Promise<{ readerMs: number; paintedMs: number; clickAt: number }>((resolve) => {
      const t0 = performance.now();
      let readerAt = 0;
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.reader-text .ann')) return;
        observer.disconnect();
        readerAt = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve({ readerMs: readerAt - t0, paintedMs: performance.now() - t0, clickAt: t0 })));
      });
      observer.observe(document.body, { childList: true, subtree: true });
      button.click();
    });
  }, benchTitle);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
