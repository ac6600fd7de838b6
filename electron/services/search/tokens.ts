// Words as SQLite FTS5's unicode61 tokenizer splits them, over text folded by
// shared/text/fold.ts (foldForIndex, foldForSearch): the index and the hit finder agree on words.

/** A word of folded text, [start, end) in its UTF-16 units. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// What SQLite's unicode61 tokenizer (categories 'L* N* Co Mc') keeps inside a word.
const wordCharacter = /[\p{L}\p{N}\p{Co}\p{Mc}]/u;
const nonAsciiWordCharacter = new Map<number, boolean>();

function isWordCharacter(codePoint: number): boolean {
  if (codePoint < 0x80) return (codePoint >= 0x30 && codePoint <= 0x39) || ((codePoint | 0x20) >= 0x61 && (codePoint | 0x20) <= 0x7a);
  let word = nonAsciiWordCharacter.get(codePoint);
  if (word === undefined) {
    word = wordCharacter.test(String.fromCodePoint(codePoint));
    nonAsciiWordCharacter.set(codePoint, word);
  }
  return word;
}

/** The words of a folded text, as the index splits them. */
export function tokenize(foldedText: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let i = 0;
  while (i < foldedText.length) {
    const codePoint = foldedText.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    if (isWordCharacter(codePoint)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push({ text: foldedText.slice(start, i), start, end: i });
      start = -1;
    }
    i += width;
  }
  if (start >= 0) tokens.push({ text: foldedText.slice(start), start, end: foldedText.length });
  return tokens;
}

/** The tokenizer spec of the FTS5 tables, matching tokenize() above. */
export const ftsTokenizer = `unicode61 remove_diacritics 0 categories 'L* N* Co Mc'`;
