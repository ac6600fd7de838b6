// Screens of datasets (issue 6): the export dialog with format, scope, labels, offsets and the
// preview (doccano, brat, selected reports), and the annotation import with its report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { exportDataset } from '../../electron/services/datasets/export';
import { addDocument, getDocument, listDocuments } from '../../electron/services/library/documents';
import { startSession } from '../harness/harness';
import { AppPage } from '../e2e/pages/app-page';

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))));
}

export async function datasetScreens(browser: Browser, outDir: string, written: string[]): Promise<void> {
  const session = await startSession(browser, { viewport: { width: 1280, height: 900 } });
  try {
    const ctx = session.core.ctx;
    const added = addDocument(ctx, { title: 'تقرير: الجسر في درسك', text: 'قال شاهد عيان 👍🏽 إن الجسر في درسك مغلق.\nThe family 👨‍👩‍👧 left Dorsk.' });
    if (added.status === 'added') {
      const text = added.document.text;
      for (const [label, quote] of [['source', 'شاهد عيان 👍🏽'], ['location', 'درسك'], ['claim', 'The family 👨‍👩‍👧 left Dorsk']] as const) {
        const start = text.indexOf(quote);
        createAnnotation(ctx, { documentId: added.document.id, labelId: label, start, end: start + quote.length });
      }
    }
    const sample = listDocuments(ctx).find((d) => /Dorsk/.test(d.title) && d.title.startsWith('Rebels'))!;
    const sampleText = getDocument(ctx, sample.id).text;
    for (const [label, quote] of [['source', 'Meridian Wire'], ['location', 'Kestrava']] as const) {
      const start = sampleText.indexOf(quote);
      createAnnotation(ctx, { documentId: sample.id, labelId: label, start, end: start + quote.length });
    }
    const page = await session.openApp();
    const app = new AppPage(page);
    const dialog = await app.openExport();
    await dialog.format('doccano').check();
    await dialog.previewRecord().waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'export-dialog-doccano.png') });
    written.push(path.join(outDir, 'export-dialog-doccano.png'));

    await dialog.format('brat').check();
    await dialog.scope('Selected reports').check();
    await dialog.reportChoices().first().check();
    await dialog.label('Claim').uncheck();
    await dialog.previewRecord().waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'export-dialog-brat-selected.png') });
    written.push(path.join(outDir, 'export-dialog-brat-selected.png'));
    await page.keyboard.press('Escape');

    // Import: a doccano file with a label the schema lacks and a quote that is not in its text.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-shots-datasets-'));
    const file = path.join(dir, 'ngo-report.jsonl');
    exportDataset(ctx, { format: 'doccano' }, file);
    fs.appendFileSync(
      file,
      JSON.stringify({
        text: 'Monitors counted 40 dead near Tamsin Ford, the Vell Valley group said.',
        entities: [
          { id: 1, label: 'Casualty figure', start_offset: 17, end_offset: 24 },
          { id: 2, label: 'Location', start_offset: 30, end_offset: 41 },
          { id: 3, label: 'Source', start_offset: 0, end_offset: 8, quote: 'Witnesses' },
        ],
      }) + '\n',
    );
    session.dialogs.annotationAnswers.push(file);
    await app.importFrom('Annotated data…');
    const importDialog = app.importAnnotations;
    await importDialog.chooseFile();
    await importDialog.createMissingLabels().waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'import-annotations-plan.png') });
    written.push(path.join(outDir, 'import-annotations-plan.png'));
    await importDialog.import();
    await importDialog.report().waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(outDir, 'import-annotations-report.png') });
    written.push(path.join(outDir, 'import-annotations-report.png'));
  } finally {
    await session.close();
  }
}
