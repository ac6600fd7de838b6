import { launchChromium } from '../harness/harness';
import { measureLibrary } from './library-bench';
async function main() {
  const browser = await launchChromium();
  try { console.log(JSON.stringify(await measureLibrary(browser, (m) => console.error(m)))); } finally { await browser.close(); }
}
void main();
