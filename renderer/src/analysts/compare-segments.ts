// Cuts a text into segments by the spans of one layer in a comparison: each segment says whether
// a span covers it, and whether one of those is missing from the other layer (a difference).
import type { ComparedSpan } from '../../../shared/schemas/analysts';

export interface CompareSegment {
  start: number;
  end: number;
  /** 'none': no span; 'same': only spans the other layer has too; 'diff': a span it lacks. */
  kind: 'none' | 'same' | 'diff';
  /** Label ids of the spans covering it. */
  labelIds: string[];
}

export function compareSegments(length: number, spans: readonly ComparedSpan[]): CompareSegment[] {
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    cuts.add(Math.min(s.start, length));
    cuts.add(Math.min(s.end, length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const open: ComparedSpan[] = [];
  let next = 0;
  const segments: CompareSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (next < byStart.length && byStart[next]!.start <= start) open.push(byStart[next++]!);
    for (let k = open.length - 1; k >= 0; k--) if (open[k]!.end <= start) open.splice(k, 1);
    const covering = open.filter((s) => s.start < end && s.end > start);
    const kind = covering.length === 0 ? 'none' : covering.some((s) => !s.matched) ? 'diff' : 'same';
    const last = segments[segments.length - 1];
    const labelIds = covering.map((s) => s.labelId);
    if (last && last.kind === kind && kind === 'none') last.end = end;
    else segments.push({ start, end, kind, labelIds });
  }
  return segments;
}
