// One pass over the sorted spans (span-table.ts), report by report and label by label, that
// yields the additive parts of every span measure per report and for the corpus: exactF1 and
// overlapF1 counts, charKappa's covered positions, αu's Σ δ² and the parts of its expected
// disagreement. Everything is kept in typed arrays; figures.ts turns the parts into figures.
import { columnsDistance, expectedOfSorted, type SectionColumns } from './metrics';
import { blockOf, type SortedSpans } from './span-table';

/** Fields of one pair's parts, in a row of `pairFields` numbers. */
export const enum Field {
  /** exactF1: distinct spans of each side and those both have. */
  DistinctA,
  DistinctB,
  Matched,
  /** overlapF1: spans of each side, and those overlapping one of the other side. */
  CountA,
  CountB,
  Overlapping,
  /** charKappa: positions covered by A, by B, by both. */
  CoverA,
  CoverB,
  Both,
  /** αu: Σ δ² over overlapping sections of the two analysts. */
  Distance,
}
export const pairFields = 10;

export interface SweepScope {
  analysts: number;
  labels: number;
  /** Each report's length in code points. */
  lengths: readonly number[];
}

/** One report's parts, handed to the caller as the sweep leaves the report (the buffers are reused for the next). */
export interface ReportParts {
  report: number;
  /** [label][pair][field]. */
  pairs: Float64Array;
  /** [label]: D_e of every analyst together over the report. */
  expected: Float64Array;
  /** [analyst]: spans made there (all labels in scope). */
  spans: Int32Array;
  /** Distinct (start, end, label) not made by every analyst. */
  disagreements: number;
}

export interface SweepResult {
  pairs: number;
  /** [label][pair][field]: sums over every report. */
  corpusPairs: Float64Array;
  /** [label][pair]: D_e of the pair over the whole corpus; [label]: of all analysts. */
  corpusPairExpected: Float64Array;
  corpusExpected: Float64Array;
  /** [label][analyst]: distinct spans, summed over reports. */
  distinct: Float64Array;
}

/** A growable list of numbers. */
class Lengths {
  data = new Float64Array(16);
  n = 0;
  push(value: number): void {
    if (this.n === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.n++] = value;
  }
  /** Ascending in place: insertion sort for a block's few, the typed-array sort for the corpus's many. */
  sort(): this {
    const a = this.data;
    if (this.n > 32) {
      a.subarray(0, this.n).sort();
      return this;
    }
    for (let i = 1; i < this.n; i += 1) {
      const v = a[i]!;
      let j = i - 1;
      while (j >= 0 && a[j]! > v) {
        a[j + 1] = a[j]!;
        j -= 1;
      }
      a[j + 1] = v;
    }
    return this;
  }
}

/** One analyst's block, worked out once and read by every pair it is in. */
class Layer {
  from = 0;
  to = 0;
  distinct = 0;
  /** Merged intervals, clipped to the report, at [from, from + intervals) of the sweep's pools. */
  intervals = 0;
  cover = 0;
  sections: SectionColumns = { begin: new Float64Array(16), length: new Float64Array(16), unit: new Uint8Array(16), count: 0 };
  units = new Lengths();
  gaps = new Lengths();

  ensureSections(size: number): void {
    if (size <= this.sections.begin.length) return;
    const capacity = Math.max(size, this.sections.begin.length * 2);
    this.sections = { begin: new Float64Array(capacity), length: new Float64Array(capacity), unit: new Uint8Array(capacity), count: 0 };
  }

  addSection(begin: number, length: number, unit: boolean): void {
    const s = this.sections;
    s.begin[s.count] = begin;
    s.length[s.count] = length;
    s.unit[s.count] = unit ? 1 : 0;
    s.count += 1;
    (unit ? this.units : this.gaps).push(length);
  }
}

export function sweep(spans: SortedSpans, scope: SweepScope, onReport: (parts: ReportParts) => void): SweepResult {
  const { analysts: A, labels: L, lengths } = scope;
  const R = lengths.length;
  const P = (A * (A - 1)) / 2;
  const { start, end, blockStart } = spans;
  const maxEnd = new Float64Array(start.length);
  const intervalStart = new Float64Array(start.length);
  const intervalEnd = new Float64Array(start.length);
  const layers = Array.from({ length: A }, () => new Layer());
  const corpusUnits = Array.from({ length: L * A }, () => new Lengths());
  const corpusGaps = Array.from({ length: L * A }, () => new Lengths());
  const result: SweepResult = {
    pairs: P,
    corpusPairs: new Float64Array(L * P * pairFields),
    corpusPairExpected: new Float64Array(L * P),
    corpusExpected: new Float64Array(L),
    distinct: new Float64Array(L * A),
  };
  const heads = new Int32Array(A);
  const here: ReportParts = { report: 0, pairs: new Float64Array(L * P * pairFields), expected: new Float64Array(L), spans: new Int32Array(A), disagreements: 0 };

  for (let r = 0; r < R; r += 1) {
    const length = lengths[r]!;
    here.report = r;
    here.spans.fill(0);
    here.disagreements = 0;
    for (let l = 0; l < L; l += 1) {
      for (let a = 0; a < A; a += 1) {
        const layer = layers[a]!;
        const b = blockOf(r, l, a, L, A);
        readLayer(layer, blockStart[b]!, blockStart[b + 1]!, length);
        here.spans[a] = here.spans[a]! + layer.to - layer.from;
        result.distinct[l * A + a] = result.distinct[l * A + a]! + layer.distinct;
        for (let k = 0; k < layer.units.n; k += 1) corpusUnits[l * A + a]!.push(layer.units.data[k]!);
        for (let k = 0; k < layer.gaps.n; k += 1) corpusGaps[l * A + a]!.push(layer.gaps.data[k]!);
      }
      let pair = 0;
      for (let a = 0; a < A; a += 1) {
        for (let b = a + 1; b < A; b += 1) {
          const at = (l * P + pair) * pairFields;
          comparePair(layers[a]!, layers[b]!, here.pairs, at);
          for (let f = 0; f < pairFields; f += 1) result.corpusPairs[at + f] = result.corpusPairs[at + f]! + here.pairs[at + f]!;
          pair += 1;
        }
      }
      here.expected[l] = expectedOfSorted(layers.map((x) => x.units.sort()), layers.map((x) => x.gaps.sort()), A, length);
      here.disagreements += disagreements();
    }
    onReport(here);
  }

  const totalLength = lengths.reduce((s, x) => s + x, 0);
  for (let l = 0; l < L; l += 1) {
    const units = corpusUnits.slice(l * A, l * A + A).map((u) => u.sort());
    const gaps = corpusGaps.slice(l * A, l * A + A).map((g) => g.sort());
    result.corpusExpected[l] = expectedOfSorted(units, gaps, A, totalLength);
    let pair = 0;
    for (let a = 0; a < A; a += 1) {
      for (let b = a + 1; b < A; b += 1) {
        result.corpusPairExpected[l * P + pair] = expectedOfSorted([units[a]!, units[b]!], [gaps[a]!, gaps[b]!], 2, totalLength);
        pair += 1;
      }
    }
  }
  return result;

  /** An analyst's spans in one block: distinct spans, prefix maximum of ends, merged intervals, sections. */
  function readLayer(layer: Layer, from: number, to: number, length: number): void {
    layer.from = from;
    layer.to = to;
    layer.distinct = 0;
    layer.intervals = 0;
    layer.cover = 0;
    layer.sections.count = 0;
    layer.units.n = 0;
    layer.gaps.n = 0;
    let max = -Infinity;
    let lastEnd = -Infinity;
    for (let i = from; i < to; i += 1) {
      const s = start[i]!;
      const e = end[i]!;
      if (i === from || s !== start[i - 1] || e !== end[i - 1]) layer.distinct += 1;
      maxEnd[i] = max = Math.max(max, e);
      // Merge overlapping spans (touching ones stay two units), then clip to the report.
      if (e <= s) continue;
      if (layer.intervals > 0 && s < lastEnd) {
        lastEnd = Math.max(lastEnd, e);
        intervalEnd[from + layer.intervals - 1] = lastEnd;
      } else {
        intervalStart[from + layer.intervals] = s;
        intervalEnd[from + layer.intervals] = lastEnd = e;
        layer.intervals += 1;
      }
    }
    let kept = 0;
    for (let k = 0; k < layer.intervals; k += 1) {
      const s = Math.max(0, intervalStart[from + k]!);
      const e = Math.min(length, intervalEnd[from + k]!);
      if (e <= s) continue;
      intervalStart[from + kept] = s;
      intervalEnd[from + kept] = e;
      layer.cover += e - s;
      kept += 1;
    }
    layer.intervals = kept;
    layer.ensureSections(2 * kept + 1);
    let position = 0;
    for (let k = 0; k < kept; k += 1) {
      const s = intervalStart[from + k]!;
      const e = intervalEnd[from + k]!;
      if (s > position) layer.addSection(position, s - position, false);
      layer.addSection(s, e - s, true);
      position = e;
    }
    if (position < length) layer.addSection(position, length - position, false);
  }

  function comparePair(x: Layer, y: Layer, out: Float64Array, at: number): void {
    out[at + Field.DistinctA] = x.distinct;
    out[at + Field.DistinctB] = y.distinct;
    out[at + Field.Matched] = matchedSpans(x, y);
    out[at + Field.CountA] = x.to - x.from;
    out[at + Field.CountB] = y.to - y.from;
    out[at + Field.Overlapping] = overlappingCount(x, y) + overlappingCount(y, x);
    out[at + Field.CoverA] = x.cover;
    out[at + Field.CoverB] = y.cover;
    out[at + Field.Both] = intersection(x, y);
    out[at + Field.Distance] = columnsDistance(x.sections, y.sections);
  }

  /** Distinct (start, end) both layers have: a merge of the two sorted blocks. */
  function matchedSpans(x: Layer, y: Layer): number {
    let i = x.from;
    let j = y.from;
    let matched = 0;
    while (i < x.to && j < y.to) {
      const order = start[i]! - start[j]! || end[i]! - end[j]!;
      if (order === 0) matched += 1;
      if (order <= 0) i = pastDuplicates(i, x.to);
      if (order >= 0) j = pastDuplicates(j, y.to);
    }
    return matched;
  }

  function pastDuplicates(i: number, to: number): number {
    let k = i + 1;
    while (k < to && start[k] === start[i] && end[k] === end[i]) k += 1;
    return k;
  }

  /** Spans of x overlapping some span of y (y sorted by start, with its prefix maximum of ends). */
  function overlappingCount(x: Layer, y: Layer): number {
    let count = 0;
    for (let i = x.from; i < x.to; i += 1) {
      // [s, e) overlaps [s', e') iff s' < e and e' > s; an empty span overlaps one that contains its point.
      const bound = Math.max(end[i]!, start[i]! + 1);
      let low = y.from;
      let high = y.to;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (start[mid]! < bound) low = mid + 1;
        else high = mid;
      }
      if (low > y.from && maxEnd[low - 1]! > start[i]!) count += 1;
    }
    return count;
  }

  /** Distinct spans of one (report, label) not made by every analyst: a k-way merge of their sorted blocks. */
  function disagreements(): number {
    for (let a = 0; a < A; a += 1) heads[a] = layers[a]!.from;
    let count = 0;
    for (;;) {
      let least = -1;
      for (let a = 0; a < A; a += 1) {
        const head = heads[a]!;
        if (head < layers[a]!.to && (least < 0 || start[head]! - start[least]! < 0 || (start[head] === start[least] && end[head]! < end[least]!))) least = head;
      }
      if (least < 0) return count;
      const s = start[least]!;
      const e = end[least]!;
      let makers = 0;
      for (let a = 0; a < A; a += 1) {
        const head = heads[a]!;
        if (head < layers[a]!.to && start[head] === s && end[head] === e) {
          makers += 1;
          heads[a] = pastDuplicates(head, layers[a]!.to);
        }
      }
      if (makers < A) count += 1;
    }
  }

  function intersection(x: Layer, y: Layer): number {
    let i = 0;
    let j = 0;
    let total = 0;
    while (i < x.intervals && j < y.intervals) {
      const xEnd = intervalEnd[x.from + i]!;
      const yEnd = intervalEnd[y.from + j]!;
      const overlap = Math.min(xEnd, yEnd) - Math.max(intervalStart[x.from + i]!, intervalStart[y.from + j]!);
      if (overlap > 0) total += overlap;
      if (xEnd <= yEnd) i += 1;
      else j += 1;
    }
    return total;
  }
}
