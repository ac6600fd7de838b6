// Imports .txt and .md files, from disk (the open dialog, the CLI) or as dropped bytes. Each
// file is read and decoded completely before anything is written, and each document goes in
// with its own transaction: one bad file is reported in `failed` and the rest continue.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ImportReport } from '../../shared/schemas';
import type { ServiceContext } from './context';
import { addDocument, type NewDocument } from './documents';
import type { Handlers } from './handlers';
import { markdownToText } from './markdown-text';
import { decodeText, maxImportBytes, tooLargeMessage } from './text-decoding';

type Format = 'text' | 'markdown';

const formatsByExtension: Readonly<Record<string, Format>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

/** A first line longer than this is prose, not a title. */
export const maxTitleLength = 160;

export interface DroppedBytes {
  name: string;
  data: Uint8Array;
}

function importError(message: string): AppError {
  return new AppError('IMPORT_FAILED', message);
}

function formatOf(fileName: string): Format {
  const extension = path.extname(fileName).toLowerCase();
  const format = formatsByExtension[extension];
  if (!format) {
    const what = extension ? `${extension} files` : 'files without an extension';
    throw importError(`${fileName}: Glossa cannot import ${what}; it imports .txt and .md text files.`);
  }
  return format;
}

function titleFromText(text: string, fileName: string): string {
  const firstLine = text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  if (firstLine !== '' && firstLine.length <= maxTitleLength) return firstLine;
  return path.basename(fileName, path.extname(fileName));
}

/** Turns a file's bytes into the document to store; throws IMPORT_FAILED with a message for the user. */
export function parseDocument(fileName: string, bytes: Uint8Array): NewDocument {
  const format = formatOf(fileName);
  const decoded = decodeText(fileName, bytes);
  if (format === 'text') {
    return { title: titleFromText(decoded, fileName), text: decoded, sourceName: fileName };
  }
  const { text, title } = markdownToText(decoded);
  if (text.trim() === '') throw importError(`${fileName} is empty (it has no text outside markup).`);
  return { title: title ?? titleFromText(text, fileName), text, sourceName: fileName };
}

function describeFsError(fileName: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `${fileName} could not be read: the file no longer exists.`;
    case 'EACCES':
    case 'EPERM':
      return `${fileName} could not be read: permission denied.`;
    case 'EISDIR':
      return `${fileName} is a folder, not a file.`;
    default:
      return `${fileName} could not be read: ${(error as Error).message}`;
  }
}

/** Reads a file from disk, refusing a too-large file before reading it. */
function readFileBytes(filePath: string, fileName: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch (error) {
    throw importError(describeFsError(fileName, error));
  }
  if (stat.isDirectory()) throw importError(`${fileName} is a folder, not a file.`);
  if (!stat.isFile()) throw importError(`${fileName} is not a regular file.`);
  if (stat.size > maxImportBytes) throw importError(tooLargeMessage(fileName, stat.size));
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    throw importError(describeFsError(fileName, error));
  }
  // The file may have grown between stat and read.
  if (bytes.byteLength > maxImportBytes) throw importError(tooLargeMessage(fileName, bytes.byteLength));
  return bytes;
}

function emptyReport(jobId = randomUUID()): ImportReport {
  return { jobId, imported: [], duplicates: [], failed: [], skipped: [], cancelled: false };
}

function importOne(ctx: ServiceContext, report: ImportReport, fileName: string, load: () => Uint8Array): void {
  try {
    const document = parseDocument(fileName, load());
    const result = ctx.store.transaction(() => addDocument(ctx, document));
    if (result.status === 'added') {
      report.imported.push({ id: result.document.id, title: result.document.title, fileName, format: 'txt', encoding: 'utf-8' });
    } else {
      report.duplicates.push({ fileName, existingId: result.existingId, title: result.title });
    }
  } catch (error) {
    const reason =
      error instanceof AppError ? error.message : `${fileName} could not be imported: ${(error as Error).message}`;
    report.failed.push({ fileName, reason });
  }
}

export function importPaths(ctx: ServiceContext, paths: readonly string[]): ImportReport {
  const report = emptyReport();
  for (const filePath of paths) {
    const fileName = path.basename(filePath);
    importOne(ctx, report, fileName, () => {
      formatOf(fileName); // refuse an unsupported file before touching the disk
      return readFileBytes(filePath, fileName);
    });
  }
  return report;
}

export function importDropped(ctx: ServiceContext, files: readonly DroppedBytes[]): ImportReport {
  const report = emptyReport();
  for (const file of files) {
    // The renderer sends a name, not a path; keep only its last part in case it has folders.
    const fileName = path.basename(file.name.replace(/\\/g, '/'));
    importOne(ctx, report, fileName, () => file.data);
  }
  return report;
}

export function importHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  | 'documents.importDialog'
  | 'documents.importDropped'
  | 'documents.importPaths'
  | 'documents.importClipboard'
  | 'import.cancel'
> {
  return {
    'documents.importDialog': async ({ mode }) => {
      const paths = await ctx.dialogs.chooseFilesToImport(mode);
      return paths.length === 0 ? emptyReport() : importPaths(ctx, paths);
    },
    'documents.importDropped': ({ files }) => importDropped(ctx, files),
    'documents.importPaths': ({ paths }) => importPaths(ctx, paths),
    'documents.importClipboard': () =>
      importDropped(ctx, [{ name: 'clipboard.txt', data: new TextEncoder().encode(ctx.clipboard.readText()) }]),
    'import.cancel': () => ({ cancelled: false }),
  };
}
