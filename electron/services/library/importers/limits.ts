// What Glossa imports, and how much of it. The README's Formats section lists the same numbers.
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { reportFormatIds, reportFormats, type ReportFormatId } from '../../../../shared/formats';

export type Format = ReportFormatId;

const formatsByExtension: Readonly<Record<string, Format>> = Object.fromEntries(
  reportFormatIds.flatMap((id) => reportFormats[id].extensions.map((extension) => [`.${extension}`, id])),
);

const mebibyte = 1024 * 1024;

/** The largest file of each format, in bytes, checked before the file is read. */
export const maxFileBytes: Readonly<Record<Format, number>> = {
  txt: 32 * mebibyte,
  md: 32 * mebibyte,
  html: 32 * mebibyte,
  mhtml: 64 * mebibyte,
  pdf: 128 * mebibyte,
  docx: 32 * mebibyte,
};

/** A DOCX is a zip: the most its parts may unpack to, in total, and how many parts it may have. */
export const maxDocxUnpackedBytes = 256 * mebibyte;
export const maxDocxEntries = 10_000;
/** A part packed tighter than this (and larger than 1 MB unpacked) is a zip bomb, not a document. */
export const maxDocxRatio = 200;
export const maxPdfPages = 5_000;
/** The longest text Glossa stores for one document, in UTF-16 code units (characters, near enough). */
export const maxTextLength = 20_000_000;
/** A first line longer than this is prose, not a title. */
export const maxTitleLength = 160;
/** A single file that takes longer than this to read is given up (its worker is restarted). */
export const parseTimeoutMs = 120_000;
/** How many files one import may take (a folder with more is refused past this). */
export const maxFilesPerImport = 20_000;

export function importError(message: string): AppError {
  return new AppError('IMPORT_FAILED', message);
}

/** "100.0 MB": sizes in the units people see in their file managers. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < mebibyte) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / mebibyte).toFixed(1)} MB`;
}

export function formatOfName(fileName: string): Format | undefined {
  return formatsByExtension[path.extname(fileName).toLowerCase()];
}

const supportedList = '.txt, .md, .html, .htm, .mhtml, .pdf and .docx';

export function unsupportedMessage(fileName: string): string {
  const extension = path.extname(fileName).toLowerCase();
  const what = extension ? `${extension} files` : 'files without an extension';
  return `${fileName}: Glossa cannot import ${what}; it imports ${supportedList} files.`;
}

/** The format of a file, or IMPORT_FAILED saying which formats Glossa takes. */
export function formatOf(fileName: string): Format {
  const format = formatOfName(fileName);
  if (!format) throw importError(unsupportedMessage(fileName));
  return format;
}

export function tooLargeMessage(fileName: string, size: number, format: Format): string {
  return `${fileName} is ${formatSize(size)}; Glossa imports ${reportFormats[format].label} files up to ${formatSize(maxFileBytes[format])}.`;
}

export function checkTextLength(fileName: string, text: string): void {
  if (text.length > maxTextLength) {
    throw importError(
      `${fileName} has ${text.length.toLocaleString('en')} characters of text; Glossa stores up to ${maxTextLength.toLocaleString('en')} per document. Split it and import the parts.`,
    );
  }
}
