// The analysts' spans as columns, put in the order the one-pass sweep (sweep.ts) reads them:
// blocks of one report, one label and one analyst, report by report, each block by start then
// end. A counting sort by block, then a sort inside each (small) block: no object per span.

export interface SpanColumns {
  count: number;
  /** Indexes into the reports, labels and analysts in scope. */
  report: Int32Array;
  label: Int32Array;
  layer: Int32Array;
  /** Offsets in code points. */
  start: Float64Array;
  end: Float64Array;
}

/** Columns filled row by row (as the store is scanned), grown by doubling. */
export class SpanColumnsBuilder {
  private columns: SpanColumns;

  constructor(capacity = 1024) {
    this.columns = emptyColumns(Math.max(1, capacity));
  }

  push(report: number, label: number, layer: number, start: number, end: number): void {
    let c = this.columns;
    if (c.count === c.report.length) {
      const grown = emptyColumns(c.count * 2);
      grown.report.set(c.report);
      grown.label.set(c.label);
      grown.layer.set(c.layer);
      grown.start.set(c.start);
      grown.end.set(c.end);
      grown.count = c.count;
      this.columns = c = grown;
    }
    const i = c.count++;
    c.report[i] = report;
    c.label[i] = label;
    c.layer[i] = layer;
    c.start[i] = start;
    c.end[i] = end;
  }

  build(): SpanColumns {
    return this.columns;
  }
}

function emptyColumns(capacity: number): SpanColumns {
  return {
    count: 0,
    report: new Int32Array(capacity),
    label: new Int32Array(capacity),
    layer: new Int32Array(capacity),
    start: new Float64Array(capacity),
    end: new Float64Array(capacity),
  };
}

export interface SortedSpans {
  start: Float64Array;
  end: Float64Array;
  /** Spans of block b are at [blockStart[b], blockStart[b + 1]); b = (report × labels + label) × analysts + analyst. */
  blockStart: Int32Array;
}

export function blockOf(report: number, label: number, analyst: number, labels: number, analysts: number): number {
  return (report * labels + label) * analysts + analyst;
}

export function sortIntoBlocks(spans: SpanColumns, reports: number, labels: number, analysts: number): SortedSpans {
  const blocks = reports * labels * analysts;
  const blockStart = new Int32Array(blocks + 1);
  const blockIndex = new Int32Array(spans.count);
  for (let i = 0; i < spans.count; i += 1) {
    const b = blockOf(spans.report[i]!, spans.label[i]!, spans.layer[i]!, labels, analysts);
    blockIndex[i] = b;
    blockStart[b + 1] = blockStart[b + 1]! + 1;
  }
  for (let b = 0; b < blocks; b += 1) blockStart[b + 1] = blockStart[b + 1]! + blockStart[b]!;
  const next = blockStart.slice(0, blocks);
  const start = new Float64Array(spans.count);
  const end = new Float64Array(spans.count);
  for (let i = 0; i < spans.count; i += 1) {
    const at = next[blockIndex[i]!]!;
    next[blockIndex[i]!] = at + 1;
    start[at] = spans.start[i]!;
    end[at] = spans.end[i]!;
  }
  for (let b = 0; b < blocks; b += 1) sortBlock(start, end, blockStart[b]!, blockStart[b + 1]!);
  return { start, end, blockStart };
}

const insertionLimit = 24;

/** Sorts [from, to) of the two columns by start, then end. */
function sortBlock(start: Float64Array, end: Float64Array, from: number, to: number): void {
  if (to - from <= insertionLimit) {
    for (let i = from + 1; i < to; i += 1) {
      const s = start[i]!;
      const e = end[i]!;
      let j = i - 1;
      while (j >= from && (start[j]! > s || (start[j] === s && end[j]! > e))) {
        start[j + 1] = start[j]!;
        end[j + 1] = end[j]!;
        j -= 1;
      }
      start[j + 1] = s;
      end[j + 1] = e;
    }
    return;
  }
  const order = Array.from({ length: to - from }, (_, k) => from + k).sort((x, y) => start[x]! - start[y]! || end[x]! - end[y]!);
  const starts = order.map((k) => start[k]!);
  const ends = order.map((k) => end[k]!);
  start.set(starts, from);
  end.set(ends, from);
}
