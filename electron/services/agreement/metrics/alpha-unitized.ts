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
  const beginDiff = a.begin - b.begin;
  const lengthDiff = a.length - b.length;
  if (a.unit && b.unit) {
    return -a.length < beginDiff && beginDiff < b.length ? beginDiff ** 2 + (beginDiff + lengthDiff) ** 2 : 0;
  }
  if (a.unit && !b.unit) return beginDiff >= 0 && -lengthDiff >= beginDiff ? a.length ** 2 : 0;
  if (!a.unit && b.unit) return beginDiff <= 0 && -lengthDiff <= beginDiff ? b.length ** 2 : 0;
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
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    total += sectionDistance(a[i]!, b[j]!);
    const aEnd = a[i]!.begin + a[i]!.length;
    const bEnd = b[j]!.begin + b[j]!.length;
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
  let n = 0;
  for (const list of unitLists) n += list.length;
  if (n === 0 || length === 0) return 0;
  let gapCount = 0;
  for (const list of gapLists) gapCount += list.length;
  // Gaps sorted with suffix sums, so Σ_{g ≥ l} (g − l + 1) is a binary search away.
  const sorted = new Float64Array(gapCount);
  let at = 0;
  for (const list of gapLists) for (const g of list) sorted[at++] = g;
  sorted.sort();
  const suffix = new Float64Array(gapCount + 1);
  for (let i = gapCount - 1; i >= 0; i -= 1) suffix[i] = suffix[i + 1]! + sorted[i]!;
  let numerator = 0;
  let selfPairs = 0;
  for (const list of unitLists) {
    for (const l of list) {
      numerator += ((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3;
      const first = firstAtLeast(sorted, l);
      numerator += l ** 2 * (suffix[first]! - (gapCount - first) * (l - 1));
      selfPairs += l * (l - 1);
    }
  }
  const denominator = m * length * (m * length - 1) - selfPairs;
  return denominator <= 0 ? 0 : ((2 / length) * numerator) / denominator;
}

/** Index of the first of the ascending values that is ≥ bound. */
function firstAtLeast(ascending: Float64Array, bound: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ascending[mid]! < bound) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** αu over several labels: 1 − mean observed / mean expected (Krippendorff 2004, p. 256). */
export function combineUnitized(perLabel: readonly Pick<UnitizedResult, 'observed' | 'expected' | 'analysts'>[]): number | null {
  if (perLabel.length === 0) return null;
  const observed = perLabel.reduce((s, r) => s + r.observed, 0) / perLabel.length;
  const expected = perLabel.reduce((s, r) => s + r.expected, 0) / perLabel.length;
  return expected === 0 || perLabel[0]!.analysts < 2 ? null : 1 - observed / expected;
}
