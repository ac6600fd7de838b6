// The files an export may never write or remove: the store, its -wal, -shm, -journal and -lock, its
// backups (`<store>.v<N>-<time>.backup` and any other `<store>.…backup…` name), and the export
// temp journal. Compared by real path and, for files that exist, by device and inode (hard links).
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export interface StoreFiles {
  /** The store's real folder and file name. */
  folder: string;
  base: string;
  /** Device and inode of the store and its companions that exist now. */
  identities: { dev: number; ino: number }[];
}

const companions = ['', '-wal', '-shm', '-journal', '-lock'];

function realOrResolved(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

export function storeFilesOf(storePath: string): StoreFiles {
  const real = realOrResolved(storePath);
  const identities: StoreFiles['identities'] = [];
  for (const suffix of companions) {
    try {
      const st = fs.statSync(real + suffix);
      identities.push({ dev: st.dev, ino: st.ino });
    } catch {
      // not there now
    }
  }
  return { folder: path.dirname(real), base: path.basename(real), identities };
}

/** Whether a file name in the store's folder belongs to the store (on case-insensitive disks too). */
function isStoreName(files: StoreFiles, name: string): boolean {
  const fold = (s: string) => (process.platform === 'linux' ? s : s.toLowerCase());
  const n = fold(name);
  const base = fold(files.base);
  if (companions.some((suffix) => n === base + suffix)) return true;
  if (n.startsWith(`.${base}.export-temps`)) return true;
  return n.startsWith(base + '.') && n.includes('backup');
}

/**
 * Throws EXPORT_FAILED when writePath (a real path: its folder resolved, no link left) is the
 * store or one of its companions. `named` is the path as the user gave it, for the message.
 */
export function refuseStoreFile(files: StoreFiles, writePath: string, named: string, existing?: fs.Stats): void {
  const sameFolder = process.platform === 'linux' ? path.dirname(writePath) === files.folder : path.dirname(writePath).toLowerCase() === files.folder.toLowerCase();
  const sameFile = existing !== undefined && files.identities.some((id) => id.dev === existing.dev && id.ino === existing.ino);
  if (sameFile || (sameFolder && isStoreName(files, path.basename(writePath)))) {
    throw new AppError('EXPORT_FAILED', `Glossa will not write an export to ${named}: it is the library's own store (or its journal or a backup of it). Choose another name. Nothing was changed.`);
  }
}
