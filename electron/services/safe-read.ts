// Reading a file the user granted, safely: lstat before anything is opened, regular files only
// (a device, FIFO or socket is refused without blocking: the file is opened with O_NONBLOCK and
// checked again with fstat), a size limit checked before reading and while reading, links
// followed only inside the folder the user chose, and reads on libuv's thread pool so the main
// process keeps answering. Messages name the file, never its content.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/errors';

export interface SafeReadOptions {
  /** The most bytes to read; a larger file is refused before it is read. */
  limit: number;
  /** What messages call the file (its name, or its path from the chosen folder). */
  name: string;
  /**
   * The real path of the folder the user chose, when the file was found by walking it: a link
   * is followed only to a target inside it.
   */
  within?: string;
  /** Says how big a file may be, for the "too large" message. */
  tooLarge?: (size: number) => string;
}

const nonBlocking = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

function refused(message: string): AppError {
  return new AppError('IMPORT_FAILED', `${message} Nothing was imported.`);
}

/** Why a file could not be opened or read, without quoting anything from it. */
export function fsReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'it does not exist (or is a link to nothing)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ELOOP':
      return 'it is a link that points back to itself';
    case 'EAGAIN':
    case 'EWOULDBLOCK':
      return 'it is not a regular file (it would block)';
    default:
      return `the system said ${(error as NodeJS.ErrnoException).code ?? 'it could not be read'}`;
  }
}

/** Whether child is folder itself or inside it (both real, absolute paths). */
export function isInside(folder: string, child: string): boolean {
  const rel = path.relative(folder, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function sizeMessage(name: string, size: number, options: SafeReadOptions): string {
  if (options.tooLarge) return options.tooLarge(size);
  const mb = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${Math.round(n / 1024 ** 2)} MB`);
  return `${name} is ${mb(size)}; Glossa imports files up to ${mb(options.limit)}. Split it and import the parts.`;
}

/**
 * Where a granted file really is, checked: a regular file (or, inside a chosen folder, a link to
 * one that stays inside it). Throws IMPORT_FAILED saying why not.
 */
export async function checkedTarget(file: string, options: Pick<SafeReadOptions, 'name' | 'within'>): Promise<string> {
  const { name, within } = options;
  let link: fs.Stats;
  try {
    link = await fsp.lstat(file);
  } catch (error) {
    throw refused(`Could not read ${name}: ${fsReason(error)}.`);
  }
  let target = file;
  if (link.isSymbolicLink()) {
    try {
      target = await fsp.realpath(file);
    } catch (error) {
      throw refused(`Could not read ${name}: ${fsReason(error)}.`);
    }
    if (within !== undefined && !isInside(within, target)) {
      throw refused(`${name} is a link to a file outside the chosen folder; links are followed only inside it.`);
    }
    try {
      link = await fsp.lstat(target);
    } catch (error) {
      throw refused(`Could not read ${name}: ${fsReason(error)}.`);
    }
  }
  if (link.isDirectory()) throw refused(`${name} is a folder; choose a file.`);
  if (!link.isFile()) throw refused(`${name} is not a regular file (it is a device, pipe or socket).`);
  return target;
}

/** The bytes of a granted file, read safely (see the top of this file). */
export async function readGrantedFile(file: string, options: SafeReadOptions): Promise<Buffer> {
  const { name, limit } = options;
  const target = await checkedTarget(file, options);
  let handle: fsp.FileHandle;
  try {
    // O_NOFOLLOW: the path checked above is the one opened, not a link swapped in since.
    handle = await fsp.open(target, nonBlocking | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    throw refused(`Could not read ${name}: ${fsReason(error)}.`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw refused(`${name} is not a regular file (it is a device, pipe or socket).`);
    if (stat.size > limit) throw refused(sizeMessage(name, stat.size, options));
    // One byte more than the size, to see a file that grows while it is read.
    const buffer = Buffer.alloc(Math.min(limit, stat.size) + 1);
    let read = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read === buffer.length) throw refused(`${name} changed while it was read; try again.`);
    }
    return buffer.subarray(0, read);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refused(`Could not read ${name}: ${fsReason(error)}.`);
  } finally {
    await handle.close();
  }
}

/** The real path of a folder the user chose; IMPORT_FAILED when it is not a folder. */
export async function chosenFolder(folder: string, name: string): Promise<string> {
  try {
    const real = await fsp.realpath(folder);
    if (!(await fsp.stat(real)).isDirectory()) throw refused(`${name} is not a folder.`);
    return real;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refused(`Could not read ${name}: ${fsReason(error)}.`);
  }
}
