// A damaged store opens the window on the damaged-store screen, which restores the latest good
// backup (or starts a new store, keeping the damaged one aside); a read-only store opens for
// viewing under a banner and refuses writes with a clear message.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startCore } from '../../electron/core';
import { listBackups } from '../../electron/store/backups';
import { migrations } from '../../electron/store/migrations';
import { openStore } from '../../electron/store/store';
import { ScriptedDialogs, startSession } from '../harness/harness';
import { expect, sampleTitle, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { tempDir } from './temp-dir';

/** A store upgraded from schema 1, so a good backup sits beside it. */
function storeWithBackup(): string {
  const file = path.join(tempDir(), 'glossa.sqlite');
  const old = openStore(file, { migrations: migrations.slice(0, 1) });
  old.close();
  startCore({ storePath: file, dialogs: new ScriptedDialogs(), appVersion: 'test' }).close();
  return file;
}

test('a damaged store opens on the damaged-store screen, and restoring the latest backup brings the library back', async ({ glossaBrowser }) => {
  const file = storeWithBackup();
  expect(listBackups(file)).toHaveLength(1);
  fs.writeFileSync(file, crypto.randomBytes(32_768));
  const damagedHash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const session = await startSession(glossaBrowser, { storePath: file });
  try {
    const page = await session.openApp();
    const app = new AppPage(page);
    await expect(app.heading('The Glossa store is damaged or unreadable')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('not a readable Glossa store');
    await expect(page.getByText(/^Latest: taken/)).toBeVisible();
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(app.notice(/Restored the backup\. The damaged store was kept at/)).toBeVisible();
    // The restored store is upgraded and opened; the first run puts the sample in it.
    await expect(page.getByRole('grid', { name: 'Reports' }).getByRole('button', { name: sampleTitle })).toBeVisible();
    const aside = fs.readdirSync(path.dirname(file)).filter((n) => /\.damaged-[^-]+.*$/.test(n) && !n.endsWith('-wal') && !n.endsWith('-shm'));
    expect(aside).toHaveLength(1);
    expect(crypto.createHash('sha256').update(fs.readFileSync(path.join(path.dirname(file), aside[0]!))).digest('hex')).toBe(damagedHash);
  } finally {
    await session.close();
  }
});

test('a damaged store with no backup can be moved aside for a new one', async ({ glossaBrowser }) => {
  const file = path.join(tempDir(), 'glossa.sqlite');
  fs.writeFileSync(file, crypto.randomBytes(16_384));
  const session = await startSession(glossaBrowser, { storePath: file });
  try {
    const page = await session.openApp();
    const app = new AppPage(page);
    await expect(page.getByText('There is no backup of this store.')).toBeVisible();
    await page.getByRole('button', { name: 'Start a new store…' }).click();
    await page.getByRole('button', { name: 'Move aside and start new' }).click();
    await expect(app.notice(/Started a new store\. The damaged store was kept at/)).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Reports' }).getByRole('button', { name: sampleTitle })).toBeVisible();
  } finally {
    await session.close();
  }
});

test('a read-only store opens for viewing under a banner, and a write is refused with a clear message', async ({ glossaBrowser }) => {
  const file = path.join(tempDir(), 'glossa.sqlite');
  startCore({ storePath: file, dialogs: new ScriptedDialogs(), appVersion: 'test', seedSample: true }).close();
  const session = await startSession(glossaBrowser, { storePath: file, readOnly: true });
  try {
    const page = await session.openApp();
    const app = new AppPage(page);
    await expect(page.getByRole('status', { name: 'Read-only store' })).toContainText('open for viewing only');
    await app.reader.openFromLibrary(sampleTitle);
    await app.reader.tag('spokesman', 'Nuñez', '2');
    await expect(app.notice(/open for viewing only/)).toBeVisible();
    await expect(app.reader.cards()).toHaveCount(0);
  } finally {
    await session.close();
  }
});
