// Datasets through the UI: the export dialog (format, scope, labels, UTF-16 option, preview) writes
// files that slice back to their quotes; "Import annotations…" brings a file in and reports what
// could not be anchored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, sampleTitle, test } from './fixtures';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-e2e-datasets-'));

test('export doccano with a label filter and UTF-16 offsets, then brat for one report', async ({ page, reader, session }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.dragSelect('spokesman', 'Nuñez');
  await page.keyboard.press('2');
  await reader.dragSelect('Kestrava', 'Kestrava', { fromAt: 0.2, toAt: 0.9 });
  await page.keyboard.press('3');
  await expect(reader.cards()).toHaveCount(2);

  const dir = tempDir();
  const out = path.join(dir, 'doccano.jsonl');
  session.dialogs.saveAnswers.push(out);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('radio', { name: /^doccano/ }).check();
  await dialog.getByRole('radio', { name: /whole library/ }).check();
  await dialog.getByRole('checkbox', { name: 'Source', exact: true }).uncheck();
  await dialog.getByRole('checkbox', { name: /UTF-16 offsets/ }).check();
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('1 annotation from 1 report');
  await expect(preview).toContainText('offsets: utf16');
  await expect(preview).toContainText('"start_offset"');
  await dialog.getByRole('button', { name: 'Choose file and export…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exported 1 annotations from 1 reports' })).toBeVisible();
  expect(session.dialogs.savePrompts.at(-1)!.extension).toBe('jsonl');
  const line = JSON.parse(fs.readFileSync(out, 'utf8').trim()) as { text: string; offset_unit: string; entities: { label: string; start_offset: number; end_offset: number; quote: string }[] };
  expect(line.offset_unit).toBe('utf16');
  expect(line.entities.map((e) => e.label)).toEqual(['Location']);
  for (const e of line.entities) expect(line.text.slice(e.start_offset, e.end_offset)).toBe(e.quote);

  const folder = path.join(dir, 'brat-out');
  session.dialogs.saveAnswers.push(folder);
  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /^brat/ }).check();
  await expect(dialog.getByRole('radio', { name: /This report only/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /UTF-16 offsets/ })).toBeDisabled();
  await expect(dialog.getByRole('region', { name: 'Preview' })).toContainText('annotation.conf');
  await dialog.getByRole('button', { name: 'Choose folder and export…' }).click();
  await expect(page.getByRole('status').filter({ hasText: /brat-out/ })).toBeVisible();
  expect(fs.readdirSync(folder).sort()).toEqual(expect.arrayContaining(['annotation.conf', 'documents.json']));
  expect(fs.readdirSync(folder).filter((f) => f.endsWith('.ann'))).toHaveLength(1);
});

test('import annotations: labels missing from the schema are offered, unanchored ones listed', async ({ page, session }) => {
  const dir = tempDir();
  const file = path.join(dir, 'monitor.jsonl');
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
  session.dialogs.openAnswers.push([file]);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Annotated data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await expect(dialog).toContainText('holds 1 report with 3 annotations');
  await expect(dialog.getByRole('checkbox', { name: /Create the labels it uses that are missing: Casualty figure/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Import' }).click();
  const done = page.getByRole('dialog', { name: 'Annotations imported' });
  await expect(done).toContainText('1 new · 0 already in the library');
  await expect(done).toContainText('2 imported');
  await expect(done).toContainText('1 could not be anchored');
  await expect(done.getByRole('listitem')).toContainText('monitor.jsonl line 1: its quote does not occur in the text');
  await done.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('list', { name: 'Reports' }).getByRole('listitem')).toHaveCount(2);
  const labels = session.core.store.db.prepare('SELECT name FROM labels ORDER BY position').pluck().all();
  expect(labels).toContain('Casualty figure');
});

test('a malformed file is refused with its name and line, and nothing is imported', async ({ page, session }) => {
  const dir = tempDir();
  const file = path.join(dir, 'broken.jsonl');
  fs.writeFileSync(file, '{"text": "Fine."}\n{oops\n');
  session.dialogs.openAnswers.push([file]);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Annotated data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await expect(dialog.getByRole('alert')).toContainText('broken.jsonl line 2: not valid JSON');
  const n = session.core.store.db.prepare('SELECT count(*) FROM documents').pluck().get();
  expect(n).toBe(1);
});
