// Turns the bytes of an imported text file into the text Glossa stores, and says which
// encoding it was: UTF-8 (with or without a BOM), UTF-16 LE or BE with a BOM, the encoding the
// analyst chose, or else the legacy encoding detected from the bytes (charsets.ts). Stored text
// never changes after import (annotations point into it), so every normalisation happens here, once.
import { decodeAs, encodingName, guessLegacyEncoding, type EncodingSource } from './charsets';
import { importError, maxFileBytes, tooLargeMessage } from './limits';

/** The largest text file Glossa imports, in bytes. */
export const maxImportBytes = maxFileBytes.txt;

export interface DecodedText {
  text: string;
  encoding: string;
  source: EncodingSource;
  /** the detector's confidence (0-100) when the encoding was detected; 100 otherwise. */
  confidence: number;
  /** When guessed: the other encodings that read every byte, likeliest first. */
  alternatives: string[];
}

const utf8Bom = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function decodeUtf16(fileName: string, bytes: Uint8Array): DecodedText {
  const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
  const body = bytes.subarray(2);
  let text: string;
  try {
    if (body.byteLength % 2 !== 0) throw new Error('odd length');
    text = decodeAs(body, encoding, true);
  } catch {
    throw importError(`${fileName} starts as UTF-16 (${encoding === 'utf-16le' ? 'LE' : 'BE'}) text but is not valid UTF-16; save it as UTF-8 and import it again.`);
  }
  if (text.includes('\0')) throw importError(`${fileName} looks like a binary file, not text.`);
  return { text, encoding, source: 'bom', confidence: 100, alternatives: [] };
}

function decodeChosen(fileName: string, bytes: Uint8Array, label: string): DecodedText {
  const encoding = encodingName(label);
  if (!encoding) throw importError(`"${label}" is not an encoding Glossa knows (try utf-8, windows-1256, windows-1251, iso-8859-7…).`);
  const body = encoding === 'utf-8' && startsWith(bytes, utf8Bom) ? bytes.subarray(3) : bytes;
  try {
    return { text: decodeAs(body, encoding, true), encoding, source: 'chosen', confidence: 100, alternatives: [] };
  } catch {
    throw importError(`${fileName} is not valid ${encoding} text: some of its bytes mean nothing in that encoding.`);
  }
}

/**
 * Decodes a file's bytes and normalises line endings to LF. A BOM is dropped; nothing else is
 * changed (no Unicode normalisation: combining accents stay as they are). chosenEncoding (a
 * WHATWG label) overrides detection, for a re-import in the encoding the analyst picked.
 */
export function decodeTextWithEncoding(fileName: string, bytes: Uint8Array, chosenEncoding?: string): DecodedText {
  if (bytes.byteLength > maxImportBytes) throw importError(tooLargeMessage(fileName, bytes.byteLength, 'txt'));
  let decoded: DecodedText;
  if (chosenEncoding) {
    decoded = decodeChosen(fileName, bytes, chosenEncoding);
    if (looksBinary(bytes) && !decoded.encoding.startsWith('utf-16')) throw importError(`${fileName} looks like a binary file, not text.`);
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    decoded = decodeUtf16(fileName, bytes);
  } else {
    const bomLength = startsWith(bytes, utf8Bom) ? utf8Bom.length : 0;
    const body = bytes.subarray(bomLength);
    if (looksBinary(body)) throw importError(`${fileName} looks like a binary file, not text.`);
    try {
      decoded = { text: decodeAs(body, 'utf-8', true), encoding: 'utf-8', source: bomLength > 0 ? 'bom' : 'utf-8', confidence: 100, alternatives: [] };
    } catch {
      if (bomLength > 0) {
        const offset = bomLength + firstInvalidUtf8Offset(body);
        throw importError(`${fileName} starts with a UTF-8 byte-order mark but is not valid UTF-8 (first bad byte at offset ${offset}); save it as UTF-8 and import it again.`);
      }
      const guess = guessLegacyEncoding(body);
      if (!guess) {
        const offset = firstInvalidUtf8Offset(body);
        throw importError(`${fileName} is not valid UTF-8 text (first bad byte at offset ${offset}), and no legacy encoding Glossa knows reads all its bytes; save it as UTF-8 and import it again.`);
      }
      decoded = guess;
    }
  }
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw importError(`${fileName} is empty.`);
  return { ...decoded, text };
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
