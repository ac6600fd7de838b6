// Turns the bytes of an imported text file into the text Glossa stores, and says which
// encoding it was: UTF-8 (with or without a BOM), UTF-16 LE or BE with a BOM, or Windows-1252
// when the bytes are not UTF-8 but read as Windows-1252 text. Stored text never changes after
// import (annotations point into it), so every normalisation happens here, once.
import { importError, maxFileBytes, tooLargeMessage } from './limits';

/** The largest text file Glossa imports, in bytes. */
export const maxImportBytes = maxFileBytes.txt;

type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const utf8Bom = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Bytes that Windows-1252 leaves undefined: a file with them is not Windows-1252 text. */
const undefinedIn1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Decodes a file's bytes and normalises line endings to LF. A BOM is dropped; nothing else is
 * changed (no Unicode normalisation: combining accents stay as they are).
 */
export function decodeTextWithEncoding(fileName: string, bytes: Uint8Array): DecodedText {
  if (bytes.byteLength > maxImportBytes) throw importError(tooLargeMessage(fileName, bytes.byteLength, 'txt'));
  let decoded: DecodedText;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const body = bytes.subarray(2);
    let text: string;
    try {
      if (body.byteLength % 2 !== 0) throw new Error('odd length');
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      throw importError(`${fileName} starts as UTF-16 (${encoding === 'utf-16le' ? 'LE' : 'BE'}) text but is not valid UTF-16; save it as UTF-8 and import it again.`);
    }
    if (text.includes('\0')) throw importError(`${fileName} looks like a binary file, not text.`);
    decoded = { text, encoding };
  } else {
    const bomLength = startsWith(bytes, utf8Bom) ? utf8Bom.length : 0;
    const body = bytes.subarray(bomLength);
    if (looksBinary(body)) throw importError(`${fileName} looks like a binary file, not text.`);
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
    } catch {
      const offset = bomLength + firstInvalidUtf8Offset(body);
      if (bomLength > 0 || body.some((b) => undefinedIn1252.has(b))) {
        throw importError(
          `${fileName} is not valid UTF-8 text (first bad byte at offset ${offset}), nor Windows-1252; save it as UTF-8 and import it again.`,
        );
      }
      decoded = { text: decodeWindows1252(body), encoding: 'windows-1252' };
    }
  }
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw importError(`${fileName} is empty.`);
  return { text, encoding: decoded.encoding };
}

// 0x80-0x9F in Windows-1252 (Node's TextDecoder reads 'windows-1252' as Latin-1, so the table is ours).
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? cp1252High.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

/** The text only (see decodeTextWithEncoding). */
export function decodeText(fileName: string, bytes: Uint8Array): string {
  return decodeTextWithEncoding(fileName, bytes).text;
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
