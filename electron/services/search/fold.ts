// Folding for search: one pure module, used to index report text and to read queries, so both
// sides meet in the same form. Case, diacritics, harakat, alef/yeh/taa-marbuta variants, tatweel,
// Turkish ı/İ and ß are folded; CJK characters become one-character words (the index has no
// dictionary to split them). `origin` maps the folded text back to code points of the original,
// so a match in the folded text is highlighted in the text the analyst reads.

/** The folded text and, for each of its UTF-16 units (plus one past the end), a code-point offset in the original. */
export interface FoldedText {
  text: string;
  origin: Int32Array;
}

/** Characters folded by table after case folding and the removal of combining marks. */
const foldTable: Record<string, string> = {
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
  foldTable[String.fromCharCode(0x0660 + digit)] = String(digit); // Arabic-Indic digits
  foldTable[String.fromCharCode(0x06f0 + digit)] = String(digit); // Persian digits
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

const folded = new Map<number, string>();

/** The folded form of one code point ('' when it is dropped, several characters when it expands). */
export function foldCodePoint(codePoint: number): string {
  if (codePoint < 0x80) {
    return codePoint >= 0x41 && codePoint <= 0x5a ? String.fromCharCode(codePoint + 32) : String.fromCharCode(codePoint);
  }
  let result = folded.get(codePoint);
  if (result !== undefined) return result;
  const original = String.fromCodePoint(codePoint);
  if (codePoint >= 0xac00 && codePoint <= 0xd7a3) {
    result = original; // Hangul syllables stay whole (NFKD would split them into jamo)
  } else {
    const decomposed = original.normalize('NFKD').toLowerCase().normalize('NFKD').replace(combiningMarks, '');
    result = '';
    for (const char of decomposed) result += foldTable[char] ?? char;
  }
  folded.set(codePoint, result);
  return result;
}

/** Folds a text for the index, with the map back to the original's code points. */
export function foldText(original: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  let point = 0;
  for (let unit = 0; unit < original.length; unit += 1) {
    const code = original.charCodeAt(unit);
    let codePoint = code;
    if (code >= 0xd800 && code <= 0xdbff && unit + 1 < original.length) {
      const low = original.charCodeAt(unit + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        unit += 1;
      }
    }
    if (codePoint < 0x80) {
      text += codePoint >= 0x41 && codePoint <= 0x5a ? String.fromCharCode(codePoint + 32) : original[unit];
      origin.push(point);
    } else if (isCjk(codePoint)) {
      // " X " with the trailing space owned by the next character, so a match ends right after X.
      const char = foldCodePoint(codePoint);
      text += ` ${char} `;
      for (let i = 0; i < char.length + 1; i += 1) origin.push(point);
      origin.push(point + 1);
    } else {
      const char = foldCodePoint(codePoint);
      text += char;
      for (let i = 0; i < char.length; i += 1) origin.push(point);
    }
    point += 1;
  }
  origin.push(point);
  return { text, origin: Int32Array.from(origin) };
}

/** Folds text without the offset map (queries, and the index's title and details). */
export function foldForSearch(original: string): string {
  let text = '';
  for (const char of original) {
    const codePoint = char.codePointAt(0)!;
    text += isCjk(codePoint) ? ` ${foldCodePoint(codePoint)} ` : foldCodePoint(codePoint);
  }
  return text;
}

/** A word of folded text, [start, end) in its UTF-16 units. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// What SQLite's unicode61 tokenizer (categories 'L* N* Co Mc') keeps inside a word.
const wordPattern = /[\p{L}\p{N}\p{Co}\p{Mc}]+/gu;

/** The words of a folded text, as the index splits them. */
export function tokenize(foldedText: string): Token[] {
  const tokens: Token[] = [];
  for (const match of foldedText.matchAll(wordPattern)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The original code-point range of folded units [start, end): the highlight of a match. */
export function originalRange(foldedText: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: foldedText.origin[start]!, end: foldedText.origin[end]! };
}

/** The tokenizer spec of the FTS5 tables, matching tokenize() above. */
export const ftsTokenizer = `unicode61 remove_diacritics 0 categories 'L* N* Co Mc'`;
