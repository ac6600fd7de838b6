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

/** The item's direction in quarter turns (0 to 3), or null when it is slanted. */
function quarterTurns(transform: readonly number[]): number | null {
  const angle = Math.atan2(transform[1]!, transform[0]!) / (Math.PI / 2);
  const turns = Math.round(angle);
  return Math.abs(angle - turns) < 0.01 ? (turns + 4) % 4 : null;
}

/** (x, y) turned back by `turns` quarter turns, so text in that direction reads left to right. */
function turnedBack(x: number, y: number, turns: number): [number, number] {
  return turns === 1 ? [y, -x] : turns === 2 ? [-x, -y] : turns === 3 ? [-y, x] : [x, y];
}

export function segmentsOfPage(items: readonly TextItemLike[]): PageSegments {
  const usable = items.filter((item) => item.transform.slice(0, 6).every(Number.isFinite));
  // A page set sideways (its text turned a quarter) is read in its own direction: the
  // direction most of its characters run in is "upright"; text in any other is set aside.
  const weight = [0, 0, 0, 0];
  for (const item of usable) {
    const turns = quarterTurns(item.transform);
    if (turns !== null) weight[turns]! += item.str.trim().length;
  }
  const upright = weight.indexOf(Math.max(...weight));
  const total = usable.reduce((sum, item) => sum + item.str.trim().length, 0);
  // A page of mostly slanted text (artwork, sheared type) is read as it is placed, all of it.
  const readAll = weight[upright]! < total * 0.5;
  const placed: Placed[] = [];
  let rotated = 0;
  let pendingSpace = false;
  for (const item of usable) {
    // A whitespace item's width can span a whole gutter: it says "space here", nothing more.
    if (item.str.trim() === '') {
      pendingSpace = true;
      continue;
    }
    if (!readAll && quarterTurns(item.transform) !== upright) {
      rotated++;
      continue;
    }
    const size = Math.max(1, Math.hypot(item.transform[2]!, item.transform[3]!) || item.height || 1);
    const [x, y] = readAll ? [item.transform[4]!, item.transform[5]!] : turnedBack(item.transform[4]!, item.transform[5]!, upright);
    placed.push({ str: item.str, x, y, width: Number.isFinite(item.width) ? Math.max(0, item.width) : 0, size, spaceBefore: pendingSpace });
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
