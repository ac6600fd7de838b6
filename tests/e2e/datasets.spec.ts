// Datasets through the UI: the export dialog (format, scope, labels, UTF-16 option, preview) writes
// files that slice back to their quotes; "Import annotations…" brings a file in, chosen through
// the dialog port's open dialog, and reports what could not be anchored.
import fs from 'node:fs';
import path from 'node:path';
import { expect, sampleTitle, test } from './fixtures';
import { tempDir } from './temp-dir';

test('export doccano with a label filter and UTF-16 offsets, then brat for one report', async ({ app, reader, session }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.tag('spokesman', 'Nuñez', '2');
  await reader.tag('Kestrava', 'Kestrava', '3', { fromAt: 0.2, toAt: 0.9 });
  await expect(reader.cards()).toHaveCount(2);

  const dir = tempDir();
  const out = path.join(dir, 'doccano.jsonl');
  session.dialogs.saveAnswers.push(out);
  const dialog = await app.openExport();
  await dialog.format('doccano').check();
  await dialog.scope('whole library').check();
  await dialog.label('Source').uncheck();
  await dialog.utf16Offsets().check();
  await expect(dialog.preview()).toContainText('1 annotation from 1 report');
  await expect(dialog.preview()).toContainText('offsets: utf16');
  await expect(dialog.preview()).toContainText('"start_offset"');
  await expect(dialog.exportButton()).toHaveText('Choose file and export…');
  await dialog.export();
  await expect(app.notice('Exported 1 annotations from 1 reports')).toBeVisible();
  expect(session.dialogs.savePrompts.at(-1)!.extension).toBe('jsonl');
  const line = JSON.parse(fs.readFileSync(out, 'utf8').trim()) as { text: string; offset_unit: string; entities: { label: string; start_offset: number; end_offset: number; quote: string }[] };
  expect(line.offset_unit).toBe('utf16');
  expect(line.entities.map((e) => e.label)).toEqual(['Location']);
  for (const e of line.entities) expect(line.text.slice(e.start_offset, e.end_offset)).toBe(e.quote);

  const folder = path.join(dir, 'brat-out');
  session.dialogs.saveAnswers.push(folder);
  await app.openExport();
  await dialog.format('brat').check();
  await expect(dialog.scope('This report only')).toBeChecked();
  await expect(dialog.utf16Offsets()).toBeDisabled();
  await expect(dialog.preview()).toContainText('annotation.conf');
  await expect(dialog.exportButton()).toHaveText('Choose folder and export…');
  await dialog.export();
  await expect(app.notice(/brat-out/)).toBeVisible();
  expect(fs.readdirSync(folder).sort()).toEqual(expect.arrayContaining(['annotation.conf', 'documents.json']));
  expect(fs.readdirSync(folder).filter((f) => f.endsWith('.ann'))).toHaveLength(1);

  // The same folder again: a previous Glossa export, replaced only after "Replace", keeping the user's file.
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'mine');
  session.dialogs.saveAnswers.push(folder);
  await app.openExport();
  await dialog.format('brat').check();
  await dialog.export();
  await expect(dialog.replaceQuestion()).toContainText('removes only those files');
  await dialog.replaceQuestion().getByRole('button', { name: 'Replace' }).click();
  await expect(dialog.replaceQuestion()).toBeHidden();
  await expect(app.notice(/brat-out/)).not.toHaveCount(0);
  expect(fs.readFileSync(path.join(folder, 'notes.txt'), 'utf8')).toBe('mine');

  // A read-only file is refused, in plain words, and kept.
  const readOnly = path.join(dir, 'read-only.jsonl');
  fs.writeFileSync(readOnly, 'keep');
  fs.chmodSync(readOnly, 0o444);
  session.dialogs.saveAnswers.push(readOnly);
  await app.openExport();
  await dialog.format('doccano').check();
  await dialog.export();
  await expect(dialog.refusal().getByRole('alert')).toContainText('read-only');
  await dialog.refusal().getByRole('button', { name: 'Close' }).click();
  expect(fs.readFileSync(readOnly, 'utf8')).toBe('keep');
});

test('import annotations: labels missing from the schema are offered, unanchored ones listed', async ({ app, session, state }) => {
  const file = path.join(tempDir(), 'monitor.jsonl');
  fs.writeFileSync(
    file,
    JSON.stringify({
      title: 'Monitor update',
      text: 'Monitors counted 40 dead near Tamsin Ford 🙏🏽, the Vell Valley group said.',
      entities: [
        { id: 1, label: 'Casualty figure', start_offset: 17, end_offset: 24 },
        { id: 2, label: 'Location', start_offset: 30, end_offset: 41 },
        { id: 3, label: 'Source', start_offset: 0, end_offset: 8, quote: 'Witnesses' },
      ],
      relations: [],
    }) + '\n',
  );
  session.dialogs.annotationAnswers.push(file);
  await app.importFrom('Annotated data…');
  const dialog = app.importAnnotations;
  await dialog.chooseFile();
  await expect(dialog.dialog()).toContainText('holds 1 report with 3 annotations');
  expect(session.dialogs.annotationPrompts).toEqual(['doccano']);
  await expect(dialog.createMissingLabels()).toHaveAccessibleName(/missing: Casualty figure/);
  await expect(dialog.createMissingLabels()).toBeChecked();
  await dialog.import();
  const done = dialog.report();
  await expect(done).toContainText('1 new · 0 already in the library');
  await expect(done).toContainText('2 imported');
  await expect(done).toContainText('1 could not be anchored');
  await expect(dialog.unanchored()).toContainText('monitor.jsonl line 1: its quote does not occur in the text');
  await dialog.closeReport();
  await expect(app.library.entries()).toHaveCount(2);
  expect((await state.labels()).map((l) => l.name)).toContain('Casualty figure');
});

test('import doccano label ids: refused with why, then named by a label map chosen in the dialog', async ({ app, session, state }) => {
  const fixtures = path.resolve(__dirname, '../fixtures/datasets/interchange');
  const file = path.join(fixtures, 'doccano-ids.jsonl');
  session.dialogs.annotationAnswers.push(file, file);
  await app.importFrom('Annotated data…');
  const dialog = app.importAnnotations;
  await dialog.chooseFile();
  await expect(dialog.alert()).toContainText('has the label id 1: doccano wrote label ids, not names');
  await dialog.chooseLabelMap(path.join(fixtures, 'doccano-label-map.json'));
  await expect(dialog.dialog()).toContainText('Label ids will be named by doccano-label-map.json.');
  await dialog.chooseFile();
  await expect(dialog.dialog()).toContainText('holds 1 report with 3 annotations. Label ids named by doccano-label-map.json.');
  await dialog.import();
  await expect(dialog.report()).toContainText('3 imported');
  await dialog.closeReport();
  expect(await state.documentCount()).toBe(2);
  // The record's own keys (doccano's id and meta) are in the report's details, read-only.
  await app.library.openDetails('doccano-ids.jsonl line 1');
  const record = app.details.dialog().getByRole('region', { name: 'Source record' });
  await expect(record).toContainText('"id": 7');
  await expect(record).toContainText('"source": "wire"');
});

test('a malformed file is refused with its name and line, and nothing is imported', async ({ app, session, state }) => {
  const file = path.join(tempDir(), 'broken.jsonl');
  fs.writeFileSync(file, '{"text": "Fine."}\n{oops\n');
  session.dialogs.annotationAnswers.push(file);
  await app.importFrom('Annotated data…');
  await app.importAnnotations.chooseFile();
  await expect(app.importAnnotations.alert()).toContainText('broken.jsonl line 2: not valid JSON');
  expect(await state.documentCount()).toBe(1);
});
