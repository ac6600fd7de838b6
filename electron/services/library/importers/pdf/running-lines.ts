// Running headers and footers and page numbers: text in the top or bottom rows of a page that
// repeats, at the same size, on half the pages or three of them, overall or among pages of the
// same parity (books and papers alternate "Author" and "Title" headers between even and odd
// pages, and a book's header names the chapter). Numbers and links
// are blurred before comparing, so "Page 3 of 9" and "Downloaded from https://… on 3 May"
// repeat too. The document's title at the edge of a later page is a running header even when
// it is there only once. Segments the caller keeps (the title on page 1) are never dropped.
import type { Segment } from './positioned-text';

/** How many rows at the top and at the bottom of a page can hold running lines. */
const edgeRows = 2;

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

/** The segments in the top and bottom rows of a page (rows are distinct baselines). */
function edgeSegments(segments: readonly Segment[]): Set<Segment> {
  const baselines: number[] = [];
  for (const s of [...segments].sort((a, b) => b.y - a.y)) {
    if (baselines.length === 0 || Math.abs(baselines[baselines.length - 1]! - s.y) > s.size * 0.5) baselines.push(s.y);
  }
  const top = baselines.slice(0, edgeRows);
  const bottom = baselines.slice(-edgeRows);
  const near = (y: number, rows: number[], size: number) => rows.some((r) => Math.abs(r - y) <= size * 0.5);
  return new Set(segments.filter((s) => near(s.y, top, s.size) || near(s.y, bottom, s.size)));
}

/** A bare page number ("7", "- 7 -", "Page 7 of 9", "xiv"); with pageCount, no larger than a page number of that document can be (a year is not one). */
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
    for (const key of new Set([...set].map(shape))) {
      const c = counts.get(key) ?? [0, 0, 0];
      c[0]++;
      c[1 + ((index + 1) % 2)]!++;
      counts.set(key, c);
    }
  });
  const pagesOf = [pages.length, Math.floor(pages.length / 2), Math.ceil(pages.length / 2)];
  // Half the pages (of a parity), or three pages: a book's chapter title runs over its chapter only.
  const mostOf = (count: number, total: number) => count >= 2 && count >= Math.min(3, Math.ceil(total * 0.5));
  const repeated = (segment: Segment, pageIndex: number): boolean => {
    const c = counts.get(shape(segment));
    if (!c) return false;
    const parity = 1 + ((pageIndex + 1) % 2);
    return mostOf(c[0], pagesOf[0]!) || mostOf(c[parity]!, pagesOf[parity]!);
  };
  let runningLines = 0;
  let pageNumbers = 0;
  const kept = pages.map((segments, pageIndex) =>
    segments.filter((segment) => {
      if (!edges[pageIndex]!.has(segment) || keep.has(segment)) return true;
      if (isPageNumber(segment.text, pages.length)) {
        pageNumbers++;
        return false;
      }
      // Only words repeat as running lines: lone numbers there are figure labels or section numbers.
      const wordy = (segment.text.match(/\p{L}/gu) ?? []).length >= 3;
      if ((pages.length >= 2 && wordy && repeated(segment, pageIndex)) || (pageIndex > 0 && titleText !== null && comparable(segment.text) === titleText)) {
        runningLines++;
        return false;
      }
      return true;
    }),
  );
  return { pages: kept, runningLines, pageNumbers };
}
