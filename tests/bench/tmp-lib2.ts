import { launchChromium, startSession } from '../harness/harness';
import { openOnce } from './library-bench';
async function main() {
  const browser = await launchChromium();
  const session = await startSession(browser, { seedSample: true });
  const page = await session.openApp();
  const runs = [];
  for (let i = 0; i < 6; i++) runs.push(Math.round(await openOnce(page)));
  console.log('open runs, 1 report:', runs.join(', '));
  await session.close(); await browser.close();
}
void main();
