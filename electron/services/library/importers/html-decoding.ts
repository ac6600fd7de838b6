// The bytes of a web page to its HTML text, by the WHATWG sniffing order (byte-order mark, the
// transport's charset, <meta charset> in the first 1024 bytes) with one exception: when the
// page is well-formed UTF-8 but declares something else (a UTF-8 page declaring gb2312), the
// bytes win, because a declaration copied from an old template is the commoner mistake.
import sniffHtmlEncoding from 'html-encoding-sniffer';
import { decodeAs, encodingName, guessLegacyEncoding, isAscii, isUtf8, type EncodingSource } from './charsets';

export interface DecodedHtml {
  html: string;
  encoding: string;
  source: EncodingSource;
  confidence: number;
  /** When guessed: the other encodings that read every byte, likeliest first. */
  alternatives: string[];
}

const unicode = new Set(['utf-8', 'utf-16le', 'utf-16be']);

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Decodes a web page. transportCharset: the charset its container names (an MHTML part's
 * Content-Type); chosenEncoding: the analyst's choice on re-import, which overrides everything.
 */
export function decodeHtml(bytes: Uint8Array, transportCharset?: string | null, chosenEncoding?: string): DecodedHtml {
  const chosen = chosenEncoding ? encodingName(chosenEncoding) : null;
  if (chosen) return { html: decodeAs(bytes, chosen), encoding: chosen, source: 'chosen', confidence: 100, alternatives: [] };
  const bom = bomEncoding(bytes);
  if (bom) return { html: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, source: 'bom', confidence: 100, alternatives: [] };

  const transport = transportCharset ? encodingName(transportCharset) : null;
  const sniffed = sniffHtmlEncoding(bytes, { defaultEncoding: '' });
  const declared = transport ?? (sniffed ? encodingName(sniffed) : null);
  const utf8 = isUtf8(bytes);
  if (utf8 && (declared === null || declared === 'utf-8' || !isAscii(bytes) || unicode.has(declared))) {
    // A declared UTF-16 in an ASCII-compatible file is a mistake the spec also reads as UTF-8.
    return { html: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', source: declared === 'utf-8' ? 'declared' : 'utf-8', confidence: 100, alternatives: [] };
  }
  if (declared && declared !== 'utf-8' && !unicode.has(declared)) {
    return { html: decodeAs(bytes, declared), encoding: declared, source: 'declared', confidence: 100, alternatives: [] };
  }
  // Declared UTF-8 (or nothing) but the bytes are not UTF-8: what they are is a guess.
  const guess = guessLegacyEncoding(bytes);
  if (guess) return { html: guess.text, encoding: guess.encoding, source: 'detected', confidence: guess.confidence, alternatives: guess.alternatives };
  // Nothing reads every byte: the page is read as browsers would, with U+FFFD for the bad bytes.
  return { html: decodeAs(bytes, 'windows-1252'), encoding: 'windows-1252', source: 'detected', confidence: 0, alternatives: [] };
}
