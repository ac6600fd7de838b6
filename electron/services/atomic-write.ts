// Writes an export file so that readers see either the old file or the whole new one: a
// journaled temp file in the same folder, fsync, then rename over the checked target (a
// symlink's target, never the link; keeping the old file's mode). On failure the temp file is
// removed and the target is left as it was. Standard output is written directly.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { FileTarget, StdoutTarget } from './export-target/resolve';
import { recordTemp, tempNameFor } from './export-target/temp-journal';

const flushAt = 1 << 20;

/** Writes the chunks to target atomically; throws EXPORT_FAILED naming the path and the reason. */
export function writeFileAtomic(target: FileTarget | StdoutTarget, chunks: Iterable<string | Uint8Array>): void {
  if (target.kind === 'stdout') {
    for (const chunk of chunks) writeAll(1, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    return;
  }
  const temp = tempNameFor(target.writePath);
  const journal = recordTemp(target.journal, temp);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', target.mode ?? 0o666);
    let pending: (string | Uint8Array)[] = [];
    let pendingLength = 0;
    for (const chunk of chunks) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= flushAt) {
        writeAll(fd, joined(pending));
        pending = [];
        pendingLength = 0;
      }
    }
    writeAll(fd, joined(pending));
    // open's mode is cut by the umask; the old file's mode is kept exactly.
    if (target.mode !== null) fs.fchmodSync(fd, target.mode);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target.writePath);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp);
    if (error instanceof AppError) throw error;
    throw new AppError('EXPORT_FAILED', `Could not write ${target.named}: ${describeOsError(error)}. Nothing was changed.`);
  } finally {
    journal.done();
  }
  syncFolder(path.dirname(target.writePath));
}

/** Writes bytes to target atomically (temp file, fsync, rename). */
export function writeBytesAtomic(target: FileTarget | StdoutTarget, bytes: Uint8Array): void {
  writeFileAtomic(target, [bytes]);
}

function joined(parts: (string | Uint8Array)[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) {
    try {
      written += fs.writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      // A non-blocking pipe on standard output that is full: wait for the reader.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      sleep(5);
    }
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already failing; the original error is the one to report
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // nothing more can be done; the journal removes it at the next start
  }
}

/** Makes the rename itself durable where the platform allows it (not on Windows). */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort: the data is already written and renamed
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

const reasons: Readonly<Record<string, string>> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'a folder with that name is in the way',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is in use',
  EPIPE: 'the reader of standard output has gone',
};

function describeOsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && reasons[code]) return `${reasons[code]} (${code})`;
  return (error as Error).message ?? String(error);
}
