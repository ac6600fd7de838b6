// Word boundaries for snapping selections and for moving the keyboard cursor word by word.
// Works on UTF-16 offsets without splitting surrogate pairs, over a string or the windowed text.
import type { DocText } from './doc-text';

const wordChar = /[\p{L}\p{N}\p{M}_'’\-\u200d\uFE0F\p{Extended_Pictographic}\p{Emoji_Modifier}]/u;

function charAt(text: DocText, offset: number): string {
  const code = text.codePointAt(offset);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function charBefore(text: DocText, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  const isLow = low >= 0xdc00 && low <= 0xdfff;
  return isLow && offset >= 2 ? text.slice(offset - 2, offset) : text.charAt(offset - 1);
}

export function isWordChar(ch: string): boolean {
  return ch !== '' && wordChar.test(ch);
}

/** Widens [start, end) to whole words and trims white space at both ends. */
export function snapToWords(text: DocText, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (start === end) return { start, end };
  if (isWordChar(charAt(text, start))) {
    while (isWordChar(charBefore(text, start))) start -= charBefore(text, start).length;
  }
  if (isWordChar(charBefore(text, end))) {
    while (isWordChar(charAt(text, end))) end += charAt(text, end).length;
  }
  return trimPunctuationEdges(text, start, end);
}

/** Hyphens and apostrophes count inside words but not at a span's edges. */
function trimPunctuationEdges(text: DocText, start: number, end: number): { start: number; end: number } {
  while (end - start > 1 && /['’\-]/.test(text.charAt(start))) start++;
  while (end - start > 1 && /['’\-]/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

/** The word that starts at or after offset, or null at the end of the text. */
export function nextWord(text: DocText, offset: number): { start: number; end: number } | null {
  let start = offset;
  while (start < text.length && !isWordChar(charAt(text, start))) start++;
  if (start >= text.length) return null;
  let end = start;
  while (end < text.length && isWordChar(charAt(text, end))) end += charAt(text, end).length;
  return { start, end };
}

/** The word that ends at or before offset, or null at the start of the text. */
export function previousWord(text: DocText, offset: number): { start: number; end: number } | null {
  let end = offset;
  while (end > 0 && !isWordChar(charBefore(text, end))) end -= charBefore(text, end).length;
  if (end <= 0) return null;
  let start = end;
  while (start > 0 && isWordChar(charBefore(text, start))) start -= charBefore(text, start).length;
  return { start, end };
}

/**
 * The next word after `from` (or with direction -1, the last one before it) that starts with
 * `prefix`, ignoring case, wrapping round the text; null when none does. For type-ahead.
 */
export function wordStartingWith(text: string, prefix: string, from: number, direction: 1 | -1 = 1): { start: number; end: number } | null {
  const wanted = prefix.toLocaleLowerCase();
  if (!wanted) return null;
  const folded = text.toLocaleLowerCase();
  const starts: number[] = [];
  for (let at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + 1)) {
    if (!isWordChar(charBefore(text, at))) starts.push(at);
  }
  const start = direction === 1 ? (starts.find((at) => at >= from) ?? starts[0]) : ([...starts].reverse().find((at) => at < from) ?? starts.at(-1));
  if (start === undefined) return null;
  let end = start;
  while (end < text.length && isWordChar(charAt(text, end))) end += charAt(text, end).length;
  return { start, end: Math.max(end, start + wanted.length) };
}
