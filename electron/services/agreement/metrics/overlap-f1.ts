// overlapF1: (spans of A overlapping a same-label span of B + spans of B overlapping a
// same-label span of A) / (|A| + |B|). Sorted per report and label, with a prefix maximum of
// ends, so each span is answered by a binary search: O(n log n), never pairwise.
import { ratio, type Span } from './spans';

export interface OverlapF1Result {
  value: number | null;
  a: number;
  b: number;
  /** Spans of A that overlap one of B, and of B that overlap one of A. */
  aOverlapping: number;
  bOverlapping: number;
}

function groupKey(span: Span): string {
  return `${span.documentId}\u0000${span.label}`;
}

interface SortedGroup {
  starts: number[];
  /** maxEnd[k] = the largest end among the first k+1 spans by start. */
  maxEnd: number[];
}

function sortedGroups(spans: readonly Span[]): Map<string, SortedGroup> {
  const groups = new Map<string, Span[]>();
  for (const span of spans) {
    const key = groupKey(span);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(span);
  }
  const sorted = new Map<string, SortedGroup>();
  for (const [key, list] of groups) {
    list.sort((x, y) => x.start - y.start);
    const starts = list.map((s) => s.start);
    const maxEnd: number[] = [];
    let max = -Infinity;
    for (const s of list) maxEnd.push((max = Math.max(max, s.end)));
    sorted.set(key, { starts, maxEnd });
  }
  return sorted;
}

/** Number of spans with start < bound (binary search). */
function countStartingBefore(starts: readonly number[], bound: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < bound) low = mid + 1;
    else high = mid;
  }
  return low;
}

function countOverlapping(spans: readonly Span[], other: Map<string, SortedGroup>): number {
  let count = 0;
  for (const span of spans) {
    const group = other.get(groupKey(span));
    if (!group) continue;
    // A span [s, e) overlaps [s', e') iff s' < e and e' > s; an empty span overlaps one that contains its point.
    const k = countStartingBefore(group.starts, Math.max(span.end, span.start + 1));
    if (k > 0 && group.maxEnd[k - 1]! > span.start) count += 1;
  }
  return count;
}

export function overlapF1(a: readonly Span[], b: readonly Span[]): OverlapF1Result {
  const aOverlapping = countOverlapping(a, sortedGroups(b));
  const bOverlapping = countOverlapping(b, sortedGroups(a));
  return {
    value: ratio(aOverlapping + bOverlapping, a.length + b.length),
    a: a.length,
    b: b.length,
    aOverlapping,
    bOverlapping,
  };
}
