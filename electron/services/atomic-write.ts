// Writes a file so that readers see either the old file or the whole new one: a temp file in
// the same folder, fsync, then rename over the target. On failure the temp file is removed
// and the target is left as it was.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

const flushAt = 1 << 20;

export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes the chunks to target atomically; throws EXPORT_FAILED naming the path and the reason. */
export function writeFileAtomic(target: string, chunks: Iterable<string>): void {
  const temp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx');
    let pending: string[] = [];
    let pendingLength = 0;
    for (const chunk of chunks) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= flushAt) {
        writeAll(fd, pending.join(''));
        pending = [];
        pendingLength = 0;
      }
    }
    writeAll(fd, pending.join(''));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp);
    if (error instanceof AppError) throw error;
    throw new AppError('EXPORT_FAILED', `Could not write ${target}: ${describeOsError(error)}. Nothing was changed.`);
  }
  syncFolder(path.dirname(target));
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
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
    // nothing more can be done; the original error is the one to report
  }
}

/** Makes the rename itself durable where the platform allows it (not on Windows). */
function syncFolder(folder: string): void {
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
};

function describeOsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && reasons[code]) return `${reasons[code]} (${code})`;
  return (error as Error).message ?? String(error);
}
