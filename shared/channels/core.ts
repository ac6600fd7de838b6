// The workbench's channels: documents, labels, annotations, export. Import is in library.ts.
import { z } from 'zod';
import * as S from '../schemas';

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
  'annotations.create': { args: S.NewAnnotation, result: S.Annotation },
  'annotations.update': { args: S.AnnotationPatch, result: S.Annotation },
  /** Returns the deleted annotation so that the renderer can undo the deletion. */
  'annotations.delete': { args: byId, result: S.Annotation },
  /** Puts back an annotation deleted earlier (undo), with its id and times. */
  'annotations.restore': { args: S.Annotation, result: S.Annotation },
  /** Shows the native save dialog in main and writes the export atomically. */
  'export.dialog': { args: S.ExportRequest, result: S.ExportOutcome },
} as const;