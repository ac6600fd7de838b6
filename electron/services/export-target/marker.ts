// The marker Glossa writes into every folder it exports (`.glossa-export.json`): which format,
// which Glossa, when, and the files it wrote. A folder is replaced only if it holds one, and
// then only the files listed there (plain names in that folder) are removed.
import fs from 'node:fs';
import path from 'node:path';

export const markerName = '.glossa-export.json';

export interface ExportMarker {
  glossaExport: 1;
  format: string;
  appVersion: string;
  writtenAt: string;
  files: string[];
}

/** A plain file name inside the folder: no separators, not . or .., not the marker itself. */
function isPlainName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && name !== '.' && name !== '..' && name !== markerName && !/[/\\\0]/.test(name) && name.length <= 255;
}

/** The folder's marker, or null when it has none (or one Glossa did not write). */
export function readMarker(folder: string): ExportMarker | null {
  let raw: unknown;
  try {
    const file = path.join(folder, markerName);
    if (!fs.lstatSync(file).isFile()) return null;
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const m = raw as Partial<ExportMarker> | null;
  if (!m || m.glossaExport !== 1 || typeof m.format !== 'string' || !Array.isArray(m.files)) return null;
  return {
    glossaExport: 1,
    format: m.format,
    appVersion: typeof m.appVersion === 'string' ? m.appVersion : '',
    writtenAt: typeof m.writtenAt === 'string' ? m.writtenAt : '',
    files: m.files.filter(isPlainName),
  };
}

export function markerJson(marker: ExportMarker): string {
  return JSON.stringify(marker, null, 2) + '\n';
}
