// Measurements in the real reader (the renderer build, over the harness's bridge to the real
// core). Every time is taken inside the page with performance.now(); "painted" means two
// requestAnimationFrame callbacks after the DOM change, the same rule as the floor.
import type { Page } from '@playwright/test';
import { windowBlocks } from '../../renderer/src/state/document-window';
import { median, percentile } from './stats';

export interface OpenTiming {
  /** Click to `.reader-text` in the DOM. */
  readerMs: number;
  /** Click to the first `.reader-text .ann` in the DOM. */
  firstAnnMs: number;
  /** Click to two frames after that: the highlights are painted. */
  paintedMs: number;
}

/**
 * Answers the calls a reader makes to open a report at its start (documents.outline, then the
 * text and spans of its first window) from page memory (fetched through the real bridge
 * beforehand), so an open measures the renderer's own work without the harness's transport
 * (Playwright's binding is far slower than Electron's IPC). Returns how long a structured clone of
 * those replies takes in the page, a stand-in for IPC deserialisation.
 */
async function serveRepliesFromMemory(page: Page): Promise<{ cloneMs: number }> {
  return page.evaluate(async (windowBlocks) => {
    type Invoke = (channel: string, args: unknown) => Promise<unknown>;
    const w = window as unknown as { __glossaInvoke: Invoke };
    const original = w.__glossaInvoke;
    const listed = (await original('documents.list', {})) as { value: { id: string }[] };
    const replies = new Map<string, unknown>();
    const remember = async (channel: string, args: unknown) => replies.set(`${channel} ${JSON.stringify(args)}`, await original(channel, args));
    for (const doc of listed.value) {
      await remember('documents.outline', { id: doc.id });
      const outline = replies.get(`documents.outline ${JSON.stringify({ id: doc.id })}`) as { value: { document: { length: number }; blocks: { packed: string } } };
      // The first window ends where its 33rd block starts (see shared/blocks.ts: packBlocks).
      const entries = outline.value.blocks.packed.split(' ');
      let at = 0;
      let end = outline.value.document.length;
      for (const [i, entry] of entries.entries()) {
        const [gap, length] = entry.split(/[.+]/);
        const start = at + parseInt(gap!, 36);
        if (i === windowBlocks) {
          end = start;
          break;
        }
        at = start + parseInt(length!, 36);
      }
      await remember('documents.textRange', { id: doc.id, start: 0, end });
      await remember('annotations.window', { documentId: doc.id, start: 0, end });
    }
    const t0 = performance.now();
    for (const reply of replies.values()) structuredClone(reply);
    const cloneMs = performance.now() - t0;
    w.__glossaInvoke = (channel, args) => {
      const reply = replies.get(`${channel} ${JSON.stringify(args)}`);
      return reply ? Promise.resolve(reply) : original(channel, args);
    };
    return { cloneMs };
  }, windowBlocks);
}

/** Reloads the app, then clicks the report in the library and waits for its highlights to paint. */
export async function openOnce(page: Page, title: string, options: { repliesFromMemory?: boolean; noReload?: boolean } = {}): Promise<OpenTiming & { cloneMs?: number }> {
  if (!options.noReload) await page.reload();
  await page.getByRole('grid', { name: 'Reports' }).getByRole('button', { name: title }).waitFor();
  const memo = options.repliesFromMemory ? await serveRepliesFromMemory(page) : null;
  // Let the library's first paint settle so the click is the only work measured.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const timing = await page.evaluate(
    (title) =>
      new Promise<OpenTiming>((resolve, reject) => {
        const button = [...document.querySelectorAll<HTMLButtonElement>('[aria-label="Reports"] button')].find((b) =>
          b.textContent?.includes(title),
        );
        if (!button) return reject(new Error(`no library row for ${title}`));
        let readerAt = 0;
        let annAt = 0;
        const timeout = setTimeout(() => {
          observer.disconnect();
          reject(new Error('the reader did not paint highlights within 60 s'));
        }, 60_000);
        const check = () => {
          if (!readerAt && document.querySelector('.reader-text')) readerAt = performance.now();
          if (annAt || !document.querySelector('.reader-text .ann')) return;
          annAt = performance.now();
          observer.disconnect();
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              clearTimeout(timeout);
              resolve({ readerMs: readerAt - t0, firstAnnMs: annAt - t0, paintedMs: performance.now() - t0 });
            }),
          );
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true });
        const t0 = performance.now();
        button.click();
        check();
      }),
    title,
  );
  return memo ? { ...timing, cloneMs: memo.cloneMs } : timing;
}

export async function measureOpen(page: Page, title: string, runs = 5, options: { repliesFromMemory?: boolean } = {}) {
  const timings: (OpenTiming & { cloneMs?: number })[] = [];
  for (let i = 0; i < runs; i++) timings.push(await openOnce(page, title, options));
  return {
    cloneMedian: median(timings.map((t) => t.cloneMs ?? Number.NaN)),
    median: median(timings.map((t) => t.paintedMs)),
    readerMedian: median(timings.map((t) => t.readerMs)),
    firstAnnMedian: median(timings.map((t) => t.firstAnnMs)),
    runs: timings,
  };
}

/**
 * Opens two reports by turns (small, big, small, …), so both medians are taken under the same
 * load: a size comparison from runs minutes apart measures the machine's mood as much as the app.
 */
export async function measureOpenPair(page: Page, smallTitle: string, bigTitle: string, runs = 7) {
  const small: OpenTiming[] = [];
  const big: OpenTiming[] = [];
  for (let i = 0; i < runs; i++) {
    small.push(await openOnce(page, smallTitle));
    big.push(await openOnce(page, bigTitle));
  }
  const summary = (timings: OpenTiming[]) => ({ median: median(timings.map((t) => t.paintedMs)), runs: timings });
  return { small: summary(small), big: summary(big) };
}

/** The renderer's JS heap after a full garbage collection, in MB (CDP, no extra launch flags). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / (1024 * 1024);
  } finally {
    await cdp.detach();
  }
}

interface WordTarget {
  word: string;
  /** Where the word is (block segment and index), so a word that failed is not tried again. */
  key: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A plain (not yet highlighted) word on screen, with whole-pixel points inside its first and last letters. */
function findFreeWord(page: Page, skip: string[]): Promise<WordTarget | null> {
  return page.evaluate((skip) => {
    const scroller = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    const top = scroller.top + 40;
    const bottom = scroller.bottom - 140;
    const spans = document.querySelectorAll<HTMLElement>('.reader-text span[data-s]:not(.ann)');
    const pattern = /(?<![\p{L}\p{N}'’-])[A-Za-z]{5,}(?![\p{L}\p{N}'’-])/gu;
    const px = (v: number) => Math.round(v);
    for (const span of spans) {
      const box = span.getBoundingClientRect();
      if (box.bottom < top || box.top > bottom) continue;
      const node = span.firstChild;
      if (!(node instanceof Text)) continue;
      for (const m of node.data.matchAll(pattern)) {
        const key = `${span.dataset.s}:${m.index}`;
        if (skip.includes(key)) continue;
        const rect = (at: number) => {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getBoundingClientRect();
        };
        const a = rect(m.index);
        const b = rect(m.index + m[0].length - 1);
        // On one line, fully inside the visible part of the reader.
        if (Math.abs(a.top - b.top) > 1 || a.top < top || b.bottom > bottom) continue;
        return {
          word: m[0],
          key,
          x1: px(a.left + a.width / 2),
          y1: px(a.top + a.height / 2),
          x2: px(b.left + b.width / 2),
          y2: px(b.top + b.height / 2),
        };
      }
    }
    return null;
  }, skip);
}

export interface CreateTiming {
  /** keydown to the new annotation's segment in the DOM (React commit). */
  domMs: number;
  /** keydown to the first animation frame after that: the frame that paints it. */
  frameMs: number;
  /** keydown to the second frame: the highlight has been painted (the open_ms rule). */
  paintedMs: number;
}

/** Arms a keydown capture listener and a MutationObserver; the promise settles on window.__benchCreate. */
function armCreate(page: Page, word: string): Promise<void> {
  return page.evaluate((word) => {
    const known = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>('.reader-text [data-ids]')) {
      for (const id of el.dataset.ids!.split(' ')) known.add(id);
    }
    const w = window as unknown as { __benchCreate: Promise<CreateTiming> };
    w.__benchCreate = new Promise<CreateTiming>((resolve, reject) => {
      let t0 = 0;
      const onKey = (event: KeyboardEvent) => {
        if (event.key === '1' && !t0) t0 = performance.now();
      };
      window.addEventListener('keydown', onKey, { capture: true });
      const timeout = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`no new highlight for “${word}” within 10 s`));
      }, 10_000);
      const observer = new MutationObserver(() => {
        if (!t0) return;
        const fresh = [...document.querySelectorAll<HTMLElement>('.reader-text .ann[data-ids]')].find(
          (el) => el.textContent === word && el.dataset.ids!.split(' ').some((id) => !known.has(id)),
        );
        if (!fresh) return;
        const domAt = performance.now();
        observer.disconnect();
        window.removeEventListener('keydown', onKey, { capture: true });
        requestAnimationFrame(() => {
          const frameAt = performance.now();
          requestAnimationFrame(() => {
            clearTimeout(timeout);
            resolve({ domMs: domAt - t0, frameMs: frameAt - t0, paintedMs: performance.now() - t0 });
          });
        });
      });
      observer.observe(document.querySelector('.reader-text')!, { childList: true, subtree: true, attributes: true, characterData: true });
    });
  }, word);
}

const settle = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

export interface CreateHooks {
  /** Runs right before the key press (the profiler starts here). */
  beforeKey?(): Promise<void>;
  /** Runs once the highlight is painted. */
  afterPaint?(): Promise<void>;
}

/** Selects `runs` plain words with the mouse and tags each with the key 1, timing each tag. */
export async function measureCreate(page: Page, runs = 50, hooks: CreateHooks = {}) {
  const timings: CreateTiming[] = [];
  const skip: string[] = [];
  let scrolls = 0;
  let scrolledAt = -1;
  while (timings.length < runs) {
    // Spread the tags over the text: move on most of a screen every ten tags, or when no plain word is left.
    const due = timings.length > 0 && timings.length % 10 === 0 && scrolledAt !== timings.length;
    const target = due ? null : await findFreeWord(page, skip);
    if (!target) {
      if (++scrolls > 40) throw new Error('found no plain words to tag');
      await page.locator('.reader-scroll').evaluate((el) => el.scrollBy(0, Math.round(el.clientHeight * 0.7)));
      scrolledAt = timings.length;
      await settle(page);
      continue;
    }
    skip.push(target.key);
    await page.mouse.move(target.x1, target.y1);
    await page.mouse.down();
    await page.mouse.move(target.x2, target.y2, { steps: 4 });
    await page.mouse.up();
    const toolbar = page.getByRole('toolbar', { name: /^Tag/ });
    await toolbar.waitFor();
    const name = (await toolbar.getAttribute('aria-label')) ?? '';
    if (name !== `Tag “${target.word}” as`) {
      // The selection snapped to something else than the word: leave it and take another.
      await page.keyboard.press('Escape');
      await toolbar.waitFor({ state: 'detached' });
      continue;
    }
    await settle(page);
    await armCreate(page, target.word);
    await hooks.beforeKey?.();
    await page.keyboard.press('1');
    timings.push(await page.evaluate(() => (window as unknown as { __benchCreate: Promise<CreateTiming> }).__benchCreate));
    await hooks.afterPaint?.();
    await toolbar.waitFor({ state: 'detached' });
    await settle(page);
  }
  const painted = timings.map((t) => t.frameMs);
  return {
    median: median(painted),
    p90: percentile(painted, 90),
    domMedian: median(timings.map((t) => t.domMs)),
    paintedMedian: median(timings.map((t) => t.paintedMs)),
    runs: timings,
  };
}
