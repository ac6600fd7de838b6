// Reading order of a page by recursive XY-cut: the page's segments are split at the widest
// band of white space that crosses the whole region, across (columns, read left to right) or
// down (blocks, read top to bottom), until no band is left. A gutter between columns is
// preferred to a gap between lines, so two- and three-column pages are read column by column,
// and a title or footnote spanning the columns still comes before or after them.
import type { Segment } from './positioned-text';

interface Box {
  segment: Segment;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A gutter counts when it is at least this many ems wide. */
const minGutterEm = 0.9;
/** A gutter wins over a gap between lines unless the gap is this many times wider. */
const gutterPreference = 2;

function boxOf(segment: Segment): Box {
  return { segment, left: segment.x0, right: segment.x1, top: segment.y + segment.size * 0.8, bottom: segment.y - segment.size * 0.25 };
}

interface Gap {
  width: number;
  /** Where the region is split: boxes wholly before it go first. */
  at: number;
}

/** The widest gap between the intervals [lo, hi] when they are laid on one axis. */
function widestGap(intervals: readonly (readonly [number, number])[]): Gap | null {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let reach = sorted[0]![1];
  let best: Gap | null = null;
  for (let i = 1; i < sorted.length; i++) {
    const [lo, hi] = sorted[i]!;
    if (lo > reach && (best === null || lo - reach > best.width)) best = { width: lo - reach, at: (lo + reach) / 2 };
    reach = Math.max(reach, hi);
  }
  return best;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 10;
}

/** Splits at `at` when both sides keep something; false when one side would be empty. */
function split(boxes: Box[], before: (b: Box) => boolean, out: Segment[]): boolean {
  const first = boxes.filter(before);
  if (first.length === 0 || first.length === boxes.length) return false;
  cut(first, out);
  cut(
    boxes.filter((b) => !before(b)),
    out,
  );
  return true;
}

function cut(boxes: Box[], out: Segment[]): void {
  if (boxes.length === 0) return;
  if (boxes.length === 1) {
    out.push(boxes[0]!.segment);
    return;
  }
  const em = median(boxes.map((b) => b.segment.size));
  const across = widestGap(boxes.map((b) => [b.left, b.right] as const));
  // Down the page: negated, so the lowest coordinate is the top.
  const down = widestGap(boxes.map((b) => [-b.top, -b.bottom] as const));
  const gutter = across && across.width >= em * minGutterEm ? across : null;
  const leftOf = (gap: Gap) => (b: Box) => b.right < gap.at;
  const above = (gap: Gap) => (b: Box) => -b.bottom < gap.at;
  if (gutter && (!down || down.width <= gutter.width * gutterPreference) && split(boxes, leftOf(gutter), out)) return;
  if (down && split(boxes, above(down), out)) return;
  if (across && split(boxes, leftOf(across), out)) return;
  // Overlapping boxes (text set over text): top to bottom, left to right.
  for (const b of [...boxes].sort((p, q) => q.segment.y - p.segment.y || p.left - q.left)) out.push(b.segment);
}

/** The page's segments in reading order. */
export function readingOrder(segments: readonly Segment[]): Segment[] {
  if (segments.length === 0) return [];
  const out: Segment[] = [];
  cut(segments.map(boxOf), out);
  return out;
}
