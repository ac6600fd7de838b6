// The additive parts of every span measure, computed once per (label, analyst, report) and per
// (label, pair of analysts, report). Corpus, label and report figures are sums of these cells,
// so a corpus of 1,000 reports is one pass over its spans, not one per figure.
import {
  coveredLength,
  intersectionLength,
  mergedIntervals,
  pairDistance,
  sectionsOf,
  type Section,
  type Span,
} from './metrics';

export interface LayerCell {
  /** Sorted by start; their distinct (start, end) keys; prefix maximum of ends. */
  spans: Span[];
  keys: Set<string>;
  maxEnd: Float64Array;
  intervals: [number, number][];
  sections: Section[];
  units: number[];
  gaps: number[];
}

export interface PairCell {
  /** exactF1 parts: distinct spans of each side and those both have. */
  distinctA: number;
  distinctB: number;
  matched: number;
  /** overlapF1 parts. */
  countA: number;
  countB: number;
  overlapping: number;
  /** charKappa parts: positions covered by A, by B, by both. */
  coverA: number;
  coverB: number;
  both: number;
  /** αu: Σ δ² over overlapping sections of the two analysts. */
  distance: number;
}

/** Indexed by position: label (as given), analyst (as given) or pair (layerPairs order), report (as given). */
export interface Cells {
  /** layer[label][analyst][report] */
  layer: LayerCell[][][];
  /** pair[label][pair][report] */
  pair: PairCell[][][];
}

function layerCell(spans: Span[], length: number): LayerCell {
  const intervals = mergedIntervals(spans).map(([s, e]): [number, number] => [Math.max(0, s), Math.min(length, e)]).filter(([s, e]) => e > s);
  const sections = sectionsOf(intervals, length);
  const units: number[] = [];
  const gaps: number[] = [];
  for (const section of sections) (section.unit ? units : gaps).push(section.length);
  // One label and one report per cell, so (start, end) identifies a span here.
  const keys = new Set(spans.map((s) => `${s.start}:${s.end}`));
  const maxEnd = new Float64Array(spans.length);
  let max = -Infinity;
  spans.forEach((s, i) => (maxEnd[i] = max = Math.max(max, s.end)));
  return { spans, keys, maxEnd, intervals, sections, units, gaps };
}

/** Spans of `a` overlapping some span of `b` (b sorted by start, with its prefix maximum of ends). */
function overlappingCount(a: LayerCell, b: LayerCell): number {
  let count = 0;
  for (const span of a.spans) {
    const bound = Math.max(span.end, span.start + 1);
    let low = 0;
    let high = b.spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (b.spans[mid]!.start < bound) low = mid + 1;
      else high = mid;
    }
    if (low > 0 && b.maxEnd[low - 1]! > span.start) count += 1;
  }
  return count;
}

function pairCell(a: LayerCell, b: LayerCell): PairCell {
  let matched = 0;
  for (const key of a.keys) if (b.keys.has(key)) matched += 1;
  return {
    distinctA: a.keys.size,
    distinctB: b.keys.size,
    matched,
    countA: a.spans.length,
    countB: b.spans.length,
    overlapping: overlappingCount(a, b) + overlappingCount(b, a),
    coverA: coveredLength(a.intervals),
    coverB: coveredLength(b.intervals),
    both: intersectionLength(a.intervals, b.intervals),
    distance: pairDistance(a.sections, b.sections),
  };
}

export function buildCells(
  analystIds: readonly string[],
  labels: readonly string[],
  reports: readonly { documentId: string; length: number }[],
  spans: readonly Span[],
): Cells {
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const analystIndex = new Map(analystIds.map((id, i) => [id, i]));
  const reportIndex = new Map(reports.map((r, i) => [r.documentId, i]));
  const R = reports.length;
  const A = analystIds.length;
  // buckets[(label * A + analyst) * R + report]: that cell's spans.
  const buckets: (Span[] | undefined)[] = new Array(labels.length * A * R);
  for (const span of spans) {
    const l = labelIndex.get(span.label);
    const a = analystIndex.get(span.layer);
    const r = reportIndex.get(span.documentId);
    if (l === undefined || a === undefined || r === undefined) continue;
    const at = (l * A + a) * R + r;
    (buckets[at] ??= []).push(span);
  }
  const none: Span[] = [];
  const layer = labels.map((_, l) =>
    analystIds.map((_, a) =>
      reports.map((report, r) => {
        const list = buckets[(l * A + a) * R + r] ?? none;
        if (list.length > 1) list.sort((x, y) => x.start - y.start || x.end - y.end);
        return layerCell(list, report.length);
      }),
    ),
  );
  const pair = layer.map((perAnalyst) => {
    const perPair: PairCell[][] = [];
    for (let i = 0; i < A; i += 1) {
      for (let j = i + 1; j < A; j += 1) {
        const x = perAnalyst[i]!;
        const y = perAnalyst[j]!;
        perPair.push(x.map((cell, r) => pairCell(cell, y[r]!)));
      }
    }
    return perPair;
  });
  return { layer, pair };
}
