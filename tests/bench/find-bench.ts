// find_all_ms: every match of a common word in the open million-character report, found by main
// (text.find over the real dispatcher) and highlighted in the real renderer. Timed in the page
// from the query entering the find field to two frames after the count and the current match
// are in the DOM (the open_ms rule for "painted").
import type { Page } from '@playwright/test';
import type { Session } from '../harness/harness';
import { median } from './stats';

export const findTargetMs = 100;
export const findWord = 'the';

interface FindTiming {
  ms: number;
  count: number;
}

function findOnce(page: Page, word: string): Promise<FindTiming> {
  return page.evaluate(
    (word) =>
      new Promise<FindTiming>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('.find-bar input[type="text"]');
        const status = document.querySelector('.find-bar [role="status"]');
        if (!input || !status) return reject(new Error('the find bar is not open'));
        const timeout = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no matches painted for “${word}” within 20 s`));
        }, 20_000);
        const check = () => {
          const shown = / of ([\d,]+)/.exec(status.textContent ?? '');
          if (!shown || !document.querySelector('.reader-text [data-find="current"]')) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              clearTimeout(timeout);
              resolve({ ms: performance.now() - t0, count: Number(shown[1]!.replace(/,/g, '')) });
            }),
          );
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        const t0 = performance.now();
        // As typing or pasting does: React reads the value on the input event.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, word);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    word,
  );
}

/** With the bench report open in the reader: opens the find bar, then finds `word` `runs` times. */
export async function measureFindAll(page: Page, runs = 7) {
  await page.keyboard.press('Control+f');
  const field = page.getByRole('textbox', { name: 'Find in report' });
  await field.waitFor();
  const timings: FindTiming[] = [];
  for (let i = 0; i < runs; i++) {
    await field.fill('');
    await page.locator('.reader-text [data-find]').first().waitFor({ state: 'detached' });
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    timings.push(await findOnce(page, findWord));
  }
  await page.keyboard.press('Escape');
  return { median: median(timings.map((t) => t.ms)), count: timings[0]!.count, runs: timings.map((t) => t.ms) };
}

/**
 * text.find through the real dispatcher: with Match case on, not yet used on this report (the
 * call folds the text first), and as the find bar calls it (the folded text kept).
 */
export async function findServiceCosts(session: Session, documentId: string) {
  const args = { documentId, query: findWord, caseSensitive: false, wholeWord: false, regex: false };
  let t0 = performance.now();
  await session.core.dispatch('text.find', { ...args, caseSensitive: true });
  const coldMs = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    await session.core.dispatch('text.find', args);
    warm.push(performance.now() - t0);
  }
  return { coldMs, warmMs: median(warm) };
}
