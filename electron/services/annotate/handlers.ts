// Annotating: annotations (annotations.ts) with what goes and comes back with one on delete and
// undo (annotation-snapshot.ts), their attribute values (attribute-values.ts), and the typed
// relations between them (relations.ts); the reader's windowed queries (span-window.ts). What
// may be written is the schema domain's to say. Channels: shared/channels/annotate.ts.
import type { annotateChannels } from '../../../shared/channels/annotate';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { assertDocument } from '../library/document-text';
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  listSpans,
  restoreAnnotation,
  updateAnnotation,
} from './annotations';
import { createAnnotations, deleteAnnotations } from './annotations-bulk';
import { findInText } from './find-in-text';
import { getValues, setValues, valuesForDocument } from './attribute-values';
import { annotationCounts, annotationPage, locateAnnotation, spanWindow } from './span-window';
import { createRelation, deleteRelation, listRelationsForDocument, restoreRelation } from './relations';

export function annotateHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof annotateChannels> {
  return {
    'annotations.list': ({ documentId }) => {
      assertDocument(ctx, documentId);
      return listAnnotations(ctx, documentId);
    },
    'annotations.spans': ({ documentId }) => listSpans(ctx, documentId),
    'annotations.window': ({ documentId, start, end, layer }) => spanWindow(ctx, documentId, start, end, layer),
    'annotations.counts': ({ documentId, layer }) => annotationCounts(ctx, documentId, layer),
    'annotations.page': (args) => annotationPage(ctx, args),
    'annotations.locate': ({ id, labelIds }) => locateAnnotation(ctx, id, labelIds),
    'annotations.create': (input) => createAnnotation(ctx, input),
    'annotations.update': (patch) => updateAnnotation(ctx, patch),
    'annotations.delete': ({ id }) => deleteAnnotation(ctx, id),
    'annotations.restore': ({ token }) => restoreAnnotation(ctx, token),
    'annotations.getAttributes': ({ annotationId }) => getValues(ctx, annotationId),
    'annotations.setAttributes': ({ annotationId, values }) => setValues(ctx, annotationId, values),
    'annotations.attributesForDocument': ({ documentId }) => valuesForDocument(ctx, documentId),
    'relations.listForDocument': ({ documentId }) => listRelationsForDocument(ctx, documentId),
    'relations.create': (input) => createRelation(ctx, input),
    'relations.delete': ({ id }) => deleteRelation(ctx, id),
    'relations.restore': ({ token }) => restoreRelation(ctx, token),
    'text.find': (input) => findInText(ctx, input),
    'annotations.createMany': (input) => createAnnotations(ctx, input),
    'annotations.deleteMany': ({ ids }) => deleteAnnotations(ctx, ids),
  };
}
