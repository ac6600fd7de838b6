// How agreement figures are written on screen: two decimals, and a dash with a reason where a
// measure is undefined (nothing to compare), never a made-up 1. Pure.
import type { SpanFiguresData } from '../../../shared/schemas/agreement';

export type Measure = keyof SpanFiguresData;

export const measures: readonly { id: Measure; name: string; about: string }[] = [
  { id: 'exactF1', name: 'Exact F1', about: 'spans with the same start, end and label' },
  { id: 'overlapF1', name: 'Overlap F1', about: 'spans overlapping a span of the same label' },
  { id: 'charKappa', name: 'Character κ', about: "Cohen's kappa over every character, per label" },
  { id: 'alphaU', name: 'αu', about: "Krippendorff's unitized alpha" },
];

export function formatFigure(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

/** A cell's accessible name: the figure, or why there is none. */
export function describeFigure(value: number | null): string {
  return value === null ? 'not defined: nothing to compare' : value.toFixed(3);
}

/** A band for the cell's colour: good (≥ 0.8), fair (≥ 0.667, Krippendorff's tentative floor), poor. */
export function figureBand(value: number | null): 'none' | 'good' | 'fair' | 'poor' {
  if (value === null) return 'none';
  if (value >= 0.8) return 'good';
  if (value >= 0.667) return 'fair';
  return 'poor';
}
