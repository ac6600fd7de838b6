import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrations } from '../../electron/store/migrations';
import type { Migration } from '../../electron/store/migrations/types';
import { openStore } from '../../electron/store/store';
import { errorCodeOf, tempDir } from './helpers';

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A closed store at schema 1 (as the first release left it) with some rows in it. */
function makeStore(dir: string, name = 'glossa.sqlite'): string {
  const file = path.join(dir, name);
  const store = openStore(file, { migrations: schema1 });
  const insert = store.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  store.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run(`key-${i}`, 'x'.repeat(300));
  });
  store.close();
  return file;
}

/** A closed SQLite file in rollback-journal mode (as other programs leave them) at the given user_version. */
function rollbackModeDb(dir: string, name: string, userVersion: number): string {
  const file = path.join(dir, name);
  const raw = new Database(file);
  raw.pragma('journal_mode = DELETE');
  raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO notes (body) VALUES (?)');
  raw.transaction(() => {
    for (let i = 0; i < 200; i++) insert.run('note '.repeat(60));
  })();
  raw.pragma(`user_version = ${userVersion}`);
  raw.close();
  return file;
}

const schema1 = migrations.slice(0, 1);

const migration2: Migration = {
  version: 2,
  name: 'extra',
  up: `CREATE TABLE extra (x INTEGER NOT NULL); INSERT INTO extra VALUES (1);`,
};

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

  it('upgrades a schema-1 store to the latest schema, keeping its data and a backup', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    const store = openStore(file);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(store.db.prepare(`SELECT count(*) AS n FROM meta WHERE key <> 'analyst.local'`).get()).toEqual({ n: 500 });
      expect(store.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: migrations.length });
    } finally {
      store.close();
    }
    expect(fs.readdirSync(dir).filter((name) => /^glossa\.sqlite\.v1-.+\.backup$/.test(name))).toHaveLength(1);
  });

  it('reopens a migrated store without running migrations again', () => {
    const file = makeStore(tempDir());
    openStore(file).close();
    const store = openStore(file);
    try {
      expect(store.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: migrations.length });
      expect(store.db.prepare(`SELECT count(*) AS n FROM meta WHERE key <> 'analyst.local'`).get()).toEqual({ n: 500 });
    } finally {
      store.close();
    }
  });

  it('numbers migrations consecutively from 1, and the latest version is the last one', () => {
    // The backup-before-migrating path is tested below with a made-up migration 2.
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
  it('refuses a store from a newer Glossa still in rollback-journal mode, leaving every byte as it was', () => {
    // Switching to WAL rewrites the header, so this only passes if the version is read first.
    const file = rollbackModeDb(tempDir(), 'newer.sqlite', 99);
    const before = sha256(file);
    expect(errorCodeOf(() => openStore(file))).toBe('STORE_TOO_NEW');
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a damaged store in rollback-journal mode before switching it to WAL', () => {
    const file = rollbackModeDb(tempDir(), 'damaged.sqlite', latestSchemaVersion);
    const bytes = fs.readFileSync(file);
    bytes.fill(0xab, 4096, 4096 * 4);
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    expect(errorCodeOf(() => openStore(file))).toBe('STORE_CORRUPT');
    expect(sha256(file)).toBe(before);
  });

  it('refuses an SQLite file that is not a Glossa store (STORE_CORRUPT) and leaves it unchanged', () => {
    const file = rollbackModeDb(tempDir(), 'other-app.sqlite', 0);
    const before = sha256(file);
    let error: { code?: string; message?: string } = {};
    try {
      openStore(file).close();
    } catch (caught) {
      error = caught as typeof error;
    }
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.message).toContain('is not a Glossa store');
    expect(sha256(file)).toBe(before);
    // The other program's table is still there, and nothing of ours was added.
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all()).toEqual([
        'notes',
      ]);
    } finally {
      raw.close();
    }
  });

  it('opens an empty SQLite file (no tables, version 0) as a new store', () => {
    const file = path.join(tempDir(), 'empty.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 0');
    raw.exec('VACUUM'); // writes a header page, so the file is not zero bytes
    raw.close();
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const store = openStore(file);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    } finally {
      store.close();
    }
  });

  it('backs up a store before migrating it, then runs the new migration', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    const store = openStore(file, { migrations: [...schema1, migration2] });
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(2);
      expect(store.db.prepare('SELECT count(*) AS n FROM extra').get()).toEqual({ n: 1 });
      expect(store.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
        { version: 1, name: 'initial' },
        { version: 2, name: 'extra' },
      ]);
      expect(store.db.prepare('SELECT count(*) AS n FROM meta').get()).toEqual({ n: 500 });
    } finally {
      store.close();
    }
    const backups = fs.readdirSync(dir).filter((name) => name.endsWith('.backup'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^glossa\.sqlite\.v1-.+\.backup$/);
    const backup = new Database(path.join(dir, backups[0]!), { readonly: true });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.prepare('SELECT count(*) AS n FROM meta').get()).toEqual({ n: 500 });
      expect(backup.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'extra'").get()).toEqual({ n: 0 });
    } finally {
      backup.close();
    }
  });

  it('leaves the store at version 1 with its data when migration 2 fails part way', () => {
    const dir = tempDir();
    const file = makeStore(dir);
    const failing: Migration = {
      version: 2,
      name: 'broken',
      // The first statement succeeds; the second fails, so the first must be rolled back.
      up: `CREATE TABLE extra (x INTEGER); INSERT INTO extra VALUES (1); INSERT INTO no_such_table VALUES (1);`,
    };
    let message = '';
    try {
      openStore(file, { migrations: [...schema1, failing] }).close();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('no such table: no_such_table');
    expect(message).toContain('still at schema 1');
    expect(message).toContain('.backup');
    const store = openStore(file, { migrations: schema1 });
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(1);
      expect(store.db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'extra'").get()).toEqual({ n: 0 });
      expect(store.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 });
      expect(store.db.prepare('SELECT count(*) AS n FROM meta').get()).toEqual({ n: 500 });
    } finally {
      store.close();
    }
  });
});
