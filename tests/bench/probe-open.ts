// Probe (not part of the suite): where the time of a 10M open goes. Seeds a 1M and a 10M report
// with few annotations and times each open, with a per-call trace of the bridge in the page.
import { launchChromium, startSession } from '../harness/harness';
import { makeSpans, makeText } from './corpus';
import { openOnce } from './reader';
import { seedBenchReport } from './seed';

async function main() {
  const browser = await launchChromium();
  const session = await startSession(browser, { seedSample: false, viewport: { width: 1280, height: 820 } });
  const small = makeText(1, 1_000_000);
  seedBenchReport(session.core.ctx, small.text, makeSpans(small, 1, 2000), 'small one');
  const big = makeText(2, 10_000_000);
  seedBenchReport(session.core.ctx, big.text, makeSpans(big, 2, 2000), 'big one');
  const page = await session.openApp();
  for (const title of ['small one', 'big one', 'small one', 'big one', 'small one', 'big one']) {
    await page.reload();
    await page.getByRole('list', { name: 'Reports' }).getByRole('button', { name: title }).waitFor();
    await page.evaluate(() => {
      type Invoke = (channel: string, args: unknown) => Promise<unknown>;
      const w = window as unknown as { __glossaInvoke: Invoke; __trace: string[] };
      const original = w.__glossaInvoke;
      w.__trace = [];
      w.__glossaInvoke = async (channel, args) => {
        const t0 = performance.now();
        const r = await original(channel, args);
        w.__trace.push(`${channel} ${Math.round(t0)}→${Math.round(performance.now())}`);
        return r;
      };
    });
    const t = await openOnce(page, title, { noReload: true });
    const trace = await page.evaluate(() => (window as unknown as { __trace: string[] }).__trace);
    console.log(title, Math.round(t.paintedMs), trace.slice(0, 8).join(' | '));
  }
  await session.close();
  await browser.close();
}
void main();
