// What the renderer keeps of an annotation: where it is, its label, quote and note.
import type { Annotation, SpanWindow } from '../../../shared/schemas/annotate';

export type ReaderAnnotation = Pick<Annotation, 'id' | 'documentId' | 'labelId' | 'start' | 'end' | 'quote' | 'note'> &
  /** Who made it and when, where the list's query gave them (the cards show them). */
  Partial<Pick<Annotation, 'createdBy' | 'updatedBy' | 'createdAt' | 'updatedAt'>>;

/** The annotations of a window of the text (their quotes may run past it). */
export function fromWindow(spans: SpanWindow): ReaderAnnotation[] {
  const { documentId, ids, labelIds, starts, ends, notes, quotes } = spans;
  return ids.map((id, i) => ({ id, documentId, labelId: labelIds[i]!, start: starts[i]!, end: ends[i]!, quote: quotes[i]!, note: notes[i]! }));
}
