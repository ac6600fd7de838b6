// The floor: what it costs Chromium to lay out and paint the same text as bare paragraphs, with
// no app, no highlights and no virtualisation. open_ms is judged against it.
import type { Browser } from '@playwright/test';
import { median } from './stats';

/** Roughly the reader's column: same width, font and line height (see renderer/src/styles.css). */
const floorPage = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; background: #f7f5f0; color: #1d1b18; }
  main { max-width: 720px; margin: 0 auto; padding: 8px 24px; }
  p { margin: 0; padding-bottom: 1em; font: 19px/1.9 'Iowan Old Style', 'Charter', 'Georgia', 'Noto Serif', 'DejaVu Serif', serif; overflow-wrap: break-word; }
</style></head><body><main id="text"></main></body></html>`;

export async function measureFloor(
  browser: Browser,
  paragraphs: readonly string[],
  viewport: { width: number; height: number },
  runs = 5,
): Promise<{ median: number; runs: number[] }> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.setContent(floorPage);
      // Outside the harness there is no __name shim for tsx-wrapped functions.
      await page.evaluate('window.__name = (f) => f');
      const ms = await page.evaluate(
        (texts) =>
          new Promise<number>((resolve) => {
            const t0 = performance.now();
            const root = document.getElementById('text')!;
            const fragment = document.createDocumentFragment();
            for (const text of texts) {
              const p = document.createElement('p');
              p.textContent = text;
              fragment.appendChild(p);
            }
            root.appendChild(fragment);
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          }),
        paragraphs as string[],
      );
      times.push(ms);
    }
    return { median: median(times), runs: times };
  } finally {
    await context.close();
  }
}
