// Running headers and footers and page numbers: text in the top or bottom rows of a page that
// repeats, at the same size, on half the pages or three of them, overall or among pages of the
// same parity (books and papers alternate "Author" and "Title" headers between even and odd
// pages, and a book's header names the chapter). Numbers and links
// are blurred before comparing, so "Page 3 of 9" and "Downloaded from https://… on 3 May"
// repeat too. The document's title at the edge of a later page is a running header even when
// it is there only once. Segments the caller keeps (the title on page 1) are never dropped.
import type { Segment } from './positioned-text';

const pageNumber = /^(?:page\s+|p\.\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const romanPage = /^[-–—(\[]?\s*[ivxlc]{1,6}\s*[-–—)\]]?$/i;

export interface RunningLinesResult {
  pages: Segment[][];
  runningLines: number;
  pageNumbers: number;
}

/** A segment's shape: case, numbers and links blurred, with its size (a header is not its title). */
function shape(segment: Segment): string {
  const text = segment.text
    .toLowerCase()
    .replace(/(?:https?:\/\/|www\.)\S+/g, '<link>')
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ');
  return `${text}@${Math.round(segment.size)}`;
}

/**
 * The segments in the outermost rows of a page (rows are distinct baselines): the first row at
 * the top and bottom, and the second where it is set off from the body by a wider gap than from
 * the first (a page number under a footer). Each is marked isolated when a gap wider than the
 * page's usual line spacing parts it from the body.
 */
function edgeSegments(segments: readonly Segment[]): Map<Segment, boolean> {
  const baselines: number[] = [];
  for (const s of [...segments].sort((a, b) => b.y - a.y)) {
    if (baselines.length === 0 || Math.abs(baselines[baselines.length - 1]! - s.y) > s.size * 0.5) baselines.push(s.y);
  }
  const gaps = baselines.slice(1).map((y, i) => baselines[i]! - y);
  const usual = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
  const edgeRows = new Map<number, boolean>();
  const walk = (rows: number[]) => {
    const gap = (i: number) => (i + 1 < rows.length ? Math.abs(rows[i]! - rows[i + 1]!) : Infinity);
    edgeRows.set(rows[0]!, gap(0) > usual * 1.3);
    if (rows.length > 2 && gap(1) > gap(0) * 1.2) edgeRows.set(rows[1]!, true);
  };
  if (baselines.length === 0) return new Map();
  walk(baselines);
  walk([...baselines].reverse());
  const out = new Map<Segment, boolean>();
  for (const s of segments) {
    for (const [row, isolated] of edgeRows) if (Math.abs(row - s.y) <= s.size * 0.5) out.set(s, isolated);
  }
  return out;
}

export function isPageNumber(text: string, pageCount = Infinity): boolean {
  if (romanPage.test(text)) return true;
  if (!pageNumber.test(text)) return false;
  return Number(/\d+/.exec(text)![0]) <= Math.max(20, pageCount * 2);
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** title: the document's title as read from page 1, with its segments (kept there). */
export function dropRunningLines(pages: readonly Segment[][], title: { text: string; segments: readonly Segment[] } | null = null): RunningLinesResult {
  const keep = new Set(title?.segments ?? []);
  const titleText = title ? comparable(title.text) : null;
  const edges = pages.map(edgeSegments);
  // For each shape: on how many pages it is at an edge, overall and per parity (0 even, 1 odd).
  const counts = new Map<string, [number, number, number]>();
  edges.forEach((set, index) => {
    for (const key of new Set([...set.keys()].map(shape))) {
      const c = counts.get(key) ?? [0, 0, 0];
      c[0]++;
      c[1 + ((index + 1) % 2)]!++;
      counts.set(key, c);
    }
  });
  const pagesOf = [pages.length, Math.floor(pages.length / 2), Math.ceil(pages.length / 2)];
  // Half the pages (of a parity); or three pages, set off from the body: a book's chapter title
  // runs over its chapter only.
  const mostOf = (count: number, total: number, isolated: boolean) => count >= 2 && count >= (isolated ? Math.min(3, Math.ceil(total * 0.5)) : Math.ceil(total * 0.5));
  const repeated = (segment: Segment, pageIndex: number, isolated: boolean): boolean => {
    const c = counts.get(shape(segment));
    if (!c) return false;
    const parity = 1 + ((pageIndex + 1) % 2);
    return mostOf(c[0], pagesOf[0]!, isolated) || mostOf(c[parity]!, pagesOf[parity]!, isolated);
  };
  let runningLines = 0;
  let pageNumbers = 0;
  const kept = pages.map((segments, pageIndex) =>
    segments.filter((segment) => {
      const isolated = edges[pageIndex]!.get(segment);
      if (isolated === undefined || keep.has(segment)) return true;
      if (isPageNumber(segment.text, pages.length)) {
        pageNumbers++;
        return false;
      }
      // Only words repeat as running lines: lone numbers there are figure labels or section numbers.
      const wordy = (segment.text.match(/\p{L}/gu) ?? []).length >= 3;
      if ((pages.length >= 2 && wordy && repeated(segment, pageIndex, isolated)) || (pageIndex > 0 && titleText !== null && comparable(segment.text) === titleText)) {
        runningLines++;
        return false;
      }
      return true;
    }),
  );
  return { pages: kept, runningLines, pageNumbers };
}
