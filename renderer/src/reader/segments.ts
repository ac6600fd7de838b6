// Turns the annotations that touch a block into segments: runs of text covered by the same set
// of annotations. Each annotation gets a layer (its underline's row) so that overlapping and
// nested spans all stay visible.

import type { Block } from './blocks';
import type { ReaderAnnotation } from '../state/reader-annotation';

export interface Segment {
  start: number;
  end: number;
  /** Covering annotations, ordered by layer (layer 0 first). */
  covering: LayeredAnnotation[];
}

interface LayeredAnnotation {
  annotation: ReaderAnnotation;
  layer: number;
}

/** Sorted by start, then longer first, then by id (as main sorts them): the order in which layers are handed out. */
export function readingOrder(a: ReaderAnnotation, b: ReaderAnnotation): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Groups annotations by the blocks they touch. Annotations must be in reading order; the
 * result lists, per block, the annotations overlapping it, in the same order.
 */
export function annotationsByBlock(blocks: readonly Block[], sorted: readonly ReaderAnnotation[]): ReaderAnnotation[][] {
  const result: ReaderAnnotation[][] = blocks.map(() => []);
  let first = 0;
  for (const annotation of sorted) {
    while (first < blocks.length && blocks[first]!.end <= annotation.start) first++;
    for (let i = first; i < blocks.length && blocks[i]!.start < annotation.end; i++) {
      result[i]!.push(annotation);
    }
  }
  return result;
}

/**
 * Like annotationsByBlock, but keeps each block's previous array when its annotations did not
 * change, so that only the blocks an edit touched render again.
 */
export function updateAnnotationsByBlock(
  previous: readonly ReaderAnnotation[][] | null,
  blocks: readonly Block[],
  sorted: readonly ReaderAnnotation[],
): ReaderAnnotation[][] {
  const next = annotationsByBlock(blocks, sorted);
  if (!previous || previous.length !== next.length) return next;
  return next.map((list, i) => {
    const old = previous[i]!;
    return old.length === list.length && old.every((a, j) => a === list[j]) ? old : list;
  });
}

/** Assigns layers greedily: each annotation takes the lowest layer free at its start. */
export function assignLayers(sorted: readonly ReaderAnnotation[]): Map<string, number> {
  const layers = new Map<string, number>();
  const layerEnds: number[] = [];
  for (const annotation of sorted) {
    let layer = layerEnds.findIndex((end) => end <= annotation.start);
    if (layer === -1) layer = layerEnds.length;
    layerEnds[layer] = annotation.end;
    layers.set(annotation.id, layer);
  }
  return layers;
}

export function segmentBlock(block: Block, annotations: readonly ReaderAnnotation[]): Segment[] {
  const layers = assignLayers(annotations);
  const cuts = new Set<number>([block.start, block.end]);
  for (const a of annotations) {
    if (a.start > block.start && a.start < block.end) cuts.add(a.start);
    if (a.end > block.start && a.end < block.end) cuts.add(a.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = annotations
      .filter((a) => a.start < end && a.end > start)
      .map((annotation) => ({ annotation, layer: layers.get(annotation.id)! }))
      .sort((x, y) => x.layer - y.layer);
    segments.push({ start, end, covering });
  }
  return segments;
}
