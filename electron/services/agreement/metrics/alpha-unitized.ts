// Krippendorff's unitized alpha (αu) for spans of one label, for any number of analysts.
// Krippendorff, K. (1995) "On the reliability of unitizing continuous data", Sociological
// Methodology 25: 47–76, and (2004) Content Analysis, 2nd ed., §12.4 (p. 251–256): each
// analyst cuts the continuum into units of the label and gaps; observed disagreement sums the
// squared differences of overlapping sections (δ²) over pairs of analysts, expected
// disagreement is that of every possible placement of the same sections.
// The continuum is the reports in scope laid end to end, each report its own stretch (a
// section never crosses a report's end). An analyst's overlapping spans of the label are
// merged first (αu assumes one analyst's units of a category do not overlap). A report an
// analyst left untouched counts as all gap for that analyst: it is never left out.
import { byReport, layerPairs, mergedIntervals, type Span, type TextLengths } from './spans';

export interface UnitizedResult {
  value: number | null;
  observed: number;
  expected: number;
  /** Length of the continuum, analysts compared, units (merged spans) of the label. */
  length: number;
  analysts: number;
  units: number;
}

export interface Section {
  begin: number;
  length: number;
  unit: boolean;
}

/** δ² of two sections of the same report (Krippendorff 2004, p. 252). */
export function sectionDistance(a: Section, b: Section): number {
  return sectionDistanceOf(a.begin, a.length, a.unit, b.begin, b.length, b.unit);
}

/** sectionDistance over plain numbers (the one-pass sweep keeps sections in typed arrays). */
export function sectionDistanceOf(aBegin: number, aLength: number, aUnit: boolean, bBegin: number, bLength: number, bUnit: boolean): number {
  const beginDiff = aBegin - bBegin;
  const lengthDiff = aLength - bLength;
  if (aUnit && bUnit) {
    return -aLength < beginDiff && beginDiff < bLength ? beginDiff ** 2 + (beginDiff + lengthDiff) ** 2 : 0;
  }
  if (aUnit && !bUnit) return beginDiff >= 0 && -lengthDiff >= beginDiff ? aLength ** 2 : 0;
  if (!aUnit && bUnit) return beginDiff <= 0 && -lengthDiff <= beginDiff ? bLength ** 2 : 0;
  return 0;
}

/** A report's sections for one analyst: its merged units of the label and the gaps between them. */
export function sectionsOf(intervals: readonly [number, number][], length: number): Section[] {
  const sections: Section[] = [];
  let position = 0;
  for (const [rawStart, rawEnd] of intervals) {
    const start = Math.max(position, rawStart);
    const end = Math.min(length, rawEnd);
    if (end <= start) continue;
    if (start > position) sections.push({ begin: position, length: start - position, unit: false });
    sections.push({ begin: start, length: end - start, unit: true });
    position = end;
  }
  if (position < length) sections.push({ begin: position, length: length - position, unit: false });
  return sections;
}

/** Σ δ² over every pair of overlapping sections of two analysts (one sweep). */
export function pairDistance(a: readonly Section[], b: readonly Section[]): number {
  return columnsDistance(sectionColumns(a), sectionColumns(b));
}

function sectionColumns(sections: readonly Section[]): SectionColumns {
  return {
    begin: Float64Array.from(sections, (s) => s.begin),
    length: Float64Array.from(sections, (s) => s.length),
    unit: Uint8Array.from(sections, (s) => (s.unit ? 1 : 0)),
    count: sections.length,
  };
}

/** One analyst's sections of one report as columns (the one-pass sweep fills them, no object per section). */
export interface SectionColumns {
  begin: Float64Array;
  length: Float64Array;
  /** 1 for a unit, 0 for a gap. */
  unit: Uint8Array;
  count: number;
}

/** Σ δ² over every pair of overlapping sections of two analysts, kept as columns (one sweep). */
export function columnsDistance(a: SectionColumns, b: SectionColumns): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.count && j < b.count) {
    const aBegin = a.begin[i]!;
    const aLength = a.length[i]!;
    const bBegin = b.begin[j]!;
    const bLength = b.length[j]!;
    total += sectionDistanceOf(aBegin, aLength, a.unit[i] === 1, bBegin, bLength, b.unit[j] === 1);
    const aEnd = aBegin + aLength;
    const bEnd = bBegin + bLength;
    if (aEnd <= bEnd) i += 1;
    if (bEnd <= aEnd) j += 1;
  }
  return total;
}

/** The sums αu needs, per label; labels combine by adding observed and expected parts (see combine). */
export function alphaUnitized(
  layers: readonly (readonly Span[])[],
  textLengths: TextLengths,
): UnitizedResult {
  const m = layers.length;
  let length = 0;
  for (const l of textLengths.values()) length += l;
  // sections[analyst] = per report, the analyst's sections.
  const sections = layers.map((spans) => {
    const grouped = byReport(spans);
    const perReport = new Map<string, Section[]>();
    for (const [documentId, reportLength] of textLengths) {
      perReport.set(documentId, sectionsOf(mergedIntervals(grouped.get(documentId) ?? []), reportLength));
    }
    return perReport;
  });

  let observedSum = 0;
  for (const [x, y] of layerPairs(sections)) {
    for (const documentId of textLengths.keys()) observedSum += pairDistance(x.get(documentId)!, y.get(documentId)!);
  }
  const observed = observedDisagreement(observedSum, m, length);

  const unitLengths: number[] = [];
  const gapLengths: number[] = [];
  for (const perReport of sections) {
    for (const list of perReport.values()) {
      for (const section of list) (section.unit ? unitLengths : gapLengths).push(section.length);
    }
  }
  const expected = expectedDisagreement([unitLengths], [gapLengths], m, length);
  const value = m < 2 || expected === 0 ? null : 1 - observed / expected;
  return { value, observed, expected, length, analysts: m, units: unitLengths.length };
}

/** D_o from Σ δ² over unordered pairs of analysts: 2Σ / (m(m − 1)L²). */
export function observedDisagreement(pairSum: number, m: number, length: number): number {
  return m < 2 || length === 0 ? 0 : (2 * pairSum) / (m * (m - 1) * length * length);
}

/** D_e for the units and gaps of every analyst compared (Krippendorff 2004, p. 253); factor 2/L as in the book's figures. */
export function expectedDisagreement(
  unitLists: readonly (readonly number[])[],
  gapLists: readonly (readonly number[])[],
  m: number,
  length: number,
): number {
  const sorted = (lists: readonly (readonly number[])[]): SortedLengths[] =>
    lists.map((list) => {
      const data = Float64Array.from(list).sort();
      return { data, n: data.length };
    });
  return expectedOfSorted(sorted(unitLists), sorted(gapLists), m, length);
}

/** The first n of data, ascending. */
export interface SortedLengths {
  data: ArrayLike<number>;
  n: number;
}

/**
 * D_e from each analyst's units and gaps, each list ascending. Its numerator is a sum of integers
 * (offsets are integers and l(l − 1)(2l − 1) is a multiple of 3), so the parts of each analyst's
 * units against every analyst's gaps add up exactly in any order: no list of all lengths sorted
 * together is needed.
 */
export function expectedOfSorted(units: readonly SortedLengths[], gaps: readonly SortedLengths[], m: number, length: number): number {
  let n = 0;
  let cubes = 0;
  let selfPairs = 0;
  let cross = 0;
  for (const own of units) {
    n += own.n;
    for (let u = 0; u < own.n; u += 1) {
      const l = own.data[u]!;
      cubes += (2 * l ** 3 - 3 * l ** 2 + l) / 3;
      selfPairs += l * (l - 1);
    }
    for (const other of gaps) cross += crossParts(own, other);
  }
  if (n === 0 || length === 0) return 0;
  const numerator = (n - 1) * cubes + cross;
  const denominator = m * length * (m * length - 1) - selfPairs;
  return denominator <= 0 ? 0 : ((2 / length) * numerator) / denominator;
}

/** Σ over units of l² Σ_{gaps g ≥ l} (g − l + 1), both ascending: one merge from the top. */
function crossParts(units: SortedLengths, gaps: SortedLengths): number {
  let cross = 0;
  let g = gaps.n - 1;
  let gapSum = 0;
  let gapCount = 0;
  for (let u = units.n - 1; u >= 0; u -= 1) {
    const l = units.data[u]!;
    while (g >= 0 && gaps.data[g]! >= l) {
      gapSum += gaps.data[g]!;
      gapCount += 1;
      g -= 1;
    }
    cross += l ** 2 * (gapSum - gapCount * (l - 1));
  }
  return cross;
}

/** αu over several labels: 1 − mean observed / mean expected (Krippendorff 2004, p. 256). */
export function combineUnitized(perLabel: readonly Pick<UnitizedResult, 'observed' | 'expected' | 'analysts'>[]): number | null {
  if (perLabel.length === 0) return null;
  const observed = perLabel.reduce((s, r) => s + r.observed, 0) / perLabel.length;
  const expected = perLabel.reduce((s, r) => s + r.expected, 0) / perLabel.length;
  return expected === 0 || perLabel[0]!.analysts < 2 ? null : 1 - observed / expected;
}
