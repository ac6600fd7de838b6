// The ways out of a damaged store (the damaged-store screen's channels, `glossa restore`), and a
// read-only store opened for viewing: real stores, real CLI processes (one as an unprivileged user).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAppCore } from '../../electron/app-core';
import { startCore } from '../../electron/core';
import { listBackups } from '../../electron/store/backups';
import { migrations } from '../../electron/store/migrations';
import { openStore } from '../../electron/store/store';
import type { StoreRecovered } from '../../shared/schemas/store';
import { ScriptedDialogs, errorCodeOf, tempDir } from './helpers';
import { runCli } from './cli-bundle';

const nobody = 65534;

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function cli(args: string[], user?: number) {
  return runCli(args, { uid: user, gid: user });
}

/** A store at schema 1 with 300 meta rows, upgraded once so a good v1 backup sits beside it. */
function upgradedStoreWithBackup(dir: string): string {
  const file = path.join(dir, 'glossa.sqlite');
  const old = openStore(file, { migrations: migrations.slice(0, 1) });
  const insert = old.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  old.transaction(() => {
    for (let i = 0; i < 300; i++) insert.run(`key-${i}`, 'y'.repeat(200));
  });
  old.close();
  openStore(file).close();
  expect(listBackups(file)).toHaveLength(1);
  return file;
}

function damage(file: string): void {
  fs.writeFileSync(file, crypto.randomBytes(20_000));
}

const app = (storePath: string) => startAppCore({ storePath, dialogs: new ScriptedDialogs(), appVersion: 'test', logError: () => undefined });

describe('damaged store', () => {
  it('opens the app core on a damaged store: every channel says so, and the good backups are offered', async () => {
    const file = upgradedStoreWithBackup(tempDir());
    damage(file);
    const core = app(file);
    try {
      expect(core.core).toBeUndefined();
      const status = await core.dispatch('store.status', {});
      expect(status).toMatchObject({ ok: true, value: { state: 'damaged', backups: [{ version: 1 }] } });
      const list = await core.dispatch('documents.list', {});
      expect(list).toMatchObject({ ok: false, error: { code: 'STORE_CORRUPT' } });
      // The page may only name a listed backup.
      const forged = await core.dispatch('store.restoreBackup', { path: '/etc/passwd' });
      expect(forged).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      core.close();
    }
  });

  it('restores the latest good backup, keeping the damaged store aside', async () => {
    const file = upgradedStoreWithBackup(tempDir());
    damage(file);
    const damagedHash = sha256(file);
    const core = app(file);
    try {
      const opened: unknown[] = [];
      core.onCoreOpened((c) => opened.push(c));
      expect(opened).toEqual([]);
      const [backup] = listBackups(file);
      const answer = await core.dispatch('store.restoreBackup', { path: backup!.path });
      expect(answer).toMatchObject({ ok: true, value: { status: { state: 'ok' } } });
      // What follows the core (the Team menu's tick) is handed the restored one.
      expect(opened).toHaveLength(1);
      expect(opened[0]).toBe(core.core);
      const { movedAsideTo } = (answer as { value: StoreRecovered }).value;
      expect(sha256(movedAsideTo!)).toBe(damagedHash);
      expect(core.core!.store.db.prepare('SELECT count(*) AS n FROM meta WHERE key LIKE ?').get('key-%')).toEqual({ n: 300 });
      expect((await core.dispatch('documents.list', {})).ok).toBe(true);
    } finally {
      core.close();
    }
  });

  it('moves a damaged store aside and starts a new one', async () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    damage(file);
    const damagedHash = sha256(file);
    const core = app(file);
    try {
      const opened: unknown[] = [];
      core.onCoreOpened((c) => opened.push(c));
      const answer = await core.dispatch('store.startNew', {});
      expect(answer).toMatchObject({ ok: true, value: { status: { state: 'ok' } } });
      expect(opened).toHaveLength(1);
      expect(opened[0]).toBe(core.core);
      expect(sha256((answer as { value: StoreRecovered }).value.movedAsideTo!)).toBe(damagedHash);
      expect(await core.dispatch('documents.list', {})).toEqual({ ok: true, value: [] });
    } finally {
      core.close();
    }
  });

  it('refuses to replace a sound store', async () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    const core = app(file);
    try {
      await core.checked;
      // A sound store's core is handed over at once.
      const opened: unknown[] = [];
      core.onCoreOpened((c) => opened.push(c));
      expect(opened).toHaveLength(1);
      expect(opened[0]).toBe(core.core);
      expect(await core.dispatch('store.startNew', {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    } finally {
      core.close();
    }
  });
});

describe('glossa restore and backups', () => {
  it('lists the good backups and restores one, keeping the damaged store aside', async () => {
    const file = upgradedStoreWithBackup(tempDir());
    const listed = await cli(['backups', '--db', file]);
    expect(listed.status).toBe(0);
    const backups = JSON.parse(listed.stdout) as { path: string; version: number }[];
    expect(backups).toMatchObject([{ version: 1 }]);
    damage(file);
    const damagedHash = sha256(file);
    const run = await cli(['restore', '--from', backups[0]!.path, '--db', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { movedAsideTo } = JSON.parse(run.stdout) as { movedAsideTo: string };
    expect(sha256(movedAsideTo)).toBe(damagedHash);
    const docs = await cli(['docs', '--db', file]);
    expect(docs.status).toBe(0);
  }, 90_000);

  it('refuses a damaged backup and changes nothing', async () => {
    const file = upgradedStoreWithBackup(tempDir());
    const [backup] = listBackups(file);
    const bytes = fs.readFileSync(backup!.path);
    bytes.fill(0xab, 4096, 4096 * 3);
    fs.writeFileSync(backup!.path, bytes);
    const storeHash = sha256(file);
    const run = await cli(['restore', '--from', backup!.path, '--db', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot be restored: (integrity_check says|it cannot be read)/);
    expect(sha256(file)).toBe(storeHash);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('damaged'))).toEqual([]);
  }, 90_000);
});

describe('read-only store', () => {
  it('opens for viewing (forced read-only) and refuses every write with a clear message', async () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    startCore({ storePath: file, dialogs: new ScriptedDialogs(), appVersion: 'test', seedSample: true }).close();
    const before = sha256(file);
    const core = startCore({ storePath: file, dialogs: new ScriptedDialogs(), appVersion: 'test', readOnly: true, logError: () => undefined });
    try {
      expect(core.store.readOnly).toBe(true);
      const list = await core.dispatch('documents.list', {});
      expect(list).toMatchObject({ ok: true, value: [{ title: expect.any(String) }] });
      const label = await core.dispatch('labels.create', { name: 'Rumour', color: '#aa3366' });
      expect(label).toMatchObject({ ok: false, error: { code: 'STORE_READ_ONLY', message: expect.stringContaining('open for viewing only') } });
      expect(errorCodeOf(() => core.store.transaction(() => undefined))).toBe('STORE_READ_ONLY');
      expect(await core.dispatch('store.status', {})).toMatchObject({ ok: true, value: { state: 'read-only' } });
    } finally {
      core.close();
    }
    expect(sha256(file)).toBe(before);
  });

  it('a store in a folder the user cannot write: the CLI reads it and refuses writes, not "disk I/O error"', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'glossa.sqlite');
    const report = path.join(dir, 'report.txt');
    fs.writeFileSync(report, 'Ceasefire holds\n\nThe mediator said the ceasefire holds.\n');
    expect((await cli(['import', report, '--db', file])).status).toBe(0);
    // The import left the store and its lock file (store-lock.ts); the read-only runs add nothing.
    expect(fs.readdirSync(folder).sort()).toEqual(['glossa.sqlite', 'glossa.sqlite-lock']);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(folder, 0o555);
    const before = sha256(file);
    const docs = await cli(['docs', '--db', file], nobody);
    expect(docs.stderr).toBe('');
    expect(docs.status).toBe(0);
    const [doc] = JSON.parse(docs.stdout) as { id: string; title: string }[];
    expect(doc!.title).toBe('Ceasefire holds');
    const write = await cli(['annotate', doc!.id, '--label', 'Claim', '--quote', 'ceasefire holds', '--db', file], nobody);
    expect(write.status).toBe(1);
    expect(write.stderr).toContain('open for viewing only');
    expect(write.stderr).not.toMatch(/disk I\/O/);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(folder).sort()).toEqual(['glossa.sqlite', 'glossa.sqlite-lock']);
  }, 90_000);
});
