// Screens of a long import: the progress panel while a folder is read, and the summary after
// Cancel. Uses a fresh store and a folder of generated reports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { startSession } from '../harness/harness';
import { AppPage } from '../e2e/pages/app-page';

const reportCount = 600;

function reportsFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-shots-folder-'));
  for (let i = 1; i <= reportCount; i++) {
    const name = `sitrep-${String(i).padStart(3, '0')}.html`;
    const body = `<p>Situation report ${i}. Residents of district ${i} reported shelling overnight; officials said ${i * 3} families had left.</p>`;
    fs.writeFileSync(path.join(dir, name), `<!doctype html><title>Situation report ${i}</title><article><h1>Situation report ${i}</h1>${body.repeat(6)}</article>`);
  }
  return dir;
}

export async function importScreens(browser: Browser, outDir: string, written: string[]): Promise<void> {
  const session = await startSession(browser, { seedSample: false });
  try {
    const page = await session.openApp();
    const app = new AppPage(page);
    session.dialogs.openAnswers.push([reportsFolder()]);
    await app.importFrom('Folder…');
    const panel = app.importProgress;
    await panel.counter(reportCount).waitFor();
    // Let a few files through, so the bar has moved.
    await panel.waitForDone(5);
    const progress = path.join(outDir, 'import-progress.png');
    await page.screenshot({ path: progress });
    written.push(progress);
    await panel.cancel();
    await app.importSummary('Import cancelled').dialog().waitFor();
    const cancelled = path.join(outDir, 'import-cancelled.png');
    await page.screenshot({ path: cancelled });
    written.push(cancelled);
  } finally {
    await session.close();
  }
}
