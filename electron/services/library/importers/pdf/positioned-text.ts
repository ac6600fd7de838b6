// pdf.js text items to segments: runs of text on one baseline with their box. A line is cut
// into several segments where a gap is wider than a word space (a column gutter, a table
// cell), so reading-order.ts can see the columns.

/** The fields of pdf.js's TextItem that are read here. */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** A run of text on one baseline: x0..x1 across, y its baseline, size its font size (points). */
export interface Segment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export interface PageSegments {
  segments: Segment[];
  /** Items set sideways or slanted (margin stamps, rotated table heads): not in the reading order. */
  rotated: number;
}

/** A gap wider than this many ems between two items on one baseline starts a new segment. */
const segmentGapEm = 0.9;
/** A gap wider than this many ems is a word space. */
const spaceGapEm = 0.15;

interface Placed {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  spaceBefore: boolean;
}

function upright(transform: readonly number[]): boolean {
  const [a, b, c, d] = transform as [number, number, number, number];
  return Math.abs(b) < 1e-3 * Math.abs(a) && Math.abs(c) < 1e-3 * Math.abs(d) && a > 0 && d > 0;
}

export function segmentsOfPage(items: readonly TextItemLike[]): PageSegments {
  const placed: Placed[] = [];
  let rotated = 0;
  let pendingSpace = false;
  for (const item of items) {
    // A whitespace item's width can span a whole gutter: it says "space here", nothing more.
    if (item.str.trim() === '') {
      pendingSpace = true;
      continue;
    }
    if (!item.transform.slice(0, 6).every(Number.isFinite)) continue;
    if (!upright(item.transform)) {
      rotated++;
      continue;
    }
    const size = Math.max(1, Math.abs(item.transform[3]!) || item.height || 1);
    placed.push({ str: item.str, x: item.transform[4]!, y: item.transform[5]!, width: Number.isFinite(item.width) ? Math.max(0, item.width) : 0, size, spaceBefore: pendingSpace });
    pendingSpace = Boolean(item.hasEOL);
  }
  placed.sort((p, q) => q.y - p.y || p.x - q.x);
  // Baselines: an item joins the row whose baseline is within half its size; a superscript or
  // subscript (smaller, raised or lowered less than 0.6 of the line's size) joins its line.
  const rows: Placed[][] = [];
  for (const item of placed) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    const dy = first ? Math.abs(first.y - item.y) : Infinity;
    const small = first ? Math.min(first.size, item.size) : 0;
    const large = first ? Math.max(first.size, item.size) : 0;
    if (row && (dy < small * 0.5 || (small < large * 0.8 && dy < large * 0.6))) row.push(item);
    else rows.push([item]);
  }
  const segments: Segment[] = [];
  for (const row of rows) {
    row.sort((p, q) => p.x - q.x);
    let current: Segment | null = null;
    for (const item of row) {
      const gap = current ? item.x - current.x1 : 0;
      if (current && gap <= Math.max(current.size, item.size) * segmentGapEm) {
        const space = (gap > current.size * spaceGapEm || item.spaceBefore) && !/\s$/.test(current.text) && !/^\s/.test(item.str);
        current.text += (space ? ' ' : '') + item.str;
        current.x1 = Math.max(current.x1, item.x + item.width);
        current.size = Math.max(current.size, item.size);
      } else {
        current = { text: item.str, x0: item.x, x1: item.x + item.width, y: item.y, size: item.size };
        segments.push(current);
      }
    }
  }
  for (const segment of segments) segment.text = segment.text.replace(/\s+/g, ' ').trim();
  return { segments: segments.filter((s) => s.text !== ''), rotated };
}
