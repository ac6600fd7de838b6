// The additive parts of every span measure, computed once per (label, analyst, report) and per
// (label, pair of analysts, report). Corpus, label and report figures are sums of these cells,
// so a corpus of 1,000 reports is one pass over its spans, not one per figure.
import {
  byReport,
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

export interface Cells {
  /** layer[label][analyst][report] */
  layer: Map<string, Map<string, Map<string, LayerCell>>>;
  /** pair[label][pair index][report] */
  pair: Map<string, Map<number, Map<string, PairCell>>>;
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
  lengths: ReadonlyMap<string, number>,
  spans: readonly Span[],
): Cells {
  const byLabelLayer = new Map<string, Span[]>();
  for (const span of spans) {
    const key = `${span.label}\u0000${span.layer}`;
    let list = byLabelLayer.get(key);
    if (!list) byLabelLayer.set(key, (list = []));
    list.push(span);
  }
  const layer: Cells['layer'] = new Map();
  const pair: Cells['pair'] = new Map();
  for (const label of labels) {
    const perAnalyst = new Map<string, Map<string, LayerCell>>();
    for (const id of analystIds) {
      const grouped = byReport(byLabelLayer.get(`${label}\u0000${id}`) ?? []);
      const perReport = new Map<string, LayerCell>();
      for (const [documentId, length] of lengths) perReport.set(documentId, layerCell(grouped.get(documentId) ?? [], length));
      perAnalyst.set(id, perReport);
    }
    layer.set(label, perAnalyst);
    const perPair = new Map<number, Map<string, PairCell>>();
    let index = 0;
    for (let i = 0; i < analystIds.length; i += 1) {
      for (let j = i + 1; j < analystIds.length; j += 1) {
        const x = perAnalyst.get(analystIds[i]!)!;
        const y = perAnalyst.get(analystIds[j]!)!;
        const perReport = new Map<string, PairCell>();
        for (const documentId of lengths.keys()) perReport.set(documentId, pairCell(x.get(documentId)!, y.get(documentId)!));
        perPair.set(index, perReport);
        index += 1;
      }
    }
    pair.set(label, perPair);
  }
  return { layer, pair };
}
