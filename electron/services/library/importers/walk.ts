// Turns the paths an analyst chose or dropped into the files to import: folders are walked
// recursively (hidden files and folders skipped), files of other types inside folders are
// listed as skipped, and entries that cannot be read are reported, not fatal. A link inside a
// chosen folder is followed only to a file inside that folder. Every file is handed on by its
// real path, which the worker opens without following links (parse.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../../safe-read';
import { formatOfName, maxFilesPerImport, unsupportedMessage } from './limits';

interface FoundFile {
  path: string;
  /** The file's name, or its path from the chosen folder's name ("briefs/2025/a.pdf"). */
  fileName: string;
}

interface WalkResult {
  files: FoundFile[];
  failed: { fileName: string; reason: string }[];
  skipped: { fileName: string; reason: string }[];
}

const isHidden = (name: string) => name.startsWith('.');

function display(rel: string): string {
  return rel.split(path.sep).join('/');
}

export async function expandPaths(paths: readonly string[], isCancelled: () => boolean = () => false): Promise<WalkResult> {
  const result: WalkResult = { files: [], failed: [], skipped: [] };
  const tooMany = () => result.files.length >= maxFilesPerImport;

  const walk = async (root: string, dir: string, rel: string, depth: number): Promise<void> => {
    if (isCancelled()) return;
    if (depth > 64) {
      result.failed.push({ fileName: display(rel), reason: `${display(rel)} is nested too deeply (more than 64 folders); it was not read.` });
      return;
    }
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      result.failed.push({ fileName: display(rel), reason: `The folder ${display(rel)} could not be read: ${(error as Error).message}` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (isHidden(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const childRel = path.join(rel, entry.name);
      const name = display(childRel);
      if (entry.isDirectory()) {
        await walk(root, full, childRel, depth + 1);
        continue;
      }
      let real = full;
      if (entry.isSymbolicLink()) {
        let target;
        try {
          real = await fs.realpath(full);
          target = await fs.stat(real);
        } catch {
          result.failed.push({ fileName: name, reason: `${name} could not be read: it is a link to something that does not exist.` });
          continue;
        }
        if (!isInside(root, real)) {
          result.skipped.push({ fileName: name, reason: `${name} is a link to something outside the chosen folder; links are followed only inside it.` });
          continue;
        }
        if (target.isDirectory()) {
          // Links to folders can loop; the analyst can choose that folder itself.
          result.skipped.push({ fileName: name, reason: `${name} is a link to a folder; links to folders are not followed.` });
          continue;
        }
      }
      if (!formatOfName(entry.name)) {
        result.skipped.push({ fileName: name, reason: unsupportedMessage(name) });
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) {
        result.failed.push({ fileName: name, reason: `${name} is not a regular file (it is a device, pipe or socket).` });
        continue;
      }
      if (tooMany()) {
        result.failed.push({ fileName: name, reason: `Glossa imports at most ${maxFilesPerImport.toLocaleString('en')} files at once; ${name} and the files after it were not read.` });
        return;
      }
      result.files.push({ path: real, fileName: name });
    }
  };

  for (const chosen of paths) {
    if (isCancelled()) break;
    const base = path.basename(chosen);
    let stat;
    let real;
    try {
      // The user chose this path (a link too): it is read where it really is.
      real = await fs.realpath(chosen);
      stat = await fs.stat(real);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? `${base} could not be read: it does not exist (or is a link to nothing).` : `${base} could not be read: ${(error as Error).message}`;
      result.failed.push({ fileName: base, reason });
      continue;
    }
    if (stat.isDirectory()) {
      await walk(real, real, base, 0);
    } else if (tooMany()) {
      result.failed.push({ fileName: base, reason: `Glossa imports at most ${maxFilesPerImport.toLocaleString('en')} files at once; ${base} was not read.` });
    } else {
      // A file chosen by name is tried whatever its type, so its failure says why.
      result.files.push({ path: real, fileName: base });
    }
  }
  return result;
}
