// Opens the SQLite store: checks it, migrates it, and refuses what it must not touch.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { backUpStore, listBackups, removePartialBackups, type BackupOptions } from './backups';
import { migrations as shippedMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { readOnlyRefusal, storeIsWritable, viewableCopy } from './read-only';
import { lockStore, type StoreLock } from './store-lock';
import { captureIfJoined } from './writers/sync-capture';

export type Db = Database.Database;

export interface Store {
  readonly db: Db;
  readonly path: string;
  /** Opened for viewing only (the file or its folder is not writable): every write is refused. */
  readonly readOnly: boolean;
  /**
   * The quick_check the open left for later (OpenStoreOptions.deferCheck), or false when the
   * store was checked before it opened. checkStoreInBackground runs it.
   */
  readonly checkPending: boolean;
  /** Runs fn in one transaction (BEGIN IMMEDIATE), so a multi-statement write is all or nothing. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface OpenStoreOptions {
  /** Path of a better-sqlite3 binary built for this runtime's ABI (the Electron build). */
  nativeBinding?: string;
  /**
   * Hold the store's lock (store-lock.ts) for as long as it is open, so that a second running
   * copy is told the store is in use instead of writing beside us. Default true.
   */
  exclusive?: boolean;
  /**
   * Open at once and leave the quick_check of an existing, current store for later
   * (checkStoreInBackground). The app does this, so
   * its window opens without reading the whole file first; the CLI checks before it opens.
   */
  deferCheck?: boolean;
  /** Open for viewing only even where the file is writable (the store's folder is shared read-only, say). */
  readOnly?: boolean;
}

/** Options for tests only; the app, the CLI and core.ts use OpenStoreOptions. */
interface InternalOpenStoreOptions extends OpenStoreOptions {
  /** The migrations to run, in order (default: the real list in ./migrations). */
  migrations?: readonly Migration[];
  /** Free bytes on the store's volume (default fs.statfs), so a full disk can be simulated. */
  freeBytes?: BackupOptions['freeBytes'];
}

const busyTimeoutMs = 2000;

export function openStore(path: string, options: InternalOpenStoreOptions = {}): Store {
  const migrations = options.migrations ?? shippedMigrations;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const existed = fs.existsSync(path) && fs.statSync(path).size > 0;
  const readOnly = options.readOnly === true || (existed && !storeIsWritable(path));
  let db: Db;
  // SQLite cannot read a WAL store in a folder it may not write (it needs its -shm file there),
  // so a read-only store is viewed through a private copy.
  const view = readOnly ? viewableCopy(path) : null;
  try {
    db = new Database(view?.path ?? path, { timeout: busyTimeoutMs, nativeBinding: options.nativeBinding, readonly: readOnly, fileMustExist: readOnly });
  } catch (error) {
    view?.remove();
    throw translateOpenError(error, path);
  }
  let checkPending = false;
  let lock: StoreLock | null = null;
  try {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (readOnly) {
      openReadOnly(db, path, current, latest);
    } else {
      const deferred = options.deferCheck === true && existed && current === latest && current > 0 && isWal(db);
      // The connection itself stays in shared locking, so the deferred check and the search
      // worker can read beside it; the lock file keeps a second copy of Glossa out.
      if (options.exclusive !== false) lock = lockStore(path, { nativeBinding: options.nativeBinding, timeoutMs: busyTimeoutMs });
      // Every check that may refuse the file runs before the first write (switching a store to
      // WAL rewrites its header), so a refused file is left byte for byte as it was.
      if (existed && !deferred) checkExisting(db, path, current, latest);
      checkPending = deferred;
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      // Every commit reaches the disk before the UI says "saved".
      db.pragma('synchronous = FULL');
      if (existed) removePartialBackups(path);
      migrate(db, path, current, migrations, { nativeBinding: options.nativeBinding, freeBytes: options.freeBytes });
      // A store in a team appends every write's change to its outbox (writers/sync-capture.ts).
      captureIfJoined(db);
    }
  } catch (error) {
    db.close();
    lock?.release();
    view?.remove();
    throw translateOpenError(error, path);
  }
  return {
    db,
    path,
    readOnly,
    checkPending,
    transaction: (fn) => {
      if (readOnly) throw readOnlyRefusal(path);
      return db.transaction(fn).immediate();
    },
    close: () => {
      db.close();
      lock?.release();
      view?.remove();
    },
  };
}

function isWal(db: Db): boolean {
  return db.pragma('journal_mode', { simple: true }) === 'wal';
}

/** A store that cannot be written opens for viewing if it needs no upgrade and passes its check. */
function openReadOnly(db: Db, path: string, current: number, latest: number): void {
  checkExisting(db, path, current, latest);
  if (current < latest) {
    throw new AppError(
      'STORE_READ_ONLY',
      `The Glossa store at ${path} cannot be written (the file or its folder is read-only), and this version ` +
        `of Glossa must upgrade it (schema ${current} to ${latest}) before opening it. It has not been changed. ` +
        'Make it writable, or open it with the version of Glossa that wrote it.',
    );
  }
  db.pragma('foreign_keys = ON');
}

/** Refuses a damaged store, one from a newer Glossa, and an SQLite file that is not a store. */
function checkExisting(db: Db, path: string, current: number, latest: number): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  if (rows.length !== 1 || rows[0]!.quick_check !== 'ok') {
    throw new AppError(
      'STORE_CORRUPT',
      `The Glossa store at ${path} is damaged (${rows[0]?.quick_check ?? 'no answer'}). ` +
        'It has not been changed. Restore it from a backup or move it aside to start a new one.',
    );
  }
  if (current > latest) {
    throw new AppError(
      'STORE_TOO_NEW',
      `The Glossa store at ${path} was written by a newer version of Glossa ` +
        `(schema ${current}; this version knows up to ${latest}). ` +
        'It has not been changed. Update Glossa to open it.',
    );
  }
  if (current === 0) {
    // Every migration sets user_version in the same transaction as its tables, so a file at
    // version 0 with tables in it was made by something else.
    const { n } = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
    if (n > 0) {
      throw new AppError(
        'STORE_CORRUPT',
        `The file at ${path} is an SQLite database but is not a Glossa store. It has not been changed. ` +
          'Choose another file, or move it aside to start a new store there.',
      );
    }
  }
}

/**
 * An upgrade runs one transaction per migration, so one stopped part-way leaves the store at a
 * version between. schema_upgrade, from the first step to the last, names the version it started
 * from: a retry then keeps the backup taken at that version instead of copying the store again.
 */
function markUpgradeFrom(db: Db, version: number): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_upgrade (from_version INTEGER NOT NULL)');
  if (db.prepare('SELECT 1 FROM schema_upgrade').get() === undefined) db.prepare('INSERT INTO schema_upgrade (from_version) VALUES (?)').run(version);
}

/** The backup for this upgrade: the one an upgrade stopped part-way took, else one at `current`. */
function upgradeBackup(db: Db, path: string, current: number, options: BackupOptions): string {
  const marked = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_upgrade'").get() !== undefined;
  const from = marked ? (db.prepare('SELECT from_version FROM schema_upgrade').pluck().get() as number | undefined) : undefined;
  const started = from === undefined ? undefined : listBackups(path).find((b) => b.version === from);
  return started?.path ?? backUpStore(db, path, current, options);
}

function migrate(db: Db, path: string, current: number, migrations: readonly Migration[], backupOptions: BackupOptions): void {
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  const backup = current > 0 ? upgradeBackup(db, path, current, backupOptions) : null;
  let reached = current;
  for (const [step, migration] of pending.entries()) {
    try {
      // The migration, its record and the version bump commit together or not at all.
      db.transaction(() => {
        db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
        if (step === 0) markUpgradeFrom(db, current);
        db.exec(migration.up);
        migration.run?.(db);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          new Date().toISOString(),
        );
        db.pragma(`user_version = ${migration.version}`);
        if (step === pending.length - 1) db.exec('DROP TABLE schema_upgrade');
      }).immediate();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw error;
      throw new AppError(
        'INTERNAL',
        `Could not upgrade the Glossa store at ${path} to schema ${migration.version} (${migration.name}): ` +
          `${(error as Error).message}. The store is still at schema ${reached} with its data as it was` +
          (backup ? `; a copy from before the upgrade is at ${backup}.` : '.'),
      );
    }
    reached = migration.version;
  }
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
  if (code.startsWith('SQLITE_READONLY')) return readOnlyRefusal(path);
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new AppError('STORE_LOCKED', `The Glossa store at ${path} cannot be opened for writing (${code}).`);
  }
  return new AppError('INTERNAL', `Could not open the Glossa store at ${path}: ${(error as Error).message}`);
}
