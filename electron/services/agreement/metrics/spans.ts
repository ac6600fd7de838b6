// The input every span metric reads: spans of one label, in one unit of offsets (the service
// passes code points), grouped by report and sorted by start. Pure data, no store.

export interface Span {
  /** The analyst id whose layer holds the span (or 'gold'). */
  layer: string;
  documentId: string;
  start: number;
  end: number;
  label: string;
}

/** Text length of each report in scope, in the same unit as the spans' offsets. */
export type TextLengths = ReadonlyMap<string, number>;

/** A layer's spans by report, each list sorted by start then end. */
export type SpansByReport = Map<string, Span[]>;

export function byReport(spans: readonly Span[]): SpansByReport {
  const grouped: SpansByReport = new Map();
  for (const span of spans) {
    let list = grouped.get(span.documentId);
    if (!list) grouped.set(span.documentId, (list = []));
    list.push(span);
  }
  for (const list of grouped.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return grouped;
}

/** Overlapping sorted intervals merged into disjoint [start, end) pairs; touching ones stay apart (two units), empty ones are dropped. */
export function mergedIntervals(sorted: readonly Span[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const { start, end } of sorted) {
    if (end <= start) continue;
    const last = merged[merged.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Total length of disjoint intervals. */
export function coveredLength(intervals: readonly [number, number][]): number {
  let total = 0;
  for (const [start, end] of intervals) total += end - start;
  return total;
}

/** Length of the intersection of two lists of disjoint sorted intervals (two-pointer sweep). */
export function intersectionLength(a: readonly [number, number][], b: readonly [number, number][]): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const [aStart, aEnd] = a[i]!;
    const [bStart, bEnd] = b[j]!;
    const overlap = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
    if (overlap > 0) total += overlap;
    if (aEnd <= bEnd) i += 1;
    else j += 1;
  }
  return total;
}

/** Every unordered pair of the given layers, in their order. */
export function layerPairs<T>(layers: readonly T[]): [T, T][] {
  const pairs: [T, T][] = [];
  for (let i = 0; i < layers.length; i += 1) {
    for (let j = i + 1; j < layers.length; j += 1) pairs.push([layers[i]!, layers[j]!]);
  }
  return pairs;
}

/** A ratio that is null where its denominator is 0 (nothing to compare is not agreement). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
