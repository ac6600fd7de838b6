// Writes a folder export (brat) to a checked FolderTarget. The files are first written into a
// journaled temp folder beside it; then either the temp folder becomes the new folder (one
// rename), or, into an existing folder, each file is renamed into place, the previous export's
// files that are no longer written are removed, and the marker goes last. Nothing else in the
// folder is ever removed or overwritten.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { syncFolder } from '../atomic-write';
import { markerJson, markerName } from './marker';
import { refuseStoreFile, storeFilesOf } from './protected-paths';
import type { FolderTarget } from './resolve';
import { recordTemp, tempNameFor } from './temp-journal';

interface FolderExport {
  format: string;
  appVersion: string;
  writtenAt: string;
}

function removeTempFolder(temp: string): void {
  try {
    for (const name of fs.readdirSync(temp)) fs.rmSync(path.join(temp, name), { force: true });
    fs.rmdirSync(temp);
  } catch {
    // already failing or already gone; the journal removes what is left at the next start
  }
}

function moveInto(target: FolderTarget, temp: string, written: string[]): void {
  const previous = new Set(target.previousFiles);
  const store = storeFilesOf(target.storePath);
  for (const name of written) {
    const destination = path.join(target.folder, name);
    let existing: fs.Stats | undefined;
    try {
      existing = fs.lstatSync(destination);
    } catch {
      // free
    }
    if (existing && (!previous.has(name) || !existing.isFile())) {
      throw new AppError('EXPORT_FAILED', `Could not write ${target.named}: it already holds ${name}, which the previous export did not write. Move it away or choose another folder. Nothing was changed.`);
    }
    refuseStoreFile(store, destination, target.named, existing);
  }
  try {
    for (const name of [...written, markerName]) fs.renameSync(path.join(temp, name), path.join(target.folder, name));
  } catch (error) {
    throw new AppError('EXPORT_FAILED', `Could not finish writing ${target.named}: ${(error as Error).message}. It may hold part of the new export and part of the previous one; export again. Nothing else in the folder was touched.`);
  }
  const kept = new Set(written);
  for (const name of target.previousFiles) {
    if (kept.has(name)) continue;
    const old = path.join(target.folder, name);
    try {
      if (fs.lstatSync(old).isFile()) {
        refuseStoreFile(store, old, target.named, fs.statSync(old));
        fs.unlinkSync(old);
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      // already gone
    }
  }
}

/** fill writes the export's files (plain files, no subfolders) into the folder it is given. */
export function writeExportFolder(target: FolderTarget, about: FolderExport, fill: (folder: string) => void): string {
  const temp = tempNameFor(target.mode === 'create' ? target.folder : path.join(target.folder, 'export'));
  const journal = recordTemp(target.journal, temp);
  try {
    try {
      fs.mkdirSync(temp);
    } catch (error) {
      throw new AppError('EXPORT_FAILED', `Could not write ${target.named}: ${(error as Error).message}. Nothing was changed.`);
    }
    try {
      fill(temp);
      const written = fs.readdirSync(temp).filter((name) => name !== markerName);
      fs.writeFileSync(path.join(temp, markerName), markerJson({ glossaExport: 1, ...about, files: written }));
      if (target.mode === 'create') fs.renameSync(temp, target.folder);
      else moveInto(target, temp, written);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('EXPORT_FAILED', `Could not write ${target.named}: ${(error as Error).message}. Nothing was changed.`);
    } finally {
      if (fs.existsSync(temp)) removeTempFolder(temp);
    }
    syncFolder(path.dirname(target.folder));
    return target.folder;
  } finally {
    journal.done();
  }
}
