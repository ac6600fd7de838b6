// Which character encoding a file's bytes are in, and decoding them with the WHATWG Encoding
// Standard's decoders (@exodus/bytes). Node's own TextDecoder is not used for legacy encodings:
// it reads 'windows-1252' as Latin-1 (U+0093 for “) and knows few others without full ICU.
// Detection of unlabelled legacy text is statistical (jschardet, the detector VS Code uses): it
// is reported with its
// confidence, and the analyst can re-import with another encoding.
import { TextDecoder as WhatwgDecoder, labelToName } from '@exodus/bytes/encoding.js';
import { detectAll } from 'jschardet';

/** How the encoding was decided, for the import summary. */
export type EncodingSource = 'bom' | 'declared' | 'detected' | 'chosen' | 'utf-8';

// Below this confidence a guess is a coin toss (short texts): Windows-1252, the WHATWG default,
// wins a near tie, and with no Windows-1252 reading the bytes are not taken as text at all.
const sureConfidence = 10;
const nearTie = 3;

/** The best guess at bytes that are not UTF-8, with the runners-up; null when nothing reads them. */
export function guessLegacyEncoding(bytes: Uint8Array): (EncodingGuess & { text: string; alternatives: string[] }) | null {
  const guesses = detectLegacyEncodings(bytes);
  if (guesses.length === 0) return null;
  const western = guesses.findIndex((g) => g.encoding === 'windows-1252');
  let bestIndex = 0;
  if (guesses[0]!.confidence < sureConfidence) {
    if (western < 0) return null;
    if (guesses[western]!.confidence >= guesses[0]!.confidence - nearTie) bestIndex = western;
  }
  const best = guesses[bestIndex]!;
  let text: string;
  try {
    text = decodeAs(bytes, best.encoding, true);
  } catch {
    return null; // the sample read well but a byte after it does not
  }
  if (controlCharacter.test(text)) return null;
  return { ...best, text, alternatives: guesses.filter((_, i) => i !== bestIndex).map((g) => g.encoding) };
}

export interface EncodingGuess {
  /** WHATWG name, lower case: 'utf-8', 'windows-1256', 'iso-8859-7', 'gbk'… */
  encoding: string;
  source: EncodingSource;
  /** The detector's confidence (0-100) when detected; 100 otherwise. */
  confidence: number;
}

/** The WHATWG name of an encoding label ('latin1' → 'windows-1252'); null when unknown. */
export function encodingName(label: string): string | null {
  const name = labelToName(label.trim());
  return name && name !== 'replacement' ? name.toLowerCase() : null;
}

/** Decodes bytes as the encoding; fatal: throw on bytes the encoding does not define. */
export function decodeAs(bytes: Uint8Array, encoding: string, fatal = false): string {
  return new WhatwgDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

/** True when the bytes are well-formed UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    decodeAs(bytes, 'utf-8', true);
    return true;
  } catch {
    return false;
  }
}

/** True when every byte is ASCII (then every ASCII-compatible encoding reads it the same). */
export function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

// Detectors say ISO-8859-x where Windows wrote the file: the Windows code page is a superset
// except for a few positions, and bytes 0x80-0x9F (controls in ISO-8859) decide it.
const windowsSuperset: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso-8859-6': 'windows-1256',
  'iso-8859-7': 'windows-1253',
  'iso-8859-8': 'windows-1255',
  'iso-8859-9': 'windows-1254',
  'iso-8859-2': 'windows-1250',
};

function hasC1Bytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) return true;
  return false;
}

/** A byte both Greek code pages read as a Greek letter (0xB8 up, less the few signs there). */
const greekLetterByte = (b: number | undefined) => b !== undefined && b >= 0xb8 && b !== 0xbb && b !== 0xbd && b !== 0xd2 && b !== 0xff;

/**
 * Greek: Windows-1253 puts Ά at 0xA2 (and ¶ at 0xB6), ISO-8859-7 puts Ά at 0xB6 (and ’ at
 * 0xA2, as in the elision απ’τον). Each 0xA2 or 0xB6 votes by where it stands: Ά starts a word
 * before a letter, ’ follows a letter, ¶ is not followed by one.
 */
function greekIsWindows(bytes: Uint8Array): boolean {
  let windows = 0;
  let iso = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0xa2 && b !== 0xb6) continue;
    const before = greekLetterByte(bytes[i - 1]);
    const after = greekLetterByte(bytes[i + 1]);
    if (b === 0xa2) {
      if (before) iso += 1;
      else if (after) windows += 1;
    } else if (!before && after) iso += 1;
    else windows += 1;
  }
  return windows > iso;
}

function preferWindows(name: string, bytes: Uint8Array): string {
  const windows = windowsSuperset[name];
  if (!windows) return name;
  if (hasC1Bytes(bytes) || name === 'iso-8859-1') return windows;
  if (name === 'iso-8859-7' && greekIsWindows(bytes)) return windows;
  return name;
}

const sampleBytes = 256 * 1024;

// C0 controls other than tab, line breaks and form feed, and every C1 control: text never holds
// them, so an encoding that turns the bytes into them is the wrong one.
const controlCharacter = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/;

/** True when the encoding reads every byte, and into text rather than control characters. */
function readsAsText(sample: Uint8Array, encoding: string): boolean {
  try {
    return !controlCharacter.test(decodeAs(sample, encoding, true));
  } catch {
    return false;
  }
}

/**
 * The likeliest legacy encodings of bytes that are not UTF-8, best first, each one that reads
 * them as text (Windows-1252, the WHATWG default for unlabelled Western text, last if the
 * detector did not name it). Empty when none reads them all.
 */
export function detectLegacyEncodings(bytes: Uint8Array): EncodingGuess[] {
  // A sample cut inside a multi-byte character would fail every multi-byte encoding: cut at a line.
  let sample = bytes.subarray(0, sampleBytes);
  if (sample.length < bytes.length) sample = sample.subarray(0, Math.max(sample.lastIndexOf(0x0a) + 1, 1));
  const seen = new Set<string>();
  const guesses: EncodingGuess[] = [];
  for (const match of detectAll(sample)) {
    const named = match.encoding ? encodingName(match.encoding) : null;
    if (!named || named === 'utf-8' || named.startsWith('utf-16')) continue;
    const encoding = preferWindows(named, sample);
    if (seen.has(encoding)) continue;
    seen.add(encoding);
    if (!readsAsText(sample, encoding)) continue;
    guesses.push({ encoding, source: 'detected', confidence: Math.round(match.confidence * 100) });
  }
  if (!seen.has('windows-1252') && readsAsText(sample, 'windows-1252')) {
    guesses.push({ encoding: 'windows-1252', source: 'detected', confidence: 0 });
  }
  return guesses;
}
