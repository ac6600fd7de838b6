// Migration backups: only complete, checked copies carry a backup's name; one per schema
// version; a full disk is refused before anything is written.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups, problemWithCopy } from '../../electron/store/backups';
import { migrations } from '../../electron/store/migrations';
import type { Migration } from '../../electron/store/migrations/types';
import { openStore } from '../../electron/store/store';
import { tempDir } from './helpers';

const schema1 = migrations.slice(0, 1);
const goodBackup = /^glossa\.sqlite\.v1-.+\.backup$/;

function makeStore(dir: string): string {
  const file = path.join(dir, 'glossa.sqlite');
  const store = openStore(file, { migrations: schema1 });
  const insert = store.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  store.transaction(() => {
    for (let i = 0; i < 400; i++) insert.run(`key-${i}`, 'x'.repeat(400));
  });
  store.close();
  return file;
}

const failing: Migration = { version: 2, name: 'broken', up: 'CREATE TABLE extra (x INTEGER); INSERT INTO no_such_table VALUES (1);' };
const working: Migration = { version: 2, name: 'extra', up: 'CREATE TABLE extra (x INTEGER NOT NULL);' };

function backupsIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.includes('.backup'));
}

describe('migration backups', () => {
  it('a retried migration reuses the good backup instead of writing another full copy', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(() => openStore(file, { migrations: [...schema1, failing] })).toThrow(/still at schema 1/);
    }
    expect(backupsIn(dir).filter((n) => goodBackup.test(n))).toHaveLength(1);
    openStore(file, { migrations: [...schema1, working] }).close();
    expect(backupsIn(dir)).toHaveLength(1);
  });

  it('an upgrade stopped part-way (some steps committed) keeps its first backup when retried, and ends with no marker', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    const step2: Migration = { version: 2, name: 'two', up: 'CREATE TABLE two (x INTEGER);' };
    const step3: Migration = { version: 3, name: 'three', up: 'CREATE TABLE three (x INTEGER);' };
    const broken4: Migration = { version: 4, name: 'four', up: 'CREATE TABLE four (x INTEGER); INSERT INTO no_such_table VALUES (1);' };
    const step4: Migration = { version: 4, name: 'four', up: 'CREATE TABLE four (x INTEGER);' };
    expect(() => openStore(file, { migrations: [...schema1, step2, step3, broken4] })).toThrow(/still at schema 3/);
    openStore(file, { migrations: [...schema1, step2, step3, step4] }).close();
    expect(backupsIn(dir).filter((n) => n.endsWith('.backup'))).toEqual([expect.stringMatching(goodBackup)]);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'schema_upgrade'").all()).toEqual([]);
    db.close();
    // The next upgrade is a new one: it takes its own backup, at schema 4.
    openStore(file, { migrations: [...schema1, step2, step3, step4, { version: 5, name: 'five', up: 'CREATE TABLE five (x INTEGER);' }] }).close();
    expect(listBackups(file).map((b) => b.version).sort()).toEqual([1, 4]);
  });

  it('refuses to migrate when the disk is too full for the backup, with a clear message and no file written', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    let error: { code?: string; message?: string } = {};
    try {
      openStore(file, { migrations: [...schema1, working], freeBytes: () => 4096 });
    } catch (caught) {
      error = caught as typeof error;
    }
    expect(error.code).toBe('NO_SPACE');
    expect(error.message).toMatch(/needs .* free on that disk; only 4 KB is free/);
    expect(error.message).toContain('Nothing has been changed');
    expect(backupsIn(dir)).toEqual([]);
    // Still at schema 1, and it upgrades once there is room.
    const store = openStore(file, { migrations: schema1 });
    expect(store.db.pragma('user_version', { simple: true })).toBe(1);
    store.close();
  });

  it('removes a partial copy a killed migration left, and never lists it as a backup', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    const partial = `${file}.v1-2026-01-01T00-00-00-000Z.backup.backup-partial-4242`;
    fs.writeFileSync(partial, fs.readFileSync(file).subarray(0, 8192));
    expect(listBackups(file)).toEqual([]);
    openStore(file, { migrations: [...schema1, working] }).close();
    expect(fs.existsSync(partial)).toBe(false);
    const listed = listBackups(file);
    expect(listed).toHaveLength(1);
    expect(problemWithCopy(listed[0]!.path, 1)).toBeNull();
    expect(listed[0]!.version).toBe(1);
  });

  it('every file named like a good backup passes integrity_check and holds the old data', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    openStore(file).close();
    const [backup] = listBackups(file);
    expect(backup).toBeDefined();
    expect(path.basename(backup!.path)).toMatch(goodBackup);
    const db = new Database(backup!.path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM meta').get()).toEqual({ n: 400 });
    db.close();
  });
});
