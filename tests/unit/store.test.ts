import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrations } from '../../electron/store/migrations';
import { openStore } from '../../electron/store/store';
import { errorCodeOf, tempDir } from './helpers';

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A closed, migrated store with some rows in it. */
function makeStore(dir: string, name = 'glossa.sqlite'): string {
  const file = path.join(dir, name);
  const store = openStore(file);
  const insert = store.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  store.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run(`key-${i}`, 'x'.repeat(300));
  });
  store.close();
  return file;
}

describe('store', () => {
  it('opens with WAL, foreign keys and synchronous FULL, and records its migrations', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    const store = openStore(file);
    try {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      const applied = store.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      expect(applied).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    } finally {
      store.close();
    }
  });

  it('reopens a migrated store without running migrations again', () => {
    const file = makeStore(tempDir());
    const store = openStore(file);
    try {
      expect(store.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: migrations.length });
      expect(store.db.prepare('SELECT count(*) AS n FROM meta').get()).toEqual({ n: 500 });
    } finally {
      store.close();
    }
  });

  it('numbers migrations consecutively from 1, and the latest version is the last one', () => {
    // Only migration 1 exists, so the backup-before-migrating path (an existing store at a
    // version between 1 and the latest) cannot be reached yet; it gets a test with migration 2.
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('refuses a second open of a store that is already open (STORE_LOCKED)', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    const first = openStore(file);
    try {
      expect(errorCodeOf(() => openStore(file))).toBe('STORE_LOCKED');
      // The first copy still works.
      first.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('still', 'writable');
    } finally {
      first.close();
    }
  });

  it('refuses a file of random bytes (STORE_CORRUPT) and leaves it unchanged', () => {
    const file = path.join(tempDir(), 'random.sqlite');
    fs.writeFileSync(file, crypto.randomBytes(16_384));
    const before = sha256(file);
    expect(errorCodeOf(() => openStore(file))).toBe('STORE_CORRUPT');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a truncated store (STORE_CORRUPT) and leaves it unchanged', () => {
    const file = makeStore(tempDir());
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    const before = sha256(file);
    expect(errorCodeOf(() => openStore(file))).toBe('STORE_CORRUPT');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a store with damaged pages (STORE_CORRUPT) and leaves it unchanged', () => {
    const file = makeStore(tempDir());
    const bytes = fs.readFileSync(file);
    bytes.fill(0xab, 4096, 4096 * 4);
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    expect(errorCodeOf(() => openStore(file))).toBe('STORE_CORRUPT');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a store written by a newer Glossa (STORE_TOO_NEW) and leaves it unchanged', () => {
    const file = makeStore(tempDir());
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    const before = sha256(file);
    let message = '';
    try {
      openStore(file);
    } catch (error) {
      message = (error as Error).message;
      expect((error as { code?: string }).code).toBe('STORE_TOO_NEW');
    }
    expect(message).toContain('schema 99');
    expect(sha256(file)).toBe(before);
  });
});
