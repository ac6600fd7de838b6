// Segments in reading order to paragraphs, and pages to one text with its page map. Within a
// column a gap wider than the usual line spacing, or an indented line after a sentence's end,
// starts a paragraph; at a column or page break the text runs on when the sentence does (no
// end mark before, a small letter after), so words and sentences are joined across breaks, and
// an end-of-line hyphen is removed only where the next line of the same flow continues the word.
import type { PageStart } from '../../../../../shared/schemas/library';
import type { Segment } from './positioned-text';

/**
 * The document's own spellings, to tell a compound broken at its hyphen ("type-" + "unstable",
 * written "type-unstable" elsewhere) from a word hyphenated at a line's end.
 */
export interface Spellings {
  /** Lower-cased "left-right" compounds written whole on one line somewhere. */
  hyphenated: ReadonlySet<string>;
  /** Lower-cased words written whole somewhere. */
  words: ReadonlySet<string>;
}

const noSpellings: Spellings = { hyphenated: new Set(), words: new Set() };

export function spellingsOf(pages: readonly Segment[][]): Spellings {
  const hyphenated = new Set<string>();
  const words = new Set<string>();
  for (const page of pages) {
    for (const s of page) {
      const text = s.text.toLowerCase().replace(/\p{L}+-$/u, '');
      for (const compound of text.match(/\p{L}+(?:-\p{L}+)+/gu) ?? []) hyphenated.add(compound);
      for (const word of text.match(/\p{L}+/gu) ?? []) words.add(word);
    }
  }
  return { hyphenated, words };
}

/**
 * The letters before a final hyphen ("type" of "… type-"), read from the text's end only: a
 * regular expression anchored at the end still tries every start, which made joining a long
 * document quadratic. The tail grows until the word starts inside it (past a surrogate that
 * the cut may have split).
 */
function wordBeforeHyphen(text: string): string | undefined {
  for (let n = 64; ; n *= 4) {
    const tail = text.length > n ? text.slice(-n) : text;
    const match = /(\p{L}+)-$/u.exec(tail);
    if (!match) return undefined;
    if (match.index > 1 || tail.length === text.length) return match[1];
  }
}

/** The last few code units of a text: enough for a test of its last character. */
const ending = (text: string): string => (text.length > 4 ? text.slice(-4) : text);

/** "type-" + "unstable…": the hyphen belongs to the word when the document writes it so, and never the word without it. */
function keepsHyphen(before: string, after: string, spellings: Spellings): boolean {
  const left = wordBeforeHyphen(before)?.toLowerCase();
  const right = /^\p{L}+/u.exec(after)?.[0]?.toLowerCase();
  if (!left || !right) return false;
  return spellings.hyphenated.has(`${left}-${right}`) && !spellings.words.has(left + right);
}

/** Joins a paragraph's lines, removing end-of-line hyphenation ("inter-\nnational"). */
export function joinLines(lines: readonly string[], spellings: Spellings = noSpellings): string {
  let out = '';
  for (const line of lines) {
    if (out === '') out = line;
    else if (/\p{L}-$/u.test(ending(out)) && /^\p{Ll}/u.test(line) && !keepsHyphen(out, line, spellings)) out = out.slice(0, -1) + line;
    // "Franco-" + "German", "1990-" + "1995": a hyphen that belongs to the text stays, with no space.
    else if (/[\p{L}\p{N}]-$/u.test(ending(out))) out += line;
    else out += ' ' + line;
  }
  return out;
}

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Consecutive segments on one baseline, left to right, are one line. */
function linesOf(ordered: readonly Segment[]): Line[] {
  const lines: Line[] = [];
  for (const s of ordered) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - s.y) < Math.min(last.size, s.size) * 0.3 && s.x0 >= last.x1 - 1) {
      last.text += ' ' + s.text;
      last.x1 = s.x1;
      last.size = Math.max(last.size, s.size);
    } else lines.push({ ...s });
  }
  return lines;
}

/** The next line is below this one, in the same column. */
function sameColumn(prev: Line, next: Line): boolean {
  return next.y < prev.y && next.x0 < prev.x1 && next.x1 > prev.x0 && prev.y - next.y < Math.max(prev.size, next.size) * 3;
}

/** A sentence running over a break: no end mark before it, a small letter after it. */
export function continues(before: string, after: string): boolean {
  return /[\p{L}\p{N},;-]$/u.test(before) && /^\p{Ll}/u.test(after);
}

function paragraphsOfPage(ordered: readonly Segment[]): string[][] {
  const lines = linesOf(ordered);
  if (lines.length === 0) return [];
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) if (sameColumn(lines[i - 1]!, lines[i]!)) gaps.push(lines[i - 1]!.y - lines[i]!.y);
  gaps.sort((a, b) => a - b);
  const usual = gaps.length > 0 ? gaps[Math.floor(gaps.length * 0.25)]! : lines[0]!.size * 1.2;
  const paragraphs: string[][] = [[lines[0]!.text]];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    const sizeChange = Math.abs(line.size - prev.size) > Math.max(1, prev.size * 0.2);
    let starts: boolean;
    if (sizeChange) starts = true;
    else if (sameColumn(prev, line)) {
      const indented = line.x0 > prev.x0 + line.size * 0.8 && /[.!?:"”’)]$/u.test(prev.text);
      starts = prev.y - line.y > usual * 1.4 || indented;
    } else starts = !continues(prev.text, line.text);
    if (starts) paragraphs.push([line.text]);
    else paragraphs[paragraphs.length - 1]!.push(line.text);
  }
  return paragraphs;
}

/**
 * Pages (segments in reading order) to the text and where each page starts in it. The text is
 * kept as the pages' pieces, joined once at the end: a string grown page by page and tested at
 * its end each time is copied whole each time.
 */
export function joinPages(pages: readonly Segment[][]): { text: string; pageMap: PageStart[] } {
  const spellings = spellingsOf(pages);
  const pieces: string[] = [];
  let length = 0;
  const add = (piece: string) => {
    if (piece === '') return;
    pieces.push(piece);
    length += piece.length;
  };
  /** The text's end: its last pieces, at least `n` code units of them where the text has them. */
  const tail = (n: number): string => {
    let out = '';
    for (let i = pieces.length - 1; i >= 0 && out.length < n; i--) out = pieces[i]! + out;
    return out;
  };
  const pageMap: PageStart[] = [];
  pages.forEach((ordered, index) => {
    const paragraphs = paragraphsOfPage(ordered).map((lines) => joinLines(lines, spellings));
    if (paragraphs.length === 0) return;
    let first = paragraphs[0]!;
    if (length === 0) {
      pageMap.push([0, index + 1]);
    } else if (continues(tail(4), first)) {
      // A sentence running over the page break: same paragraph, and a split word joined.
      if (/\p{L}-$/u.test(tail(4))) {
        // Enough of the text's end to hold the word before the hyphen whole.
        let end = tail(256);
        while (end.length < length && (wordBeforeHyphen(end)?.length ?? 0) >= end.length - 2) end = tail(end.length * 4);
        if (!keepsHyphen(end, first, spellings)) {
          const last = pieces.pop()!;
          pieces.push(last.slice(0, -1));
          length -= 1;
        }
      } else add(' ');
      pageMap.push([length, index + 1]);
      add(first);
      first = '';
    } else {
      add('\n\n');
      pageMap.push([length, index + 1]);
    }
    const parts = first === '' ? paragraphs.slice(1) : paragraphs;
    if (first === '' && parts.length > 0) add('\n\n');
    add(parts.join('\n\n'));
  });
  return { text: pieces.join(''), pageMap };
}
