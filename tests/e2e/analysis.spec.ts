import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportDataset } from '../../electron/services/datasets/export';
import { datasetFormatIds } from '../../shared/formats';
import type { DatasetFormat } from '../../shared/schemas/datasets';
import { expect, test } from './fixtures';
import { ReaderPage } from './reader-page';

const report = [
  'Clashes reported in southern Syria',
  '',
  'Rebel sources said on Tuesday that fighters had seized the centre of Daraa after a night of shelling. A government official in Damascus denied the report. The claims could not be independently confirmed.',
].join('\n');

test('a small analysis by mouse and keyboard: tag, link, set status, resolve places; all kept after a restart', async ({ page, reader, session }) => {
  const { addDocument } = await import('../../electron/services/library/documents');
  const added = addDocument(session.core.ctx, { title: 'Clashes reported in southern Syria', text: report, outlet: 'Test Wire' });
  if (added.status !== 'added') throw new Error('not added');
  await page.reload();
  await reader.openFromLibrary('Clashes reported in southern Syria');

  await reader.dragSelect('fighters', 'Daraa');
  await page.keyboard.press('1');
  await reader.dragSelect('Rebel', 'sources');
  await page.keyboard.press('2');
  await reader.dragSelect('Daraa', 'Daraa', { fromAt: 0.2, toAt: 0.9 });
  await page.keyboard.press('3');
  await reader.dragSelect('Damascus', 'Damascus', { fromAt: 0.2, toAt: 0.9 });
  await page.keyboard.press('3');
  await expect(reader.cards()).toHaveCount(4);
  const claimQuote = 'fighters had seized the centre of Daraa';
  const claim = reader.card(claimQuote);

  // Status, with the mouse.
  await claim.getByRole('combobox', { name: 'status' }).selectOption('disputed');
  await expect(claim.getByRole('combobox', { name: 'status' })).toHaveValue('disputed');

  // Link to the source with the keyboard: select the claim, L, type, Enter.
  await claim.locator('.quote').click();
  await reader.text().focus();
  await page.keyboard.press('l');
  const dialog = page.getByRole('dialog', { name: /^Link/ });
  await expect(dialog.getByRole('combobox', { name: 'Relation' })).toHaveValue('attributed-to');
  await page.keyboard.type('Rebel');
  await page.keyboard.press('Enter');
  await expect(claim.getByRole('list', { name: 'Links' })).toContainText(/attributed to →\s*“Rebel sources”/);

  // Link to a place with the mouse: Link…, choose the type, then click the highlight in the text.
  await claim.getByRole('button', { name: 'Link…' }).click();
  await dialog.getByRole('combobox', { name: 'Relation' }).selectOption('located-at');
  await dialog.getByRole('button', { name: 'Pick in the text…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Click the highlight to link to' })).toBeVisible();
  await reader.text().locator('[data-ids]', { hasText: /^Damascus$/ }).click();
  await expect(claim.getByRole('list', { name: 'Links' })).toContainText(/located at →\s*“Damascus”/);
  // The connectors are drawn for the selected claim.
  await expect(page.locator('.relation-arcs path[marker-end]')).toHaveCount(2);

  // Undo the last link, redo it.
  await reader.text().focus();
  await page.keyboard.press('Control+z');
  await expect(claim.getByRole('list', { name: 'Links' })).not.toContainText('Damascus');
  await page.keyboard.press('Control+Shift+z');
  await expect(claim.getByRole('list', { name: 'Links' })).toContainText(/located at →\s*“Damascus”/);

  // Resolve Daraa against the gazetteer: the city comes first.
  const daraa = reader.card('Daraa');
  await daraa.getByRole('button', { name: 'Resolve place…' }).click();
  const places = page.getByRole('dialog', { name: 'Which place is “Daraa”?' });
  const first = places.getByRole('list', { name: 'Candidate places' }).getByRole('button').first();
  // The gazetteer loads on first use, which takes a few seconds on a busy machine.
  await expect(first).toContainText('Dar', { timeout: 30_000 });
  await expect(first).toContainText('Syria');
  await first.click();
  await expect(daraa).toContainText(/📍 Dar‘?a|📍 Dar‘ā, SY/);

  // Damascus by hand.
  await reader.card('Damascus').getByRole('button', { name: 'Resolve place…' }).click();
  const manual = page.getByRole('dialog', { name: 'Which place is “Damascus”?' });
  await manual.getByRole('textbox', { name: 'Latitude' }).fill('33.51');
  await manual.getByRole('textbox', { name: 'Longitude' }).fill('36.29');
  await manual.getByRole('button', { name: 'Use these coordinates' }).click();
  await expect(reader.card('Damascus')).toContainText('📍 Damascus');

  // Restart: everything is still there.
  const again = new ReaderPage(await session.restart());
  await again.openFromLibrary('Clashes reported in southern Syria');
  const claimAgain = again.card(claimQuote);
  await expect(claimAgain.getByRole('combobox', { name: 'status' })).toHaveValue('disputed');
  await expect(claimAgain.getByRole('list', { name: 'Links' })).toContainText(/attributed to →\s*“Rebel sources”/);
  await expect(claimAgain.getByRole('list', { name: 'Links' })).toContainText(/located at →\s*“Damascus”/);
  await expect(again.card('Daraa')).toContainText(/📍 Dar‘?a|📍 Dar‘ā, SY/);
  // The claims table lists the claim with its source, place and status.
  await again.page.getByRole('button', { name: 'Claims', exact: true }).click();
  const row = again.page.getByRole('row').filter({ hasText: claimQuote });
  await expect(row).toContainText('Rebel sources');
  await expect(row).toContainText('Damascus');
  await expect(row).toContainText('disputed');
  // The map has both places.
  await again.page.getByRole('button', { name: 'Map', exact: true }).click();
  await expect(again.page.getByRole('main')).toContainText('Damascus');
  await expect(again.page.getByRole('main')).toContainText(/Dar‘ā/);

  // Every export carries the analysis its format can hold.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-e2e-analysis-'));
  const exported = (format: DatasetFormat): string => {
    const out = path.join(dir, format);
    exportDataset(session.core.ctx, { format }, out);
    return fs.statSync(out).isDirectory() ? fs.readdirSync(out).map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('\n') : fs.readFileSync(out, 'latin1');
  };
  for (const format of datasetFormatIds) {
    const content = exported(format);
    if (format === 'archive') continue; // a zip; its round trip is checked in the unit tests
    if (format === 'conll') expect(content, format).toMatch(/Rebel .*B-Source[\s\S]*Damascus .*B-Location/);
    else if (format !== 'geojson') expect(content, format).toContain('Rebel sources');
    if (['jsonl', 'csv', 'doccano', 'labelstudio', 'brat', 'w3c', 'claims-csv', 'geojson'].includes(format)) expect(content, format).toContain('disputed');
    if (['jsonl', 'doccano', 'labelstudio', 'brat', 'spacy', 'w3c', 'csv'].includes(format)) expect(content, format).toMatch(/attributed.to/);
    if (['jsonl', 'csv', 'doccano', 'labelstudio', 'brat', 'geojson'].includes(format)) expect(content, format).toContain('170905');
    // The claims table carries the claim's own place: Damascus, entered by hand.
    if (format === 'claims-csv') expect(content, format).toMatch(/Damascus[\s\S]*33\.51/);
  }

  const stored = session.core.store.db.prepare("SELECT p.geonameid FROM places p JOIN annotations a ON a.id = p.annotation_id WHERE a.quote = 'Daraa'").get() as { geonameid: number };
  expect(stored.geonameid).toBe(170905); // GeoNames: Dar‘ā, the city
});

test('deleting an annotation removes its links, and undo brings them back', async ({ page, reader, session }) => {
  await reader.openFromLibrary(/Rebels claim capture of Dorsk/);
  await reader.dragSelect('they', 'Dorsk');
  await page.keyboard.press('1');
  await reader.dragSelect('Rebel', 'commanders');
  await page.keyboard.press('2');
  const claim = reader.card('they had seized the river town of Dorsk');
  await claim.getByRole('button', { name: 'Link…' }).click();
  await page.getByRole('listbox', { name: 'Annotations to link to' }).getByRole('option').first().click();
  await expect(claim.getByRole('list', { name: 'Links' })).toContainText(/attributed to →\s*“Rebel commanders”/);
  const relations = () => (session.core.store.db.prepare('SELECT count(*) AS n FROM relations').get() as { n: number }).n;
  expect(relations()).toBe(1);

  await reader.card('Rebel commanders').getByRole('button', { name: 'Delete annotation' }).click();
  await expect(reader.cards()).toHaveCount(1);
  await expect(claim.getByRole('list', { name: 'Links' })).toHaveCount(0);
  expect(relations()).toBe(0);

  await reader.text().focus();
  await page.keyboard.press('Control+z');
  await expect(reader.cards()).toHaveCount(2);
  await expect(claim.getByRole('list', { name: 'Links' })).toContainText(/attributed to →\s*“Rebel commanders”/);
  expect(relations()).toBe(1);
});
