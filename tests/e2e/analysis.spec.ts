import fs from 'node:fs';
import path from 'node:path';
import { datasetFormatIds } from '../../shared/formats';
import { Seeder } from './analysis-seed';
import { expect, restart, sampleTitle, test } from './fixtures';
import { tempDir } from './temp-dir';

const report = [
  'Clashes reported in southern Syria',
  '',
  'Rebel sources said on Tuesday that fighters had seized the centre of Daraa after a night of shelling. A government official in Damascus denied the report. The claims could not be independently confirmed.',
].join('\n');

test('a small analysis by mouse and keyboard: tag, link, set status, resolve places; all kept after a restart', async ({ page, app, reader, session, state }) => {
  Seeder.report(session.core.ctx, { title: 'Clashes reported in southern Syria', text: report });
  await app.reload();
  await reader.openFromLibrary('Clashes reported in southern Syria');

  await reader.tag('fighters', 'Daraa', '1');
  await reader.tag('Rebel', 'sources', '2');
  await reader.tag('Daraa', 'Daraa', '3', { fromAt: 0.2, toAt: 0.9 });
  await reader.tag('Damascus', 'Damascus', '3', { fromAt: 0.2, toAt: 0.9 });
  await expect(reader.cards()).toHaveCount(4);
  const claimQuote = 'fighters had seized the centre of Daraa';
  const claim = reader.annotation(claimQuote);

  // Status, with the mouse: the compact card says nothing was reviewed; its fields open on demand.
  await expect(claim.summary()).toHaveText('not reviewed');
  await claim.openDetails();
  await claim.status().selectOption('disputed');
  await expect(claim.status()).toHaveValue('disputed');

  // Link to the source with the keyboard: select the claim, L, type, Enter.
  await claim.quote().click();
  await reader.text().focus();
  await page.keyboard.press('l');
  await expect(reader.linkRelation()).toHaveValue('attributed-to');
  await page.keyboard.type('Rebel');
  await page.keyboard.press('Enter');
  await expect(claim.links()).toContainText(/attributed to →\s*“Rebel sources”/);

  // Link to a place with the mouse: Link…, choose the type, then click the highlight in the text.
  await claim.startLink();
  await reader.linkRelation().selectOption('located-at');
  await reader.pickLinkTargetInText();
  await expect(app.notice('Linking the Claim “fighters had seized the centre of Daraa” located at: click the Location to link to')).toBeVisible();
  await reader.span('Damascus').click();
  await expect(claim.links()).toContainText(/located at →\s*“Damascus”/);
  // The connectors are drawn for the selected claim.
  await expect(reader.connectors()).toHaveCount(2);

  // Undo the last link, redo it.
  await reader.text().focus();
  await page.keyboard.press('Control+z');
  await expect(claim.links()).not.toContainText('Damascus');
  await page.keyboard.press('Control+Shift+z');
  await expect(claim.links()).toContainText(/located at →\s*“Damascus”/);

  // Resolve Daraa against the gazetteer: the city comes first.
  const daraa = reader.annotation('Daraa');
  await daraa.resolvePlace();
  const first = reader.placeCandidates('Daraa').first();
  // The gazetteer loads on first use, which takes a few seconds on a busy machine.
  await expect(first).toContainText('Dar', { timeout: 30_000 });
  await expect(first).toContainText('Syria');
  await first.click();
  await expect(daraa.root).toContainText(/📍 Dar‘?a|📍 Dar‘ā, SY/);

  // Damascus by hand.
  await reader.annotation('Damascus').resolvePlace();
  await reader.enterCoordinates('Damascus', '33.51', '36.29');
  await expect(reader.card('Damascus')).toContainText('📍 Damascus');

  // Restart: everything is still there.
  const again = await restart(session);
  await again.reader.openFromLibrary('Clashes reported in southern Syria');
  const claimAgain = again.reader.annotation(claimQuote);
  await expect(claimAgain.summary()).toHaveText('disputed');
  await claimAgain.openDetails();
  await expect(claimAgain.status()).toHaveValue('disputed');
  await expect(claimAgain.links()).toContainText(/attributed to →\s*“Rebel sources”/);
  await expect(claimAgain.links()).toContainText(/located at →\s*“Damascus”/);
  await expect(again.reader.card('Daraa')).toContainText(/📍 Dar‘?a|📍 Dar‘ā, SY/);
  // The claims table lists the claim with its source, place and status.
  await again.show('Claims');
  const row = again.claims.row(claimQuote);
  await expect(row).toContainText('Rebel sources');
  await expect(row).toContainText('Damascus');
  await expect(row).toContainText('disputed');
  // The map has both places.
  await again.show('Map');
  await expect(again.main()).toContainText('Damascus');
  await expect(again.main()).toContainText(/Dar‘ā/);

  // Every export, through the save dialog, carries the analysis its format can hold.
  const dir = tempDir();
  for (const format of datasetFormatIds) {
    const out = path.join(dir, format);
    session.dialogs.saveAnswers.push(out);
    expect(await session.call('datasets.exportDialog', { format }), format).toMatchObject({ status: 'written', path: out });
    if (format === 'archive') continue; // a zip; its round trip is checked in the unit tests
    const content = fs.statSync(out).isDirectory() ? fs.readdirSync(out).map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('\n') : fs.readFileSync(out, 'latin1');
    if (format === 'conll') expect(content, format).toMatch(/Rebel .*B-Source[\s\S]*Damascus .*B-Location/);
    else if (format !== 'geojson') expect(content, format).toContain('Rebel sources');
    if (['jsonl', 'csv', 'doccano', 'labelstudio', 'brat', 'w3c', 'claims-csv', 'geojson'].includes(format)) expect(content, format).toContain('disputed');
    if (['jsonl', 'doccano', 'labelstudio', 'brat', 'spacy', 'w3c', 'csv'].includes(format)) expect(content, format).toMatch(/attributed.to/);
    if (['jsonl', 'csv', 'doccano', 'labelstudio', 'brat', 'geojson'].includes(format)) expect(content, format).toContain('170905');
    // The claims table carries the claim's own place: Damascus, entered by hand.
    if (format === 'claims-csv') expect(content, format).toMatch(/Damascus[\s\S]*33\.51/);
  }

  const stored = await state.place((await state.annotation('Daraa')).id);
  expect(stored?.geonameid).toBe(170905); // GeoNames: Dar‘ā, the city
});

test('deleting an annotation removes its links, and undo brings them back', async ({ page, reader, state }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.tag('they', 'Dorsk', '1');
  await reader.tag('Rebel', 'commanders', '2');
  const claim = reader.annotation('they had seized the river town of Dorsk');
  await claim.startLink();
  await reader.linkTargets().first().click();
  await expect(claim.links()).toContainText(/attributed to →\s*“Rebel commanders”/);
  expect(await state.relations()).toHaveLength(1);

  await reader.annotation('Rebel commanders').delete();
  await expect(reader.cards()).toHaveCount(1);
  await expect(claim.links()).toHaveCount(0);
  expect(await state.relations()).toHaveLength(0);

  await reader.text().focus();
  await page.keyboard.press('Control+z');
  await expect(reader.cards()).toHaveCount(2);
  await expect(claim.links()).toContainText(/attributed to →\s*“Rebel commanders”/);
  expect(await state.relations()).toHaveLength(1);
});
