// Stepping through a report's annotations from the keyboard: the next or previous one in reading
// order, of any label or of one. From a selected annotation main says where it ranks; from a
// point in the text the loaded windows say what lies beside it.
import { call } from '../api';
import type { DocumentWindow } from '../state/document-window';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { viewedLayer } from '../state/view-layer';

export interface StepRequest {
  direction: 1 | -1;
  /** Only annotations with this label; null for every label. */
  labelId: string | null;
  /** The selected annotation, if any: the step starts from it. */
  from: ReaderAnnotation | null;
  /** Otherwise the step starts from this offset (the cursor). */
  offset: number;
}

export async function stepAnnotation(window: DocumentWindow, { direction, labelId, from, offset }: StepRequest): Promise<ReaderAnnotation | null> {
  const labelIds = labelId ? [labelId] : null;
  if (from) {
    const { rank } = await call('annotations.locate', { id: from.id, labelIds });
    if (rank !== null) {
      const at = rank + direction;
      if (at < 0) return null;
      const page = await call('annotations.page', { documentId: window.documentId, labelIds, layer: viewedLayer(), offset: at, limit: 1 });
      return page.items[0] ?? null;
    }
    offset = from.start;
  }
  return nearestLoaded(window.loadedAnnotations(), offset, direction, labelId);
}

/** Among loaded annotations, the first starting at or after `offset` (or the last before it). */
export function nearestLoaded(annotations: readonly ReaderAnnotation[], offset: number, direction: 1 | -1, labelId: string | null): ReaderAnnotation | null {
  const order = [...annotations].filter((a) => labelId === null || a.labelId === labelId).sort((a, b) => a.start - b.start || a.end - b.end);
  if (direction === 1) return order.find((a) => a.start >= offset) ?? null;
  return order.reverse().find((a) => a.start < offset) ?? null;
}
