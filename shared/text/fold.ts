// Every folding of text Glossa does, in one module: what "the same text" means when filtering,
// finding and searching. Three jobs, three entry points, sharing one buffer machinery:
//
// - foldCase: case only, for filters compared in SQL (glossa_fold, store/fold-function.ts);
//   no offsets come from it.
// - foldText / foldQuery / originalRange: find in a report (shared/text/find.ts). Case and
//   diacritics removed (Latin, Greek, Cyrillic, Arabic harakat), Arabic letter forms unified
//   (أ إ آ ٱ → ا, ة → ه, ى → ي, tatweel dropped), compatibility forms spelt out; each folded unit
//   keeps the UTF-16 range of the original it came from.
// - foldForIndex / foldForSearch: corpus search (the FTS5 index and its queries). As find folds,
//   and also ø, đ, ł, æ, œ, Arabic-Indic digits and joiners; CJK characters become one-character
//   words; the map back is in code points of the original.
//
// Folding works one code point at a time, so mapped offsets fall on code-point boundaries. A
// character that folds to nothing (a combining mark, a haraka, tatweel) belongs to the one
// before it: a match ending at that character takes its marks along.

// --- Case only --------------------------------------------------------------------------------

/**
 * NFKC, then upper and lower case (ß → ss, final sigma → σ, dotless ı → i), and the dot that
 * lower-casing İ leaves on the i goes, so 'İstanbul', 'ISTANBUL' and 'istanbul' fold alike.
 * Diacritics stay: é is not e. The folded text's length differs from the original.
 */
export function foldCase(text: string): string {
  return text.normalize('NFKC').toUpperCase().toLowerCase().replace(/i\u0307/g, 'i');
}

// --- Find in a report ---------------------------------------------------------------------------

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

function foldCodePointForFind(char: string, keepCase: boolean): string {
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
    folded = foldCodePointForFind(char, keepCase);
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

/** The folded form of a query, to look for in a folded text. */
export function foldQuery(query: string, options: FoldOptions = {}): string {
  return foldText(query, options).text;
}

/** The original range of a non-empty range [start, end) of the folded text. */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.sourceStarts[start]!, end: folded.sourceEnds[end - 1]! };
}

// --- Corpus search --------------------------------------------------------------------------------

/** Characters folded by table after case folding and the removal of combining marks. */
const searchFoldTable: Record<string, string> = {
  'ı': 'i', // Turkish dotless i (İ lowercases to i + a combining dot, which goes with the marks)
  'ß': 'ss',
  'ẞ': 'ss',
  'ς': 'σ',
  // Letters that are not a base plus a mark in Unicode, but that searchers type without the stroke.
  'ø': 'o',
  'đ': 'd',
  'ł': 'l',
  'ħ': 'h',
  'æ': 'ae',
  'œ': 'oe',
  'ـ': '', // Arabic tatweel
  'ة': 'ه', // taa marbuta
  'ى': 'ي', // alef maksura
  'ی': 'ي', // Persian yeh
  'ک': 'ك', // Persian keheh
  '\u200c': '', // zero-width non-joiner, written inside Persian words
  '\u200d': '',
  '\u00ad': '', // soft hyphen
  '\u2060': '',
  '\ufeff': '',
};
for (let digit = 0; digit < 10; digit += 1) {
  searchFoldTable[String.fromCharCode(0x0660 + digit)] = String(digit); // Arabic-Indic digits
  searchFoldTable[String.fromCharCode(0x06f0 + digit)] = String(digit); // Persian digits
}

const combiningMarks = /[\p{Mn}\p{Me}]/gu;

/** Han, kana and their compatibility forms: written without spaces, indexed a character at a time. */
export function isCjk(codePoint: number): boolean {
  return (
    (codePoint >= 0x3040 && codePoint <= 0x30ff) ||
    (codePoint >= 0x31f0 && codePoint <= 0x31ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff66 && codePoint <= 0xff9f) ||
    (codePoint >= 0x20000 && codePoint <= 0x3134f)
  );
}

const searchFolded = new Map<number, string>();

/** The folded form of one code point ('' when it is dropped, several characters when it expands). */
export function foldCodePointForSearch(codePoint: number): string {
  if (codePoint < 0x80) {
    return codePoint >= 0x41 && codePoint <= 0x5a ? String.fromCharCode(codePoint + 32) : String.fromCharCode(codePoint);
  }
  let result = searchFolded.get(codePoint);
  if (result !== undefined) return result;
  const original = String.fromCodePoint(codePoint);
  if (codePoint >= 0xac00 && codePoint <= 0xd7a3) {
    result = original; // Hangul syllables stay whole (NFKD would split them into jamo)
  } else {
    const decomposed = original.normalize('NFKD').toLowerCase().normalize('NFKD').replace(combiningMarks, '');
    result = '';
    for (const char of decomposed) result += searchFoldTable[char] ?? char;
  }
  searchFolded.set(codePoint, result);
  return result;
}

/** Folded text for the search index, and for each of its UTF-16 units (plus one past the end) a code-point offset in the original. */
export interface IndexFoldedText {
  text: string;
  origin: Int32Array;
}

/** Folds a text as the search index does, with the map back to the original's code points. */
export function foldForIndex(original: string): IndexFoldedText {
  let units: Uint16Array = new Uint16Array(original.length + 64);
  let origin: Int32Array = new Int32Array(original.length + 65);
  let length = 0;
  let point = 0;
  let i = 0;
  while (i < original.length) {
    // One code point folds to at most 18 units (U+FDFA), plus two spaces around CJK.
    if (length + 32 > units.length) {
      units = grow(units) as Uint16Array;
      origin = grow(origin) as Int32Array;
    }
    const unit = original.charCodeAt(i);
    if (unit < 0x80) {
      units[length] = unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
      origin[length++] = point++;
      i++;
      continue;
    }
    const codePoint = original.codePointAt(i)!;
    const folded = foldCodePointForSearch(codePoint);
    const cjk = isCjk(codePoint);
    // CJK: " X " with the trailing space owned by the next character, so a match ends right after X.
    if (cjk) {
      units[length] = 0x20;
      origin[length++] = point;
    }
    for (let k = 0; k < folded.length; k++) {
      units[length] = folded.charCodeAt(k);
      origin[length++] = point;
    }
    if (cjk) {
      units[length] = 0x20;
      origin[length++] = point + 1;
    }
    point++;
    i += codePoint > 0xffff ? 2 : 1;
  }
  if (length + 1 > origin.length) origin = grow(origin) as Int32Array;
  origin[length] = point;
  return { text: decode(units, length), origin: origin.slice(0, length + 1) };
}

/** Folds text as the search index does, without the offset map (queries, and what the index stores). */
export function foldForSearch(original: string): string {
  return foldForIndex(original).text;
}

// --- Buffers ----------------------------------------------------------------------------------------

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

