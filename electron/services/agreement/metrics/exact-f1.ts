// exactF1: spans as (report, start, end, label); F1 = 2|A∩B| / (|A| + |B|). The same tuple
// annotated twice by one analyst counts once. Also used for relations and event roles, whose
// keys are (report, from span, to span, type).
import { ratio, type Span } from './spans';

export interface F1Result {
  value: number | null;
  /** Distinct items of each side, and how many both have. */
  a: number;
  b: number;
  matched: number;
}

export function spanKey(span: Span): string {
  return `${span.documentId}\u0000${span.start}\u0000${span.end}\u0000${span.label}`;
}

/** F1 of two sets of keys: 2|A∩B| / (|A| + |B|); null when both are empty. */
export function keyF1(keysA: Iterable<string>, keysB: Iterable<string>): F1Result {
  const a = new Set(keysA);
  const b = new Set(keysB);
  let matched = 0;
  for (const key of a) if (b.has(key)) matched += 1;
  return { value: ratio(2 * matched, a.size + b.size), a: a.size, b: b.size, matched };
}

export function exactF1(a: readonly Span[], b: readonly Span[]): F1Result {
  return keyF1(a.map(spanKey), b.map(spanKey));
}
