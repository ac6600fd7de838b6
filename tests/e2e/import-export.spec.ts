import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, sampleTitle, test } from './fixtures';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-e2e-files-'));
}

const documentCount = (session: { core: { store: { db: { prepare(sql: string): { get(): unknown } } } } }) =>
  (session.core.store.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

test('import through the open dialog: good files come in, bad ones are explained, nothing partial is kept', async ({ page, session }) => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'ceasefire.txt'), 'Ceasefire talks stall in Halvik\n\nNegotiators met in Port Alder on Monday.\n');
  fs.writeFileSync(path.join(dir, 'notes.md'), '# Briefing on Orrin Crossing\n\nThe **bridge** was [reported](http://x.test) closed.\n');
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
  fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]));
  session.dialogs.openAnswers.push(['ceasefire.txt', 'notes.md', 'empty.txt', 'binary.txt', 'latin1.txt', 'vanished.txt'].map((f) => path.join(dir, f)));

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Files…' }).click();
  const summary = page.getByRole('dialog', { name: 'Import finished' });
  // Import workers start on first use: allow for a busy machine.
  await expect(summary).toContainText('3 imported · 0 already in the library · 3 could not be imported', { timeout: 30_000 });
  await expect(summary).toContainText('Ceasefire talks stall in Halvik');
  await expect(summary).toContainText('Briefing on Orrin Crossing');
  await expect(summary.getByRole('listitem').filter({ hasText: 'empty.txt' })).toContainText(/empty/);
  await expect(summary.getByRole('listitem').filter({ hasText: 'binary.txt' })).toContainText(/binary/);
  // Not UTF-8: detected as Windows-1252, and the summary says so.
  await expect(summary.getByRole('listitem').filter({ hasText: 'latin1.txt' })).toContainText('Café noir');
  await expect(summary.getByRole('listitem').filter({ hasText: 'latin1.txt' })).toContainText('windows-1252');
  await expect(summary.getByRole('listitem').filter({ hasText: 'vanished.txt' })).toContainText(/not|no such|find|exist/i);
  expect(documentCount(session)).toBe(4);

  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('list', { name: 'Reports' }).getByRole('listitem')).toHaveCount(4);

  // The same file again is reported as a duplicate and not stored twice.
  session.dialogs.openAnswers.push([path.join(dir, 'ceasefire.txt')]);
  await page.keyboard.press('Control+o');
  await expect(page.getByRole('dialog', { name: 'Import finished' })).toContainText('0 imported · 1 already in the library');
  expect(documentCount(session)).toBe(4);
});

test('import by dropping files on the window', async ({ page, session }) => {
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Shelling reported near Tamsin Ford\n\nResidents said the shelling began at dawn. 🙏🏽'], 'drop.txt', { type: 'text/plain' }));
    const target = document.querySelector('main')!;
    target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('1 imported', { timeout: 30_000 });
  await summary.getByRole('button', { name: 'Shelling reported near Tamsin Ford' }).click();
  await expect(page.getByRole('document', { name: /Report text/ })).toContainText('began at dawn. 🙏🏽');
  expect(documentCount(session)).toBe(2);
});

test('export JSONL from the menu and CSV from the button; the files slice back to the quotes', async ({ page, reader, session }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.dragSelect('spokesman', 'Nuñez');
  await page.keyboard.press('2');
  await reader.dragSelect('Kestrava', 'Kestrava', { fromAt: 0.2, toAt: 0.9 });
  await page.keyboard.press('3');
  await expect(reader.cards()).toHaveCount(2);
  const note = reader.card('Kestrava').getByRole('textbox', { name: 'Note' });
  await note.fill('Capital, "quoted", with a comma');
  await note.press('Tab');
  await expect(reader.card('Kestrava')).toContainText('Saved');

  const dir = tempDir();
  const jsonlPath = path.join(dir, 'corpus.jsonl');
  session.dialogs.saveAnswers.push(jsonlPath);
  await page.evaluate(() => window.__glossaMenu('export-jsonl'));
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await expect(dialog.getByRole('radio', { name: /JSONL/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /whole library/ }).check();
  await dialog.getByRole('button', { name: /Choose file and export/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 annotations from 1 reports' })).toBeVisible();
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
  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /CSV/ }).check();
  await expect(dialog.getByRole('radio', { name: /This report only/ })).toBeChecked();
  await dialog.getByRole('button', { name: /Choose file and export/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /doc\.csv/ })).toBeVisible();
  const csv = fs.readFileSync(csvPath, 'utf8');
  expect(csv).toContain('"Capital, ""quoted"", with a comma"');
  expect(csv.split('\r\n')[0]).toContain('document_id,title,label,start,end,quote,note');
});

test('an export path that cannot be written gets a readable error and the app goes on', async ({ page, reader, session }) => {
  const dir = tempDir();
  const blocker = path.join(dir, 'not-a-folder');
  fs.writeFileSync(blocker, 'x');
  session.dialogs.saveAnswers.push(path.join(blocker, 'out.jsonl'));
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: /Choose file and export/ }).click();
  await expect(page.getByRole('alert')).toContainText('not-a-folder');
  expect(fs.readdirSync(dir)).toEqual(['not-a-folder']);
  await reader.openFromLibrary(sampleTitle);
  await reader.dragSelect('Dorsk', 'Dorsk', { fromAt: 0.2, toAt: 0.9 });
  await page.keyboard.press('3');
  await expect(reader.cards()).toHaveCount(1);
});

test('malformed IPC payloads from the renderer get typed errors and change nothing', async ({ page, session }) => {
  const before = (session.core.store.db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n;
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
  expect((session.core.store.db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n).toBe(before);
  await expect(page.getByRole('list', { name: 'Reports' })).toBeVisible();
});

test('an empty library says how to import', async ({ page, session }) => {
  session.core.store.db.prepare('DELETE FROM documents').run();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('drop files');
  await expect(page.getByRole('button', { name: 'Import reports…' })).toBeVisible();
});

test('drop a folder: the progress bar counts the files, and the summary lists them', async ({ page, session }) => {
  const dir = tempDir();
  const folder = path.join(dir, 'sitreps');
  fs.mkdirSync(path.join(folder, 'north'), { recursive: true });
  for (let i = 1; i <= 120; i++) {
    const sub = i % 2 ? 'north' : '';
    fs.writeFileSync(path.join(folder, sub, `report-${i}.txt`), `Situation report ${i}\n\nShelling was reported in district ${i} overnight.`);
  }
  fs.writeFileSync(path.join(folder, 'map.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

  // Record what the progress bar shows while the import runs.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('.import-progress');
      if (bar) seen.push(bar.querySelector('strong')?.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.evaluate((folderPath) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([], folderPath));
    const target = document.querySelector('main')!;
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, folder);

  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('120 imported · 0 already in the library · 0 could not be imported · 1 skipped', { timeout: 30_000 });
  await expect(summary).toContainText('map.png');
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.some((text) => /^Importing \d+ of 120$/.test(text))).toBe(true);
  expect(documentCount(session)).toBe(121);
});

test('cancel an import: the reports read so far stay, nothing else is written', async ({ page, session }) => {
  const folder = tempDir();
  for (let i = 1; i <= 600; i++) {
    const paragraph = `<p>Situation report ${i}: residents of district ${i} reported shelling overnight.</p>`;
    fs.writeFileSync(path.join(folder, `sitrep-${i}.html`), `<!doctype html><title>Situation report ${i}</title><article>${paragraph.repeat(8)}</article>`);
  }
  session.dialogs.openAnswers.push([folder]);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Folder…' }).click();
  const panel = page.getByRole('dialog', { name: 'Import in progress' });
  await expect(panel.getByText(/^Importing \d+ of 600$/)).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('button', { name: 'Cancel import' }).click();

  const summary = page.getByRole('dialog', { name: 'Import cancelled' });
  await expect(summary).toBeVisible();
  const imported = Number(/^(\d+) imported/.exec((await summary.locator('p').first().textContent()) ?? '')?.[1]);
  expect(imported).toBeLessThan(600);
  // The sample report, plus exactly the reports the summary lists.
  expect(documentCount(session)).toBe(1 + imported);
  await expect(summary.getByRole('listitem')).toHaveCount(imported);
});

test('new report from the clipboard: the HTML flavour is sanitised to text', async ({ page, reader, session }) => {
  session.core.ctx.clipboard = {
    readHtml: () =>
      '<html><head><title>Pasted: convoy reaches Halvik</title></head><body><article><h1>Convoy reaches Halvik</h1>' +
      '<p>An aid convoy reached Halvik on Monday, officials said.<script>window.pwned = 1</script></p>' +
      '<p><img src="https://tracker.example/pixel.gif" onerror="window.pwned = 2">The road had been closed for a week.</p></article></body></html>',
    readText: () => 'An aid convoy reached Halvik on Monday, officials said.',
  };
  // The shortcut works once the app is up.
  await expect(page.getByRole('list', { name: 'Reports' })).toBeVisible();
  await page.keyboard.press('Control+Shift+V');
  const summary = page.getByRole('dialog', { name: 'Import finished' });
  // The first web page an import worker reads loads jsdom: seconds on a busy machine.
  await expect(summary).toContainText('1 imported', { timeout: 30_000 });
  await summary.getByRole('button', { name: /convoy/i }).click();
  await expect(reader.text()).toContainText('An aid convoy reached Halvik on Monday, officials said.');
  await expect(reader.text()).toContainText('The road had been closed for a week.');
  await expect(reader.text()).not.toContainText('pwned');
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('edit a report’s details, delete it, and undo the deletion', async ({ page, reader, session }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.dragSelect('Rebel', 'commanders');
  await page.keyboard.press('2');
  await expect(reader.cards()).toHaveCount(1);
  await page.getByRole('button', { name: 'Details…' }).click();
  const details = page.getByRole('dialog', { name: 'Report details' });
  await details.getByRole('textbox', { name: 'Author' }).fill('Zoë Haddad');
  await details.getByRole('textbox', { name: 'Tags' }).fill('north, offensive');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Details saved.' })).toBeVisible();

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const row = page.getByRole('list', { name: 'Reports' }).getByRole('listitem').filter({ hasText: sampleTitle });
  await expect(row).toContainText('Zoë Haddad');
  await expect(row.getByLabel('Tags')).toContainText('offensive');

  await row.getByRole('button', { name: 'Details…' }).click();
  await details.getByRole('button', { name: 'Delete report…' }).click();
  await details.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  const count = (table: string) => (session.core.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  expect([count('documents'), count('annotations')]).toEqual([0, 0]);

  await page.getByRole('status').filter({ hasText: 'and its 1 annotation' }).getByRole('button', { name: 'Undo' }).click();
  await expect(row).toContainText('1 Source');
  expect([count('documents'), count('annotations'), count('document_tags')]).toEqual([1, 1, 2]);
});
