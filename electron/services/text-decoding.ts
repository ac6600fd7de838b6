// Turns the bytes of an imported file into the text Glossa stores. Stored text never changes
// after import (annotations point into it), so every normalisation happens here, once.
import { AppError } from '../../shared/errors';

/** The largest file Glossa imports, in bytes. */
export const maxImportBytes = 32 * 1024 * 1024;

const mebibyte = 1024 * 1024;

/** "100.0 MB": sizes in the units people see in their file managers. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < mebibyte) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / mebibyte).toFixed(1)} MB`;
}

export function tooLargeMessage(fileName: string, size: number): string {
  return `${fileName} is ${formatSize(size)}; Glossa imports text files up to ${maxImportBytes / mebibyte} MB.`;
}

function importError(message: string): AppError {
  return new AppError('IMPORT_FAILED', message);
}

const utf8Bom = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Decodes a file's bytes as strict UTF-8 and normalises line endings to LF. The BOM is
 * dropped; nothing else is changed (no Unicode normalisation: combining accents stay as they are).
 */
export function decodeText(fileName: string, bytes: Uint8Array): string {
  if (bytes.byteLength > maxImportBytes) throw importError(tooLargeMessage(fileName, bytes.byteLength));
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw importError(`${fileName} is UTF-16 text; save it as UTF-8 and import it again.`);
  }
  const bomLength = startsWith(bytes, utf8Bom) ? utf8Bom.length : 0;
  const body = bytes.subarray(bomLength);
  if (looksBinary(body)) throw importError(`${fileName} looks like a binary file, not text.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const offset = bomLength + firstInvalidUtf8Offset(body);
    throw importError(`${fileName} is not valid UTF-8 text (first bad byte at offset ${offset}).`);
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw importError(`${fileName} is empty.`);
  return text;
}

/**
 * A NUL byte never occurs in UTF-8 text. Other control bytes (besides tab, LF, VT, FF, CR
 * and ESC) do occur in real text only by accident, so many of them mean a binary format.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.1;
}

/**
 * The offset of the first byte of the first sequence that breaks UTF-8 (RFC 3629: no
 * overlongs, no surrogates), as Python's decoder reports it.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b === 0xe0) [need, min] = [2, 0xa0];
    else if (b >= 0xe1 && b <= 0xef) [need, min, max] = [2, 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b === 0xf0) [need, min] = [3, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
