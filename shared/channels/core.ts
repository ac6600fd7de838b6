// The workbench's channels: documents, labels, annotations. Import is in library.ts.
import { z } from 'zod';
import * as S from '../schemas';
import { AnnotationSnapshot } from '../schemas-analysis';

export const none = z.object({}).strict();
export const byId = z.object({ id: S.Id }).strict();

export const coreChannels = {
  'app.info': { args: none, result: S.AppInfo },
  'labels.list': { args: none, result: z.array(S.Label) },
  'documents.list': { args: none, result: z.array(S.DocumentSummary) },
  'documents.get': { args: byId, result: S.DocumentFull },
  'annotations.list': {
    args: z.object({ documentId: S.Id }).strict(),
    result: z.array(S.Annotation),
  },
  /** The reader's view of a document's annotations: columns, in reading order. */
  'annotations.spans': { args: z.object({ documentId: S.Id }).strict(), result: S.AnnotationSpans },
  'annotations.create': { args: S.NewAnnotation, result: S.Annotation },
  'annotations.update': { args: S.AnnotationPatch, result: S.Annotation },
  /**
   * Returns the deleted annotation so that the renderer can undo the deletion, with the
   * attribute values, relations and place that went with it (see AnnotationSnapshot).
   */
  'annotations.delete': { args: byId, result: AnnotationSnapshot },
  /** Puts back an annotation deleted earlier (undo), with its id, times, values, relations and place. */
  'annotations.restore': { args: AnnotationSnapshot, result: AnnotationSnapshot },
} as const;