import fs from 'node:fs';
import path from 'node:path';
import { expect, sampleTitle, test } from './fixtures';
import { tempDir } from './temp-dir';

test('import through the open dialog: good files come in, bad ones are explained, nothing partial is kept', async ({ page, app, session, state }) => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'ceasefire.txt'), 'Ceasefire talks stall in Halvik\n\nNegotiators met in Port Alder on Monday.\n');
  fs.writeFileSync(path.join(dir, 'notes.md'), '# Briefing on Orrin Crossing\n\nThe **bridge** was [reported](http://x.test) closed.\n');
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
  fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]));
  session.dialogs.openAnswers.push(['ceasefire.txt', 'notes.md', 'empty.txt', 'binary.txt', 'latin1.txt', 'vanished.txt'].map((f) => path.join(dir, f)));

  await app.importFrom('Files…');
  const summary = app.importSummary();
  // Import workers start on first use: allow for a busy machine.
  await expect(summary.dialog()).toContainText('3 imported · 0 already in the library · 3 could not be imported', { timeout: 30_000 });
  await expect(summary.dialog()).toContainText('Ceasefire talks stall in Halvik');
  await expect(summary.dialog()).toContainText('Briefing on Orrin Crossing');
  await expect(summary.item('empty.txt')).toContainText(/empty/);
  await expect(summary.item('binary.txt')).toContainText(/binary/);
  // Not UTF-8: detected as Windows-1252, and the summary says so.
  await expect(summary.item('latin1.txt')).toContainText('Café noir');
  await expect(summary.item('latin1.txt')).toContainText('windows-1252');
  await expect(summary.item('vanished.txt')).toContainText(/not|no such|find|exist/i);
  expect(await state.documentCount()).toBe(4);

  await summary.close();
  await expect(app.library.entries()).toHaveCount(4);

  // The same file again is reported as a duplicate and not stored twice.
  session.dialogs.openAnswers.push([path.join(dir, 'ceasefire.txt')]);
  await page.keyboard.press('Control+o');
  await expect(summary.dialog()).toContainText('0 imported · 1 already in the library');
  expect(await state.documentCount()).toBe(4);
});

test('a legacy-encoded report says its encoding was guessed, and can be re-read as another', async ({ app, reader, session }) => {
  const dir = tempDir();
  const title = 'Повстанцы заявили, что захватили город Дорск после трёх дней боёв';
  const text = `${title}\n\nНезависимо подтвердить это сообщение не удалось. Местные источники сообщают, что бои продолжаются в восточных кварталах.\n`;
  // Windows-1251: А-я are 0xC0-0xFF, Ё/ё 0xA8/0xB8.
  const cp1251 = Buffer.from([...text].map((ch) => (ch === 'ё' ? 0xb8 : ch >= 'А' && ch <= 'я' ? ch.charCodeAt(0) - 0x410 + 0xc0 : ch.charCodeAt(0))));
  fs.writeFileSync(path.join(dir, 'dorsk.txt'), cp1251);
  session.dialogs.openAnswers.push([path.join(dir, 'dorsk.txt')]);
  await app.importFrom('Files…');
  const summary = app.importSummary();
  await expect(summary.item('dorsk.txt')).toContainText('windows-1251', { timeout: 30_000 });
  await expect(summary.item('dorsk.txt')).toContainText(/guessed, \d+ % sure/);
  await expect(summary.item('dorsk.txt')).toContainText(title);

  // A wrong choice shows mojibake; choosing again puts the right text back.
  await summary.reread('dorsk.txt', 'koi8-r');
  await expect(summary.item('dorsk.txt').getByRole('status')).toHaveText('Re-read as koi8-r.');
  await expect(summary.item('dorsk.txt')).not.toContainText(title);
  await summary.reread('dorsk.txt', 'windows-1251');
  await expect(summary.item('dorsk.txt').getByRole('status')).toHaveText('Re-read as windows-1251.');
  await summary.openReport(title);
  await expect(reader.text()).toContainText('Независимо подтвердить');
});

test('import by dropping files on the window', async ({ app, reader, state }) => {
  await app.dropFiles([{ name: 'drop.txt', type: 'text/plain', text: 'Shelling reported near Tamsin Ford\n\nResidents said the shelling began at dawn. 🙏🏽' }]);
  const summary = app.importSummary();
  await expect(summary.dialog()).toContainText('1 imported', { timeout: 30_000 });
  await summary.openReport('Shelling reported near Tamsin Ford');
  await expect(reader.text()).toContainText('began at dawn. 🙏🏽');
  expect(await state.documentCount()).toBe(2);
});

test('export JSONL from the menu and CSV from the button; the files slice back to the quotes', async ({ app, reader, session }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.tag('spokesman', 'Nuñez', '2');
  await reader.tag('Kestrava', 'Kestrava', '3', { fromAt: 0.2, toAt: 0.9 });
  await expect(reader.cards()).toHaveCount(2);
  await reader.annotation('Kestrava').writeNote('Capital, "quoted", with a comma');

  const dir = tempDir();
  const jsonlPath = path.join(dir, 'corpus.jsonl');
  session.dialogs.saveAnswers.push(jsonlPath);
  await app.menu('export-jsonl');
  const dialog = app.exportDialog;
  await expect(dialog.format('JSONL')).toBeChecked();
  await dialog.scope('whole library').check();
  await dialog.export();
  await expect(app.notice('Exported 2 annotations from 1 reports')).toBeVisible();
  expect(session.dialogs.savePrompts[0]!.extension).toBe('jsonl');

  const lines = fs.readFileSync(jsonlPath, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(1);
  const record = JSON.parse(lines[0]!) as { text: string; label: [number, number, string][]; annotations: { quote: string; note: string }[] };
  const codePoints = Array.from(record.text);
  for (const [start, end, label] of record.label) {
    expect(['Source', 'Location']).toContain(label);
    const quote = codePoints.slice(start, end).join('');
    expect(record.annotations.map((a) => a.quote)).toContain(quote);
  }
  expect(record.annotations.map((a) => a.note)).toContain('Capital, "quoted", with a comma');

  const csvPath = path.join(dir, 'doc.csv');
  session.dialogs.saveAnswers.push(csvPath);
  await app.openExport();
  await dialog.format('CSV').check();
  await expect(dialog.scope('This report only')).toBeChecked();
  await expect(dialog.exportButton()).toHaveText('Choose file and export…');
  await dialog.export();
  await expect(app.notice(/doc\.csv/)).toBeVisible();
  const csv = fs.readFileSync(csvPath, 'utf8');
  expect(csv).toContain('"Capital, ""quoted"", with a comma"');
  expect(csv.split('\r\n')[0]).toContain('document_id,title,label,start,end,quote,note');
});

test('an export path that cannot be written gets a readable error and the app goes on', async ({ app, reader, session }) => {
  const dir = tempDir();
  const blocker = path.join(dir, 'not-a-folder');
  fs.writeFileSync(blocker, 'x');
  session.dialogs.saveAnswers.push(path.join(blocker, 'out.jsonl'));
  await (await app.openExport()).export();
  await expect(app.alert()).toContainText('not-a-folder');
  // The refusal is a dialog now (issue 11): it is closed before the app goes on.
  await app.exportDialog.refusal().getByRole('button', { name: 'Close' }).click();
  expect(fs.readdirSync(dir)).toEqual(['not-a-folder']);
  await reader.openFromLibrary(sampleTitle);
  await reader.tag('Dorsk', 'Dorsk', '3', { fromAt: 0.2, toAt: 0.9 });
  await expect(reader.cards()).toHaveCount(1);
});

test('malformed IPC payloads from the renderer get typed errors and change nothing', async ({ page, app, state }) => {
  const before = await state.annotationCount();
  const answers = await page.evaluate(async () => {
    const api = window.glossa as unknown as Record<string, (args: unknown) => Promise<unknown>>;
    const invoke = window.__glossaInvoke as unknown as (channel: unknown, args: unknown) => Promise<unknown>;
    return Promise.all([
      api['annotations.create']!({ documentId: 5, labelId: 'claim', start: 'x', end: 2 }),
      api['annotations.create']!({ documentId: 'nope', labelId: 'claim', start: 4, end: 2 }),
      api['documents.get']!(null),
      api['annotations.update']!({ id: 'x' }),
      invoke('fs.readFile', { path: '/etc/passwd' }),
      invoke('__proto__', {}),
    ]);
  });
  expect(answers.map((a) => (a as { ok: boolean; error: { code: string } }).error.code)).toEqual([
    'INVALID_ARGS',
    'INVALID_ARGS',
    'INVALID_ARGS',
    'INVALID_ARGS',
    'UNKNOWN_CHANNEL',
    'UNKNOWN_CHANNEL',
  ]);
  expect(await state.annotationCount()).toBe(before);
  await expect(app.library.reports()).toBeVisible();
});

test('an empty library says how to import', async ({ app, session, state }) => {
  for (const document of await state.documents()) await session.call('documents.delete', { id: document.id });
  await app.reload();
  await expect(app.library.emptyHeading()).toBeVisible();
  await expect(app.main()).toContainText('drop files');
  await expect(app.library.importReportsButton()).toBeVisible();
});

test('drop a folder: the progress bar counts the files, and the summary lists them', async ({ app, state }) => {
  const dir = tempDir();
  const folder = path.join(dir, 'sitreps');
  fs.mkdirSync(path.join(folder, 'north'), { recursive: true });
  for (let i = 1; i <= 120; i++) {
    const sub = i % 2 ? 'north' : '';
    fs.writeFileSync(path.join(folder, sub, `report-${i}.txt`), `Situation report ${i}\n\nShelling was reported in district ${i} overnight.`);
  }
  fs.writeFileSync(path.join(folder, 'map.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

  // Record what the progress bar shows while the import runs.
  await app.importProgress.record();
  await app.dropPath(folder);

  const summary = app.importSummary();
  await expect(summary.dialog()).toContainText('120 imported · 0 already in the library · 0 could not be imported · 1 skipped', { timeout: 30_000 });
  await expect(summary.dialog()).toContainText('map.png');
  expect((await app.importProgress.seen()).some((text) => /^Importing \d+ of 120$/.test(text))).toBe(true);
  expect(await state.documentCount()).toBe(121);
});

test('cancel an import: the reports read so far stay, nothing else is written', async ({ app, session, state }) => {
  const folder = tempDir();
  for (let i = 1; i <= 600; i++) {
    const paragraph = `<p>Situation report ${i}: residents of district ${i} reported shelling overnight.</p>`;
    fs.writeFileSync(path.join(folder, `sitrep-${i}.html`), `<!doctype html><title>Situation report ${i}</title><article>${paragraph.repeat(8)}</article>`);
  }
  session.dialogs.openAnswers.push([folder]);
  await app.importFrom('Folder…');
  await expect(app.importProgress.counter(600)).toBeVisible({ timeout: 30_000 });
  await app.importProgress.cancel();

  const summary = app.importSummary('Import cancelled');
  await expect(summary.dialog()).toBeVisible();
  const imported = await summary.importedCount();
  expect(imported).toBeLessThan(600);
  // The sample report, plus exactly the reports the summary lists.
  expect(await state.documentCount()).toBe(1 + imported);
  await expect(summary.items()).toHaveCount(imported);
});

test('new report from the clipboard: the HTML flavour is sanitised to text', async ({ page, app, reader, session }) => {
  session.core.ctx.clipboard = {
    readHtml: () =>
      '<html><head><title>Pasted: convoy reaches Halvik</title></head><body><article><h1>Convoy reaches Halvik</h1>' +
      '<p>An aid convoy reached Halvik on Monday, officials said.<script>window.pwned = 1</script></p>' +
      '<p><img src="https://tracker.example/pixel.gif" onerror="window.pwned = 2">The road had been closed for a week.</p></article></body></html>',
    readText: () => 'An aid convoy reached Halvik on Monday, officials said.',
  };
  // The shortcut works once the app is up.
  await expect(app.library.reports()).toBeVisible();
  await page.keyboard.press('Control+Shift+V');
  const summary = app.importSummary();
  // The first web page an import worker reads loads jsdom: seconds on a busy machine.
  await expect(summary.dialog()).toContainText('1 imported', { timeout: 30_000 });
  await summary.openReport(/convoy/i);
  await expect(reader.text()).toContainText('An aid convoy reached Halvik on Monday, officials said.');
  await expect(reader.text()).toContainText('The road had been closed for a week.');
  await expect(reader.text()).not.toContainText('pwned');
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('edit a report’s details, delete it, and undo the deletion', async ({ app, reader, state }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.tag('Rebel', 'commanders', '2');
  await expect(reader.cards()).toHaveCount(1);
  const details = await app.openDetails();
  await details.fill({ author: 'Zoë Haddad', tags: 'north, offensive' });
  await details.save();
  await expect(app.notice('Details saved.')).toBeVisible();

  await app.show('Library');
  const row = app.library.entry(sampleTitle);
  await expect(row).toContainText('Zoë Haddad');
  await expect(app.library.tags(sampleTitle)).toContainText('offensive');

  await app.library.openDetails(sampleTitle);
  await details.deleteReport();
  await expect(app.library.emptyHeading()).toBeVisible();
  expect([await state.documentCount(), await state.annotationCount()]).toEqual([0, 0]);

  await app.undoFrom('and its 1 annotation');
  await expect(row).toContainText('1 Source');
  const [restored] = await state.documents();
  expect([await state.documentCount(), await state.annotationCount(), restored!.tags.length]).toEqual([1, 1, 2]);
});
