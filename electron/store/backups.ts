// Backups of the store taken before a migration changes it. A file named like a good backup
// (`<store>.v<N>-<time>.backup`) only ever exists complete: the copy is written under a
// partial name, checked with integrity_check, fsynced, and only then renamed. One backup per
// schema version: a retried migration reuses the good one instead of writing another copy (and
// an upgrade stopped between two of its steps reuses the one it started with: store.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Db } from './store';

const goodName = /^(?<base>.+)\.v(?<version>\d+)-(?<stamp>[^.]+)\.backup$/;
const partialMarker = '.backup-partial';

export interface BackupFile {
  path: string;
  /** The schema version of the store the copy was taken from. */
  version: number;
  /** When it was taken (ISO 8601, from its name). */
  takenAt: string;
  bytes: number;
}

export interface BackupOptions {
  /** Path of a better-sqlite3 binary for this runtime (the Electron build). */
  nativeBinding?: string;
  /** Free bytes on the volume holding dir; fs.statfs by default (tests pass a small answer). */
  freeBytes?: (dir: string) => number;
}

function systemFreeBytes(dir: string): number {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
}

/** Every good backup of the store at storePath, newest first. */
export function listBackups(storePath: string): BackupFile[] {
  const dir = path.dirname(storePath);
  const base = path.basename(storePath);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: BackupFile[] = [];
  for (const name of names) {
    const match = goodName.exec(name);
    if (!match || match.groups!.base !== base) continue;
    const full = path.join(dir, name);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    found.push({ path: full, version: Number(match.groups!.version), takenAt: stampToIso(match.groups!.stamp!), bytes: stat.size });
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.version - a.version);
}

function stampToIso(stamp: string): string {
  // 2026-11-30T16-54-42-123Z back to 2026-11-30T16:54:42.123Z
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : stamp;
}

/** Removes partial copies a killed migration left beside the store. */
export function removePartialBackups(storePath: string): void {
  const dir = path.dirname(storePath);
  const prefix = `${path.basename(storePath)}.v`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.includes(partialMarker)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Checks a copy of a store: integrity_check passes and it is at the expected schema version
 * (any version when expectedVersion is undefined). Returns what is wrong, or null.
 */
export function problemWithCopy(file: string, expectedVersion: number | undefined, nativeBinding?: string): string | null {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') return `integrity_check says: ${rows[0]?.integrity_check ?? 'no answer'}`;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) return 'it is not a Glossa store (schema version 0)';
    if (expectedVersion !== undefined && version !== expectedVersion) return `it is at schema ${version}, not ${expectedVersion}`;
    return null;
  } catch (error) {
    return `it cannot be read (${(error as Error).message})`;
  } finally {
    db?.close();
  }
}

/** Bytes a copy of the store needs: its used pages, plus room for SQLite's own work. */
function bytesNeeded(db: Db): number {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return Math.ceil((pages - free) * pageSize * 1.1) + 1024 * 1024;
}

/** Flushes a file, or a folder's entries after a rename, to disk (recovery.ts uses it too). */
export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The good backup of the store at `version`: the existing one if a previous attempt made it,
 * otherwise a new, checked copy. Throws NO_SPACE (nothing written) when the volume is too full.
 */
export function backUpStore(db: Db, storePath: string, version: number, options: BackupOptions = {}): string {
  removePartialBackups(storePath);
  const existing = listBackups(storePath).find((b) => b.version === version);
  if (existing) return existing.path;
  const dir = path.dirname(storePath);
  const needed = bytesNeeded(db);
  const free = (options.freeBytes ?? systemFreeBytes)(dir);
  if (free < needed) {
    throw new AppError(
      'NO_SPACE',
      `Glossa needs to upgrade its store at ${storePath} and first keeps a copy of it, which needs ` +
        `${formatBytes(needed)} free on that disk; only ${formatBytes(free)} is free. ` +
        'Nothing has been changed. Free some space and start Glossa again.',
    );
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${storePath}.v${version}-${stamp}.backup`;
  const partial = `${target}${partialMarker}-${process.pid}`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    const problem = problemWithCopy(partial, version, options.nativeBinding);
    if (problem) throw new AppError('INTERNAL', `The copy of the store taken before upgrading it failed its check: ${problem}.`);
    fsyncPath(partial);
    fs.renameSync(partial, target);
    fsyncPath(dir);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
      throw new AppError('NO_SPACE', `The disk holding ${storePath} filled up while Glossa copied the store before upgrading it. Nothing has been changed. Free some space and start Glossa again.`);
    }
    throw new AppError('INTERNAL', `Could not copy the store at ${storePath} before upgrading it: ${(error as Error).message}. Nothing has been changed.`);
  }
  return target;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
