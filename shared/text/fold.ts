// Folding for find in a report: case and diacritics removed (Latin, Greek, Cyrillic, Arabic
// harakat), Arabic letter forms unified (أ إ آ ٱ → ا, ة → ه, ى → ي, tatweel dropped), compatibility
// forms (ﬁ, full-width letters) spelt out. The folded text keeps a map back to the original, so
// a match in it names the exact original range to highlight or tag.
//
// Offsets are UTF-16 code units, the unit Glossa stores (../offsets.ts); folding works one code
// point at a time, so mapped offsets always fall on code-point boundaries. A character that folds
// to nothing (a combining mark, a haraka, tatweel) belongs to the character before it: a match
// ending at that character takes its marks along.

export interface FoldOptions {
  /** Keep case (the find bar's "Match case"); diacritics are folded either way. */
  keepCase?: boolean;
}

export interface FoldedText {
  text: string;
  /** For each UTF-16 unit of `text`: where its source character starts in the original. */
  sourceStarts: Int32Array;
  /** For each UTF-16 unit of `text`: where its source character (with marks that follow it) ends. */
  sourceEnds: Int32Array;
}

/** Letters with no decomposition that find should still treat as another letter's variant. */
const letterVariants: Record<string, string> = {
  ı: 'i', // Turkish dotless i: "istanbul" finds "Istanbul", "İstanbul" and "ıstanbul"
  ٱ: 'ا', // alef wasla
  ة: 'ه', // taa marbuta
  ى: 'ي', // alef maqsura
  ی: 'ي', // Persian yeh
  ک: 'ك', // Persian keheh
  ـ: '', // tatweel
};

// Nonspacing marks: Latin accents, Arabic harakat, the hamza of أ إ, the madda of آ, variation selectors.
const marks = /\p{Mn}/gu;

function foldCodePoint(char: string, keepCase: boolean): string {
  const variant = letterVariants[char];
  if (variant !== undefined) return variant;
  let folded = char.normalize('NFKD').replace(marks, '');
  if (Object.hasOwn(letterVariants, folded)) folded = letterVariants[folded]!;
  // Upper then lower: full case folding (ß → ss, final ς → σ) that toLowerCase alone misses.
  if (!keepCase) folded = folded.toUpperCase().toLowerCase();
  return folded.normalize('NFC');
}

const caches = { folding: new Map<number, string>(), keeping: new Map<number, string>() };

function foldedOf(codePoint: number, char: string, keepCase: boolean): string {
  const cache = keepCase ? caches.keeping : caches.folding;
  let folded = cache.get(codePoint);
  if (folded === undefined) {
    folded = foldCodePoint(char, keepCase);
    cache.set(codePoint, folded);
  }
  return folded;
}

/** Folds a text and keeps, for each folded unit, the original range it came from. */
export function foldText(original: string, options: FoldOptions = {}): FoldedText {
  const keepCase = options.keepCase ?? false;
  // A folded text is rarely longer than the original; grow the buffers when it is.
  let units: Uint16Array = new Uint16Array(original.length + 64);
  let starts: Int32Array = new Int32Array(original.length + 64);
  let ends: Int32Array = new Int32Array(original.length + 64);
  let length = 0;
  let i = 0;
  while (i < original.length) {
    // One code point folds to at most 18 units (U+FDFA); keep that much room ahead.
    if (length + 32 > units.length) {
      units = grow(units) as Uint16Array;
      starts = grow(starts) as Int32Array;
      ends = grow(ends) as Int32Array;
    }
    const unit = original.charCodeAt(i);
    if (unit < 0x80) {
      units[length] = !keepCase && unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
      starts[length] = i;
      ends[length] = i + 1;
      length++;
      i++;
      continue;
    }
    const codePoint = original.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const folded = foldedOf(codePoint, original.slice(i, i + width), keepCase);
    if (folded.length === 0) {
      if (length > 0) ends[length - 1] = i + width;
    } else {
      for (let k = 0; k < folded.length; k++) {
        units[length + k] = folded.charCodeAt(k);
        starts[length + k] = i;
        ends[length + k] = i + width;
      }
      length += folded.length;
    }
    i += width;
  }
  return { text: decode(units, length), sourceStarts: starts.subarray(0, length), sourceEnds: ends.subarray(0, length) };
}

// Node and browsers have TextDecoder (the fastest way here); shared/ is typed without either.
type Utf16Decoder = { decode(units: Uint16Array): string };
const Decoder = (globalThis as { TextDecoder?: new (label: string) => Utf16Decoder }).TextDecoder;
const utf16 = Decoder ? new Decoder('utf-16le') : null;

/** UTF-16 units to a string (TextDecoder, else fromCharCode in chunks small enough for its argument list). */
function decode(units: Uint16Array, length: number): string {
  if (utf16) return utf16.decode(units.subarray(0, length));
  const chunk = 8192;
  const parts: string[] = [];
  for (let at = 0; at < length; at += chunk) {
    parts.push(String.fromCharCode.apply(null, units.subarray(at, Math.min(at + chunk, length)) as unknown as number[]));
  }
  return parts.join('');
}

/** A copy with room for a quarter more. */
function grow(array: Int32Array | Uint16Array): Int32Array | Uint16Array {
  const size = Math.ceil(array.length * 1.25) + 64;
  const next = array instanceof Int32Array ? new Int32Array(size) : new Uint16Array(size);
  next.set(array);
  return next;
}

/** The folded form of a query, to look for in a folded text. */
export function foldQuery(query: string, options: FoldOptions = {}): string {
  return foldText(query, options).text;
}

/** The original range of a non-empty range [start, end) of the folded text. */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.sourceStarts[start]!, end: folded.sourceEnds[end - 1]! };
}
