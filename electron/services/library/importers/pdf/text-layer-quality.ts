// How readable a PDF's text layer is. Fonts without a Unicode map hand back their glyph codes,
// which are mostly control characters; a ligature glyph with no map comes out as U+0000 inside
// a word ("di\0culties"). Each page is measured before anything is dropped, a ligature is put
// back when the document spells the word elsewhere (else marked with U+FFFD), and every other
// control character is dropped, with counts for the import report.
import type { Segment } from './positioned-text';

/** Runs of C0 controls but tab and line breaks, DEL, and C1 controls. */
const controlRun = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]+/g;
/** Characters that are not text a reader can read: controls, replacement characters, private-use glyphs. */
const unreadable = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/gu;

/** A page is garbage when more than this share of its visible characters is unreadable. */
export const garbagePageShare = 0.5;
/** A document is refused when this share of all its visible characters is unreadable. */
export const refuseDocumentShare = 0.9;

export interface PageQuality {
  visible: number;
  unreadable: number;
}

export function pageQuality(segments: readonly Segment[]): PageQuality {
  let visible = 0;
  let bad = 0;
  for (const s of segments) {
    visible += s.text.replace(/\s/g, '').length;
    bad += (s.text.match(unreadable) ?? []).length;
  }
  return { visible, unreadable: bad };
}

export function isGarbage(quality: PageQuality): boolean {
  return quality.visible > 0 && quality.unreadable > quality.visible * garbagePageShare;
}

const ligatures = ['ffi', 'ffl', 'ff', 'fi', 'fl', 'ft', 'st', 'Th'];
const wordWithNul = /[\p{L}\u0000]*\u0000[\p{L}\u0000]*/gu;

export interface CleanCounts {
  /** Unmapped ligatures put back from a spelling found elsewhere in the document. */
  ligaturesRestored: number;
  /** Unmapped ligatures with no such spelling, marked with U+FFFD. */
  ligaturesMarked: number;
  /** Other control characters dropped (in text that reads, as spaces). */
  controlsDropped: number;
}

/** Lower-cased words of the document that came through whole, to restore ligatures from. */
function vocabulary(pages: readonly Segment[][]): Set<string> {
  const words = new Set<string>();
  for (const page of pages) {
    for (const s of page) {
      if (s.text.includes('\0')) continue;
      for (const word of s.text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) words.add(word);
    }
  }
  return words;
}

function restoreWord(word: string, words: ReadonlySet<string>, counts: CleanCounts): string {
  const parts = word.split('\0');
  // Each NUL in the word gets the same ligature: try each, keep the one the document spells.
  for (const ligature of ligatures) {
    const candidate = parts.join(ligature);
    if (words.has(candidate.toLowerCase())) {
      counts.ligaturesRestored += parts.length - 1;
      return candidate;
    }
  }
  counts.ligaturesMarked += parts.length - 1;
  return parts.join('\ufffd');
}

/** Every segment's text with ligatures restored or marked and control characters dropped. */
export function cleanTextLayer(pages: readonly Segment[][]): { pages: Segment[][]; counts: CleanCounts } {
  const counts: CleanCounts = { ligaturesRestored: 0, ligaturesMarked: 0, controlsDropped: 0 };
  const words = vocabulary(pages);
  const cleaned = pages.map((page) =>
    page
      .map((s) => {
        let text = s.text;
        if (text.includes('\0')) text = text.replace(wordWithNul, (word) => (/\p{L}/u.test(word) ? restoreWord(word, words, counts) : word));
        // In text that reads, a control character is an unmapped space glyph ("Overview\u0002of"):
        // it becomes a space. In garbage it is just dropped.
        const reads = !isGarbage(pageQuality([{ ...s, text }]));
        text = text.replace(controlRun, (run: string) => {
          counts.controlsDropped += run.length;
          return reads ? ' ' : '';
        });
        return { ...s, text: text.replace(/\s+/g, ' ').trim() };
      })
      .filter((s) => s.text !== ''),
  );
  return { pages: cleaned, counts };
}

/** "3", "3 and 5", "3, 5–9 and 12": page numbers as ranges. */
export function pageList(pages: readonly number[]): string {
  const ranges: string[] = [];
  let i = 0;
  while (i < pages.length) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    ranges.push(j === i ? String(pages[i]) : `${pages[i]}–${pages[j]}`);
    i = j + 1;
  }
  return ranges.length <= 1 ? (ranges[0] ?? '') : `${ranges.slice(0, -1).join(', ')} and ${ranges.at(-1)}`;
}
