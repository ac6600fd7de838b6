// Opens the SQLite store: checks it, migrates it, and refuses what it must not touch.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { latestSchemaVersion, migrations } from './migrations';

export type Db = Database.Database;

export interface Store {
  readonly db: Db;
  readonly path: string;
  /** Runs fn in one transaction (BEGIN IMMEDIATE), so a multi-statement write is all or nothing. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface OpenStoreOptions {
  /** Path of a better-sqlite3 binary built for this runtime's ABI (the Electron build). */
  nativeBinding?: string;
  /**
   * Hold the database lock for as long as the store is open, so that a second running copy
   * is told the store is in use instead of writing beside us. Default true.
   */
  exclusive?: boolean;
}

const busyTimeoutMs = 2000;

export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const existed = fs.existsSync(path) && fs.statSync(path).size > 0;
  let db: Db;
  try {
    db = new Database(path, { timeout: busyTimeoutMs, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw translateOpenError(error, path);
  }
  try {
    if (options.exclusive !== false) db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Every commit reaches the disk before the UI says "saved".
    db.pragma('synchronous = FULL');
    if (existed) checkIntegrity(db, path);
    migrate(db, path, existed);
  } catch (error) {
    db.close();
    throw translateOpenError(error, path);
  }
  return {
    db,
    path,
    transaction: (fn) => db.transaction(fn).immediate(),
    close: () => db.close(),
  };
}

function checkIntegrity(db: Db, path: string): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  if (rows.length !== 1 || rows[0]!.quick_check !== 'ok') {
    throw new AppError(
      'STORE_CORRUPT',
      `The Glossa store at ${path} is damaged (${rows[0]?.quick_check ?? 'no answer'}). ` +
        'It has not been changed. Restore it from a backup or move it aside to start a new one.',
    );
  }
}

function migrate(db: Db, path: string, existed: boolean): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestSchemaVersion) {
    throw new AppError(
      'STORE_TOO_NEW',
      `The Glossa store at ${path} was written by a newer version of Glossa ` +
        `(schema ${current}; this version knows up to ${latestSchemaVersion}). ` +
        'It has not been changed. Update Glossa to open it.',
    );
  }
  if (current === latestSchemaVersion) return;
  if (existed && current > 0) backUp(db, path, current);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.up);
      record.run(migration.version, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

/** Copies the store beside itself before a migration changes it. */
function backUp(db: Db, path: string, version: number): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${path}.v${version}-${stamp}.backup`;
  db.prepare('VACUUM INTO ?').run(target);
}

function translateOpenError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError(
      'STORE_LOCKED',
      `The Glossa store at ${path} is in use by another running copy of Glossa. ` +
        'Close that copy (or finish its command) and try again.',
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError(
      'STORE_CORRUPT',
      `The file at ${path} is not a readable Glossa store. It has not been changed. ` +
        'Move it aside or choose another store.',
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new AppError('STORE_LOCKED', `The Glossa store at ${path} cannot be opened for writing (${code}).`);
  }
  return new AppError('INTERNAL', `Could not open the Glossa store at ${path}: ${(error as Error).message}`);
}
