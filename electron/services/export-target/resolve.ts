// Resolves and checks the file or folder an export was asked to write, before anything is
// written. Writers take only the targets made here (see atomic-write.ts and folder-export.ts),
// so no export can write a path that was not checked.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { refuseStoreFile, storeFilesOf } from './protected-paths';
import { readMarker, type ExportMarker } from './marker';
import { journalFolderOf } from './temp-journal';

/** A checked file target: writePath is where the bytes go (a symlink's target, never the link). */
export interface FileTarget {
  readonly kind: 'file';
  /** The path as named, for messages and results. */
  readonly named: string;
  readonly writePath: string;
  /** The existing file's permission bits, kept by the new file; null for a new file. */
  readonly mode: number | null;
  /** The temp journal beside the store. */
  readonly journal: string;
  readonly storePath: string;
}

/** Standard output (the CLI's `-`): written directly, never through a file. */
export interface StdoutTarget {
  readonly kind: 'stdout';
  readonly named: '-';
}

/** A checked folder target (brat). */
export interface FolderTarget {
  readonly kind: 'folder';
  readonly named: string;
  /** The folder the export's files go into (a new subfolder when the named one was the user's). */
  readonly folder: string;
  /** 'create': folder does not exist yet; 'into': it exists and is empty or a previous export being replaced. */
  readonly mode: 'create' | 'into';
  /** Files the previous export wrote (from its marker), which this one replaces. */
  readonly previousFiles: readonly string[];
  readonly journal: string;
  readonly storePath: string;
}

export type ExportTarget = FileTarget | StdoutTarget | FolderTarget;

const fail = (message: string) => new AppError('EXPORT_FAILED', `${message} Nothing was changed.`);

/** The file or folder a symlink chain ends at (which may not exist yet); refuses loops. */
function followLinks(start: string): string {
  let at = start;
  for (let hops = 0; hops < 40; hops++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(at);
    } catch {
      return at;
    }
    if (!st.isSymbolicLink()) return at;
    let folder: string;
    try {
      folder = fs.realpathSync(path.dirname(at));
    } catch {
      throw fail(`Could not write ${start}: it is a link into a folder that does not exist.`);
    }
    at = path.resolve(folder, fs.readlinkSync(at));
  }
  throw fail(`Could not write ${start}: it is a link that leads round in a loop.`);
}

function kindOf(st: fs.Stats): string | null {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return null;
}

/** Read-only by its permission bits or for this user (root passes access(), not the bits). */
function isReadOnly(file: string, st: fs.Stats): boolean {
  if ((st.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** The real folder that will hold writePath; refuses a missing or read-only one. */
function realParent(writePath: string, named: string): string {
  const parent = path.dirname(writePath);
  let real: string;
  let st: fs.Stats;
  try {
    real = fs.realpathSync(parent);
    st = fs.statSync(real);
  } catch {
    throw fail(`Could not write ${named}: the folder ${parent} does not exist.`);
  }
  if (!st.isDirectory()) throw fail(`Could not write ${named}: ${parent} is a file, not a folder (ENOTDIR).`);
  if (isReadOnly(real, st)) throw fail(`Could not write ${named}: the folder ${real} is read-only.`);
  return real;
}

/** Checks a file target: never the store, a device, a FIFO, a socket, a folder or a read-only file. */
export function resolveFileTarget(storePath: string, named: string): FileTarget {
  const absolute = path.resolve(named);
  const followed = followLinks(absolute);
  const writePath = path.join(realParent(followed, named), path.basename(followed));
  const via = followed === absolute ? '' : ` (a link to ${writePath})`;
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(writePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fail(`Could not write ${named}${via}: ${(error as Error).message}.`);
  }
  refuseStoreFile(storeFilesOf(storePath), writePath, named, existing);
  if (existing) {
    const special = kindOf(existing);
    if (special) throw fail(`Glossa will not write an export to ${named}${via}: it is ${special}, not a file.`);
    if (existing.isDirectory()) throw fail(`Could not write ${named}${via}: a folder with that name is in the way.`);
    if (isReadOnly(writePath, existing)) throw fail(`Could not write ${named}${via}: the file is read-only. Make it writable or choose another name.`);
  }
  return { kind: 'file', named, writePath, mode: existing ? existing.mode & 0o7777 : null, journal: journalFolderOf(storePath), storePath };
}

/** A previous Glossa export in this folder, waiting for the user's confirmation to be replaced. */
export class ReplaceNeedsConfirmation extends AppError {
  constructor(
    readonly folder: string,
    readonly marker: ExportMarker,
  ) {
    super(
      'EXPORT_FAILED',
      `${folder} holds a previous Glossa ${marker.format} export (${marker.files.length} files, written ${marker.writtenAt.slice(0, 10)}). ` +
        'Replace it to remove only the files that export wrote; nothing else in the folder is touched. Nothing was changed.',
    );
  }
}

function uniqueChild(folder: string, name: string): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, n === 1 ? name : `${name}-${n}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/**
 * Checks a folder target. A new folder is created; an empty folder is written into; a previous
 * Glossa export (its marker) is replaced only when replace is true (else ReplaceNeedsConfirmation);
 * any other existing folder gets a new subfolder named subfolderName.
 */
export function resolveFolderTarget(storePath: string, named: string, options: { replace: boolean; subfolderName: string }): FolderTarget {
  const followed = followLinks(path.resolve(named));
  const base = { kind: 'folder' as const, named, previousFiles: [] as string[], journal: journalFolderOf(storePath), storePath };
  const files = storeFilesOf(storePath);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(followed);
  } catch {
    // a new folder
  }
  if (!st) {
    const folder = path.join(realParent(followed, named), path.basename(followed));
    refuseStoreFile(files, folder, named);
    return { ...base, folder, mode: 'create' };
  }
  const special = kindOf(st);
  if (special) throw fail(`Glossa will not write an export to ${named}: it is ${special}, not a folder.`);
  if (!st.isDirectory()) {
    refuseStoreFile(files, followed, named, st);
    throw fail(`Could not write ${named}: a file with that name is in the way (this format writes a folder).`);
  }
  const folder = fs.realpathSync(followed);
  if (isReadOnly(folder, st)) throw fail(`Could not write ${named}: the folder is read-only.`);
  const marker = readMarker(folder);
  if (marker) {
    if (!options.replace) throw new ReplaceNeedsConfirmation(folder, marker);
    return { ...base, folder, mode: 'into', previousFiles: marker.files };
  }
  if (fs.readdirSync(folder).length === 0) return { ...base, folder, mode: 'into' };
  return { ...base, folder: uniqueChild(folder, options.subfolderName), mode: 'create' };
}

export const stdoutTarget: StdoutTarget = { kind: 'stdout', named: '-' };

/** A file format's target (a folder target here is a bug in the caller). */
export function asFileTarget(target: ExportTarget): FileTarget | StdoutTarget {
  if (target.kind === 'folder') throw new AppError('INTERNAL', `This format writes a file, not the folder ${target.named}.`);
  return target;
}

export function asFolderTarget(target: ExportTarget): FolderTarget {
  if (target.kind !== 'folder') throw new AppError('INTERNAL', `This format writes a folder, which cannot go to ${target.named}.`);
  return target;
}

/** Where the export went, for results and messages. */
export function writtenPath(target: ExportTarget): string {
  return target.kind === 'folder' ? target.folder : target.kind === 'file' ? path.resolve(target.named) : '-';
}
