// A store Glossa may read but not write: the file, or the folder its WAL and SHM files live in,
// is not writable. It opens for viewing; every write is refused with one clear message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/** True when the store file and its folder (where SQLite keeps its -wal and -shm) are writable. */
export function storeIsWritable(storePath: string): boolean {
  try {
    fs.accessSync(storePath, fs.constants.W_OK);
    fs.accessSync(path.dirname(storePath), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function readOnlyRefusal(storePath: string): AppError {
  return new AppError(
    'STORE_READ_ONLY',
    `The Glossa store at ${storePath} is open for viewing only: the file or its folder is read-only, so nothing can be changed. ` +
      'Make it writable (or copy it somewhere writable) and open it again to make changes.',
  );
}

/** SQLite's answer to a write on a read-only connection, as the message above; other errors as they are. */
export function asReadOnlyRefusal(error: unknown, storePath: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY') ? readOnlyRefusal(storePath) : error;
}

/**
 * The store (with its -wal, which may hold the last commits) copied to a private folder, where
 * SQLite can keep the -shm it needs to read a WAL store; remove() deletes the copy.
 */
export function viewableCopy(storePath: string): { path: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-view-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const copy = path.join(dir, path.basename(storePath));
    fs.copyFileSync(storePath, copy);
    if (fs.existsSync(`${storePath}-wal`)) fs.copyFileSync(`${storePath}-wal`, `${copy}-wal`);
    return { path: copy, remove };
  } catch (error) {
    remove();
    throw new AppError('STORE_READ_ONLY', `The Glossa store at ${storePath} is read-only and could not be read for viewing: ${(error as Error).message}`);
  }
}
