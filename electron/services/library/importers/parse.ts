// One file's bytes to the document Glossa stores, by format. Runs in the import worker (and in
// tests directly). Throws IMPORT_FAILED with a message written for the analyst.
import fs from 'node:fs';
import { AppError } from '../../../../shared/errors';
import type { ImportNotice, PageStart } from '../../../../shared/schemas/library';
import { markdownToText } from './markdown-text';
import { decodeHtml } from './html-decoding';
import { decodeTextWithEncoding } from './text-decoding';
import { titleFromText } from './titles';
import { checkTextLength, formatOf, importError, maxFileBytes, tooLargeMessage, type Format } from './limits';
import { mhtmlToHtml } from './mhtml';
import { controlCharactersNotice, movePageMap, sanitiseField, sanitiseText } from './sanitise';

// The parsers load on first use: a batch of text files never loads jsdom or pdfjs.
const html = () => import('./html');

/** What the worker hands back for one file: the document to store, with how it was read. */
export interface ParsedDocument {
  title: string;
  text: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  sourceName: string;
  sourceFormat: Format | 'clipboard';
  encoding: string | null;
  /** Set when the encoding was guessed from the bytes: how sure, and the other candidates. */
  encodingGuess: EncodingGuessReport | null;
  pageMap: PageStart[] | null;
  /** What was dropped or read badly, for the import report. */
  notices: ImportNotice[];
}

export interface EncodingGuessReport {
  confidence: number;
  alternatives: string[];
}

function guessReport(decoded: { source: string; confidence: number; alternatives: string[] }): EncodingGuessReport | null {
  return decoded.source === 'detected' ? { confidence: decoded.confidence, alternatives: decoded.alternatives.slice(0, 5) } : null;
}



function emptyCheck(fileName: string, bytes: Uint8Array): void {
  if (bytes.byteLength === 0) throw importError(`${fileName} is empty (0 bytes).`);
}

/** Every format's last step: no control characters in what is stored, and the count reported. */
function withoutControlCharacters(doc: ParsedDocument): ParsedDocument {
  const text = sanitiseText(doc.text);
  const fields = { title: sanitiseField(doc.title), outlet: sanitiseField(doc.outlet), author: sanitiseField(doc.author) };
  const dropped = text.dropped + fields.title.dropped + fields.outlet.dropped + fields.author.dropped;
  if (text.text === doc.text && dropped === 0) return doc;
  return {
    ...doc,
    text: text.text,
    title: fields.title.value?.trim() || 'Untitled',
    outlet: fields.outlet.value,
    author: fields.author.value,
    pageMap: movePageMap(doc.pageMap, text.moved),
    notices: dropped === 0 ? doc.notices : [...doc.notices, controlCharactersNotice(dropped)],
  };
}

/**
 * encoding: a WHATWG label the analyst chose, overriding detection for text and web pages
 * (ignored for PDF and Word, which say their own).
 */
export async function parseBytes(fileName: string, bytes: Uint8Array, format: Format = formatOf(fileName), encoding?: string): Promise<ParsedDocument> {
  return withoutControlCharacters(await parseFormat(fileName, bytes, format, encoding));
}

async function parseFormat(fileName: string, bytes: Uint8Array, format: Format, encoding?: string): Promise<ParsedDocument> {
  if (bytes.byteLength > maxFileBytes[format]) throw importError(tooLargeMessage(fileName, bytes.byteLength, format));
  const base = { outlet: null, author: null, publishedAt: null, url: null, sourceName: fileName, sourceFormat: format, encoding: null, encodingGuess: null, pageMap: null, notices: [] };
  switch (format) {
    case 'txt': {
      const decoded = decodeTextWithEncoding(fileName, bytes, encoding);
      const { text } = decoded;
      checkTextLength(fileName, text);
      return { ...base, title: titleFromText(text, fileName), text, encoding: decoded.encoding, encodingGuess: guessReport(decoded) };
    }
    case 'md': {
      const decoded = decodeTextWithEncoding(fileName, bytes, encoding);
      const { text, title } = markdownToText(decoded.text);
      if (text.trim() === '') throw importError(`${fileName} is empty (it has no text outside markup).`);
      checkTextLength(fileName, text);
      return { ...base, title: title ?? titleFromText(text, fileName), text, encoding: decoded.encoding, encodingGuess: guessReport(decoded) };
    }
    case 'html':
    case 'mhtml': {
      emptyCheck(fileName, bytes);
      const { htmlToDocument } = await html();
      const page = format === 'html' ? { ...decodeHtml(bytes, null, encoding), url: null } : mhtmlToHtml(fileName, bytes, encoding);
      if (page.html.includes('\0') && !/<html|<body|<p[\s>]/i.test(page.html.slice(0, 4096))) {
        throw importError(`${fileName} looks like a binary file, not a web page.`);
      }
      const doc = htmlToDocument(fileName, page.html, { article: true, baseUrl: page.url });
      return { ...base, ...doc, title: doc.title ?? titleFromText(doc.text, fileName), encoding: page.encoding, encodingGuess: guessReport(page) };
    }
    case 'pdf': {
      emptyCheck(fileName, bytes);
      const { pdfToDocument } = await import('./pdf');
      const doc = await pdfToDocument(fileName, bytes);
      return { ...base, title: doc.title ?? titleFromText(doc.text, fileName), author: doc.author, text: doc.text, pageMap: doc.pageMap, notices: doc.notices };
    }
    case 'docx': {
      emptyCheck(fileName, bytes);
      const { docxToDocument } = await import('./docx');
      const doc = await docxToDocument(fileName, bytes);
      return { ...base, title: doc.title ?? titleFromText(doc.text, fileName), author: doc.author, text: doc.text };
    }
  }
}

function describeFsError(fileName: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `${fileName} could not be read: the file does not exist (or is a link to nothing).`;
    case 'EACCES':
    case 'EPERM':
      return `${fileName} could not be read: permission denied.`;
    case 'EISDIR':
      return `${fileName} is a folder, not a file.`;
    case 'ELOOP':
      return `${fileName} could not be read: it is a link that points back to itself.`;
    default:
      return `${fileName} could not be read: ${(error as Error).message}`;
  }
}

/** Reads a file, refusing what is not a regular file and what is over its format's limit before reading. */
function readFileChecked(filePath: string, fileName: string, format: Format): Uint8Array {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer. O_NOFOLLOW: walk.ts hands on real
    // paths, so a link here was swapped in after the folder was checked.
    fd = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    throw importError(describeFsError(fileName, error));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw importError(`${fileName} is a folder, not a file.`);
    if (!stat.isFile()) throw importError(`${fileName} is not a regular file (it is a device, pipe or socket).`);
    if (stat.size > maxFileBytes[format]) throw importError(tooLargeMessage(fileName, stat.size, format));
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = fs.readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw importError(describeFsError(fileName, error));
  } finally {
    fs.closeSync(fd);
  }
}

export async function parsePath(filePath: string, fileName: string, encoding?: string): Promise<ParsedDocument> {
  const format = formatOf(fileName);
  return parseBytes(fileName, readFileChecked(filePath, fileName, format), format, encoding);
}

/** The clipboard: its HTML flavour through the HTML path (no Readability: the selection is the report), else its text. */
export async function parseClipboard(htmlText: string, plain: string): Promise<ParsedDocument> {
  const name = 'Clipboard';
  const base = { outlet: null, author: null, publishedAt: null, sourceName: 'clipboard', sourceFormat: 'clipboard' as const, encoding: null, encodingGuess: null, pageMap: null, notices: [] };
  if (htmlText.trim() !== '') {
    const { htmlToDocument } = await html();
    const doc = htmlToDocument(name, htmlText, { article: false });
    if (doc.text.trim() !== '') return withoutControlCharacters({ ...base, ...doc, url: doc.url, title: titleFromText(doc.text, 'Clipboard') });
  }
  const text = plain.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw importError('The clipboard has no text to import.');
  if (text.includes('\0')) throw importError('The clipboard holds binary data, not text.');
  checkTextLength(name, text);
  return withoutControlCharacters({ ...base, url: null, title: titleFromText(text, 'Clipboard'), text });
}
