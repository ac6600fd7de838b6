// What the renderer keeps of an annotation: where it is, its label and note. The quote is the
// text between the offsets, so it is cut from the document rather than sent over IPC.
import type { Annotation, AnnotationSpans } from '../../../shared/schemas/annotate';

export type ReaderAnnotation = Pick<Annotation, 'id' | 'documentId' | 'labelId' | 'start' | 'end' | 'quote' | 'note'>;

export function fromSpans(spans: AnnotationSpans, text: string): ReaderAnnotation[] {
  const { documentId, ids, labelIds, starts, ends, notes } = spans;
  return ids.map((id, i) => ({
    id,
    documentId,
    labelId: labelIds[i]!,
    start: starts[i]!,
    end: ends[i]!,
    quote: text.slice(starts[i], ends[i]),
    note: notes[i]!,
  }));
}
