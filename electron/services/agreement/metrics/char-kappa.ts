// charKappa for one label: every position of the reports in scope is 1 when inside a span of
// that label by the analyst, else 0; Cohen's κ over all positions pooled. Computed from interval
// lengths (a sweep over each report's merged spans), never position by position.
import { byReport, coveredLength, intersectionLength, mergedIntervals, type Span, type TextLengths } from './spans';

export interface KappaResult {
  value: number | null;
  /** Positions pooled, positions inside spans of A, of B, of both. */
  positions: number;
  a: number;
  b: number;
  both: number;
  observed: number | null;
  chance: number | null;
}

/** Cohen's κ from the four cells of a 2×2 table; κ = 1 where chance agreement is 1. */
export function kappaFromCounts(positions: number, a: number, b: number, both: number): KappaResult {
  if (positions === 0) return { value: null, positions, a, b, both, observed: null, chance: null };
  const neither = positions - a - b + both;
  const observed = (both + neither) / positions;
  const pA = a / positions;
  const pB = b / positions;
  const chance = pA * pB + (1 - pA) * (1 - pB);
  const value = chance === 1 ? 1 : (observed - chance) / (1 - chance);
  return { value, positions, a, b, both, observed, chance };
}

/** Spans of one label by two analysts, over the reports in textLengths (spans elsewhere are ignored). */
export function charKappa(a: readonly Span[], b: readonly Span[], textLengths: TextLengths): KappaResult {
  const aByReport = byReport(a);
  const bByReport = byReport(b);
  let positions = 0;
  let coveredA = 0;
  let coveredB = 0;
  let both = 0;
  for (const [documentId, length] of textLengths) {
    positions += length;
    const aIntervals = clip(mergedIntervals(aByReport.get(documentId) ?? []), length);
    const bIntervals = clip(mergedIntervals(bByReport.get(documentId) ?? []), length);
    coveredA += coveredLength(aIntervals);
    coveredB += coveredLength(bIntervals);
    both += intersectionLength(aIntervals, bIntervals);
  }
  return kappaFromCounts(positions, coveredA, coveredB, both);
}

function clip(intervals: [number, number][], length: number): [number, number][] {
  return intervals
    .map(([start, end]): [number, number] => [Math.max(0, start), Math.min(length, end)])
    .filter(([start, end]) => end > start);
}
