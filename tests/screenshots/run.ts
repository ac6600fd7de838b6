// `npm run screenshots`: PNGs of the main screens in tests/output/screenshots/, taken from the
// real renderer build over the harness (light and dark). Meant for looking at, and for the README.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { updateAnnotation } from '../../electron/services/annotate/annotations';
import type { ServiceContext } from '../../electron/services/context';
import { launchChromium, repoRoot, startSession } from '../harness/harness';
import { Seeder } from '../e2e/analysis-seed';
import { AppPage } from '../e2e/pages/app-page';
import type { ReaderPage } from '../e2e/pages/reader-page';
import { analysisScreens } from './analysis-shots';
import { datasetScreens } from './dataset-shots';
import { importScreens } from './import-shots';
import { teamScreens } from './team-shots';

const outDir = path.join(repoRoot, 'tests/output/screenshots');
const sampleTitle = /Rebels claim capture of Dorsk/;

/** Spans on the sample report, several nested in or overlapping others. `after` picks a later occurrence. */
const sampleSpans: { label: 'claim' | 'source' | 'location'; quote: string; after?: string; note?: string }[] = [
  { label: 'location', quote: 'KESTRAVA' },
  { label: 'location', quote: 'Northern Vell Province' },
  { label: 'source', quote: 'Meridian Wire' },
  { label: 'claim', quote: 'Rebel commanders said on Friday that they had seized the river town of Dorsk and two villages on the road to Kestrava', note: 'Not confirmed; compare with the governor’s denial.' },
  { label: 'source', quote: 'Rebel commanders' },
  { label: 'location', quote: 'river town of Dorsk' },
  { label: 'location', quote: 'Dorsk', after: 'river town of' },
  { label: 'location', quote: 'Kestrava, the provincial capital' },
  { label: 'source', quote: 'A spokesman for the provincial governor' },
  { label: 'claim', quote: 'denied that Dorsk had fallen' },
  { label: 'claim', quote: 'Our forces hold the bridge and the market square' },
  { label: 'source', quote: 'Samir Nuñez' },
  { label: 'location', quote: 'Kestrava', after: 'told reporters in' },
  { label: 'claim', quote: 'Telephone lines to Dorsk have been cut since Wednesday' },
  { label: 'location', quote: 'Dorsk', after: 'Telephone lines to' },
  { label: 'source', quote: 'according to drivers turned back there' },
  { label: 'location', quote: 'Tamsin Ford', after: 'checkpoint outside' },
  { label: 'source', quote: 'Vell Valley Monitoring Group' },
  { label: 'claim', quote: 'at least 40 people have been killed since Tuesday' },
];

function annotateSample(ctx: ServiceContext): void {
  const sample = Seeder.sample(ctx);
  for (const span of sampleSpans) {
    if (span.after && !sample.text.includes(span.after)) throw new Error(`not in the sample: ${span.after}`);
    const id = sample.span(span.label, span.quote, undefined, span.after);
    if (span.note) updateAnnotation(ctx, { id, note: span.note });
  }
}

/** Three files for the import summary: one good, one empty, one with the same text as the good one. */
function importFiles(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-shots-'));
  const good = path.join(dir, 'harbour-strike.txt');
  fs.writeFileSync(
    good,
    'Dock workers in Port Alder extend strike into second week\n\n' +
      'PORT ALDER, 21 March (Meridian Wire) — Dock workers at the port of Port Alder voted on Monday to extend their strike ' +
      'for a second week, union leaders said, after talks with the harbour authority broke down over night-shift pay.\n\n' +
      'A harbour authority spokeswoman, Lena Brandt, said the port was “operating at reduced capacity” and that perishable ' +
      'cargo had been diverted to Veskar.\n',
  );
  const empty = path.join(dir, 'empty-notes.txt');
  fs.writeFileSync(empty, '');
  const duplicate = path.join(dir, 'harbour-strike (copy).txt');
  fs.copyFileSync(good, duplicate);
  return [good, empty, duplicate];
}

async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(outDir, name);
  // Let fonts, layout and the last frame settle.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))));
  await page.screenshot({ path: file });
  return file;
}

/** The annotated sample open in the reader: a highlight picked, then a new selection over others. */
async function pickAndSelect(reader: ReaderPage, written: string[], pickedShot: string, toolbarShot: string): Promise<void> {
  // A highlight picked by clicking its text: the innermost span is selected, its card too.
  await reader.span('Samir Nuñez').click();
  await reader.selectedCard().waitFor();
  written.push(await shot(reader.page, pickedShot));

  // A new selection across existing highlights: the tag toolbar floats beside it.
  await reader.page.keyboard.press('Escape');
  await reader.dragSelect('seized', 'villages');
  await reader.toolbar().waitFor();
  written.push(await shot(reader.page, toolbarShot));
}

async function emptyLibrary(browser: Browser, written: string[]): Promise<void> {
  const session = await startSession(browser, { seedSample: false });
  try {
    const page = await session.openApp();
    await new AppPage(page).library.emptyHeading().waitFor();
    written.push(await shot(page, 'library-empty.png'));
  } finally {
    await session.close();
  }
}

async function lightScreens(browser: Browser, storePath: string, written: string[]): Promise<void> {
  const session = await startSession(browser, { storePath });
  try {
    annotateSample(session.core.ctx);
    const page = await session.openApp();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const app = new AppPage(page);
    const reader = app.reader;

    // Import: the dialog answers three files; the summary lists each outcome.
    session.dialogs.openAnswers.push(importFiles());
    await app.importFrom('Files…');
    await app.importSummary().dialog().waitFor();
    written.push(await shot(page, 'import-summary.png'));
    await app.importSummary().close();

    await app.library.reports().getByRole('button').nth(1).waitFor();
    written.push(await shot(page, 'library.png'));

    await reader.openFromLibrary(sampleTitle);
    await reader.cards().first().waitFor();
    written.push(await shot(page, 'reader-annotations.png'));
    fs.copyFileSync(path.join(outDir, 'reader-annotations.png'), path.join(outDir, 'readme-reader.png'));
    written.push(path.join(outDir, 'readme-reader.png'));
    await reader.sidebar().screenshot({ path: path.join(outDir, 'sidebar.png') });
    written.push(path.join(outDir, 'sidebar.png'));

    await pickAndSelect(reader, written, 'reader-selected-highlight.png', 'reader-tag-toolbar.png');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+e');
    await app.exportDialog.dialog().waitFor();
    written.push(await shot(page, 'export-dialog.png'));
    await page.keyboard.press('Escape');

    if (errors.length) throw new Error(`uncaught errors in the renderer: ${errors.join('; ')}`);
  } finally {
    await session.close();
  }
}

async function darkScreens(browser: Browser, storePath: string, written: string[]): Promise<void> {
  const session = await startSession(browser, { storePath, colorScheme: 'dark' });
  try {
    const page = await session.openApp();
    const app = new AppPage(page);
    const reader = app.reader;
    await app.library.reports().waitFor();
    written.push(await shot(page, 'library-dark.png'));
    await reader.openFromLibrary(sampleTitle);
    await reader.cards().first().waitFor();
    await pickAndSelect(reader, written, 'reader-dark.png', 'reader-dark-tag-toolbar.png');
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    await emptyLibrary(browser, written);
    const storePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-shots-store-')), 'glossa.sqlite');
    await lightScreens(browser, storePath, written);
    await darkScreens(browser, storePath, written);
    await analysisScreens(browser, outDir, written);
    await datasetScreens(browser, outDir, written);
    await importScreens(browser, outDir, written);
    await teamScreens(browser, outDir, written);
  } finally {
    await browser.close();
  }
  for (const file of written) console.log(path.relative(repoRoot, file));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
