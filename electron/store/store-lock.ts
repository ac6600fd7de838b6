// Which running copy of Glossa owns a store. The store's own connection stays in shared (WAL)
// locking, so the search worker can read beside it on a connection of its own; the "one copy at
// a time" rule is kept by an exclusive lock on a sidecar file, `<store>-lock`, which is a tiny
// SQLite file locked the way SQLite locks (POSIX advisory locks on Unix, LockFileEx on Windows):
// another process, or another connection in this one, is refused; the operating system drops
// the lock when the holder exits or crashes, so a stale lock cannot outlive its process.
import fs from 'node:fs';
import Database from 'better-sqlite3';

export interface StoreLock {
  release(): void;
}

export function lockPathOf(storePath: string): string {
  return `${storePath}-lock`;
}

interface LockOptions {
  nativeBinding?: string;
  timeoutMs?: number;
}

function tryLock(lockPath: string, options: LockOptions): StoreLock {
  const db = new Database(lockPath, { timeout: options.timeoutMs ?? 500, nativeBinding: options.nativeBinding });
  try {
    // The file holds no data, so its journal stays in memory (on disk, exclusive mode would leave
    // a -lock-journal beside the store). Set before the lock: SQLite ignores it afterwards.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    // An exclusive transaction takes the file's write lock; in EXCLUSIVE locking mode the
    // commit keeps it until the connection closes.
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    db.close();
    throw error;
  }
  return { release: () => db.close() };
}

/** Takes the store's lock, or throws SQLITE_BUSY when another copy holds it. */
export function lockStore(storePath: string, options: LockOptions = {}): StoreLock {
  const lockPath = lockPathOf(storePath);
  try {
    return tryLock(lockPath, options);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    // The lock file holds no data; one that is not an SQLite file (overwritten by hand) is
    // replaced, since nobody can hold an SQLite lock on it.
    if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT') throw error;
    fs.rmSync(lockPath, { force: true });
    return tryLock(lockPath, options);
  }
}

/** True when a running copy of Glossa holds the store (its lock file is locked). */
export function storeIsLocked(storePath: string, nativeBinding?: string): boolean {
  let lock: StoreLock;
  try {
    lock = lockStore(storePath, { nativeBinding, timeoutMs: 200 });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
  }
  lock.release();
  return false;
}
