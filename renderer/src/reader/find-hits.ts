// The find bar's matches as the reader paints them: cut to the blocks they fall in, so a block
// renders only its own hits, and blocks without any share one empty list (and stay memoised).
import type { Block } from './blocks';

/** A match, or the part of one inside a block; `index` is the match's place in the list of all matches. */
export interface Hit {
  start: number;
  end: number;
  index: number;
}

export const noHits: readonly Hit[] = Object.freeze([]);

/** Matches are sorted and do not overlap (as text.find returns them). */
export function hitsByBlock(blocks: readonly Block[], starts: readonly number[], ends: readonly number[]): (readonly Hit[])[] {
  const result: (readonly Hit[])[] = new Array(blocks.length).fill(noHits);
  let b = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    while (b < blocks.length && blocks[b]!.end <= start) b++;
    for (let k = b; k < blocks.length && blocks[k]!.start < end; k++) {
      const block = blocks[k]!;
      const hit = { start: Math.max(start, block.start), end: Math.min(end, block.end), index: i };
      if (hit.end <= hit.start) continue;
      if (result[k] === noHits) result[k] = [];
      (result[k] as Hit[]).push(hit);
    }
  }
  return result;
}

/** The index of the first match starting at or after offset, wrapping to 0; -1 when there are none. */
export function firstMatchFrom(starts: readonly number[], offset: number): number {
  if (starts.length === 0) return -1;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo === starts.length ? 0 : lo;
}

/** A run of text within a segment: inside a hit (with its match index) or not (-1). */
export interface HitPiece {
  start: number;
  end: number;
  index: number;
}

/** Cuts [start, end) at the hits inside it; hits must be sorted. */
export function cutAtHits(start: number, end: number, hits: readonly Hit[]): HitPiece[] {
  const pieces: HitPiece[] = [];
  let at = start;
  for (const hit of hits) {
    if (hit.end <= at) continue;
    if (hit.start >= end) break;
    const from = Math.max(hit.start, at);
    if (from > at) pieces.push({ start: at, end: from, index: -1 });
    const to = Math.min(hit.end, end);
    pieces.push({ start: from, end: to, index: hit.index });
    at = to;
  }
  if (at < end) pieces.push({ start: at, end, index: -1 });
  return pieces;
}
