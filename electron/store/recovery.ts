// The ways out of a damaged store: put a good backup in its place, or move it aside and start
// a new one. The damaged store is never deleted: it is renamed beside itself with its -wal and
// -shm, so nothing in it is lost for good.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { fsyncPath, problemWithCopy } from './backups';
import { storeIsLocked } from './store-lock';

const sidecars = ['', '-wal', '-shm'] as const;

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * Renames the store (with its -wal and -shm) to `<store>.damaged-<time>` and returns that
 * path, or null when there was no store file to move.
 */
export function moveStoreAside(storePath: string): string | null {
  if (!fs.existsSync(storePath)) return null;
  const aside = `${storePath}.damaged-${stamp()}`;
  for (const suffix of sidecars) {
    if (fs.existsSync(storePath + suffix)) fs.renameSync(storePath + suffix, aside + suffix);
  }
  fsyncPath(path.dirname(storePath));
  return aside;
}

/** Refuses (STORE_LOCKED) when another running Glossa holds the store, which must not move under it. */
export function assertStoreNotInUse(storePath: string, nativeBinding?: string): void {
  if (!fs.existsSync(storePath)) return;
  if (storeIsLocked(storePath, nativeBinding)) {
    throw new AppError('STORE_LOCKED', `The Glossa store at ${storePath} is in use by a running copy of Glossa. Close it and try again. Nothing has been changed.`);
  }
}

export interface RestoreOptions {
  nativeBinding?: string;
  /** The newest schema this Glossa knows: a backup from a newer Glossa is refused. */
  latestVersion: number;
}

/**
 * Checks the backup (integrity_check, a Glossa schema this version can open), moves the current
 * store aside, and copies the backup into its place (to a partial name, fsynced, renamed).
 * A backup that fails its check is refused and nothing is changed.
 */
export function restoreFromBackup(storePath: string, backupPath: string, options: RestoreOptions): { movedAsideTo: string | null } {
  const source = path.resolve(backupPath);
  if (source === path.resolve(storePath)) throw new AppError('INVALID_ARGS', 'The file to restore from is the store itself; choose a backup.');
  const stat = fs.statSync(source, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new AppError('NOT_FOUND', `No backup file at ${source}.`);
  const problem = problemWithCopy(source, undefined, options.nativeBinding);
  if (problem) {
    throw new AppError('STORE_CORRUPT', `The backup ${source} cannot be restored: ${problem}. Nothing has been changed.`);
  }
  const version = versionOf(source, options.nativeBinding);
  if (version > options.latestVersion) {
    throw new AppError(
      'STORE_TOO_NEW',
      `The backup ${source} was written by a newer version of Glossa (schema ${version}; this version knows up to ${options.latestVersion}). Nothing has been changed.`,
    );
  }
  assertStoreNotInUse(storePath, options.nativeBinding);
  const partial = `${storePath}.restoring-partial-${process.pid}`;
  try {
    fs.copyFileSync(source, partial);
    fsyncPath(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new AppError('INTERNAL', `Could not copy the backup ${source} beside the store: ${(error as Error).message}. Nothing has been changed.`);
  }
  const movedAsideTo = moveStoreAside(storePath);
  fs.renameSync(partial, storePath);
  fsyncPath(path.dirname(storePath));
  return { movedAsideTo };
}

function versionOf(file: string, nativeBinding?: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}
