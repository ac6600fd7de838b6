// Annotating's channels: annotations (with undo of deletes), their attribute values, and the
// relations between them. Shapes: ../schemas/annotate.ts.
//
// Errors: INVALID_ARGS (a span past the text or of white space only, a value outside the schema,
// a relation across documents), NOT_FOUND, DUPLICATE (a relation or restored id that exists),
// OFFSETS_MISMATCH (a restored annotation no longer matches the text). A failed call changes nothing.
// Undo of a delete goes by the token the delete returned (NOT_FOUND once it has expired).
import { z } from 'zod';
import * as N from '../schemas/annotate';
import * as F from '../schemas/find';
import { AttributeValues } from '../schemas/schema';
import { byAnnotation, byDocument, byId, byUndoToken } from './common';

export const annotateChannels = {
  'annotations.list': { args: byDocument, result: z.array(N.Annotation) },
  /** The reader's view of a document's annotations: columns, in reading order. */
  'annotations.spans': { args: byDocument, result: N.AnnotationSpans },
  /** The reader's window: the annotations overlapping [start, end), in reading order, with quotes. */
  'annotations.window': { args: N.SpanWindowArgs, result: N.SpanWindow },
  /** How many annotations the document has, in all and per label. */
  'annotations.counts': { args: N.DocumentInLayer, result: N.AnnotationCounts },
  /** A page of the annotations in reading order (the sidebar, the link dialog's targets). */
  'annotations.page': { args: N.AnnotationPageArgs, result: N.AnnotationPage },
  /** One annotation by id and its index in annotations.page's order for the same labels. */
  'annotations.locate': { args: N.LocateArgs, result: N.Located },
  'annotations.create': { args: N.NewAnnotation, result: N.Annotation },
  'annotations.update': { args: N.AnnotationPatch, result: N.Annotation },
  /**
   * Returns the deleted annotation and a token that undoes the deletion; main keeps the
   * attribute values, relations and place that went with it.
   */
  'annotations.delete': { args: byId, result: N.DeletedAnnotation },
  /** Puts back an annotation deleted earlier (undo, by token), with its id, times, values, relations and place. */
  'annotations.restore': { args: byUndoToken, result: N.Annotation },

  // --- attribute values -------------------------------------------------------------------
  'annotations.getAttributes': { args: byAnnotation, result: AttributeValues },
  /** Validates every value against the label's schema; returns all the annotation's values. */
  'annotations.setAttributes': { args: N.SetAttributes, result: AttributeValues },
  /** Every annotation of the document that has values: { annotationId: { attributeId: value } }. */
  'annotations.attributesForDocument': { args: byDocument, result: z.record(z.string(), AttributeValues) },

  // --- relations --------------------------------------------------------------------------
  'relations.listForDocument': { args: byDocument, result: z.array(N.Relation) },
  'relations.create': { args: N.NewRelation, result: N.Relation },
  /** Returns the deleted relation and a token; relations.restore puts it back (undo). */
  'relations.delete': { args: byId, result: N.DeletedRelation },
  'relations.restore': { args: byUndoToken, result: N.Relation },
  // --- find in a report, and tagging every match ------------------------------------------
  /** Every match of a query in the document's text (the find bar); INVALID_ARGS for a bad regex. */
  'text.find': { args: F.FindInText, result: F.TextMatches },
  /** Tags many ranges with one label in one transaction; ranges already tagged so are skipped. */
  'annotations.createMany': { args: F.NewAnnotations, result: F.CreatedAnnotations },
  /** Deletes many annotations in one transaction (undo of createMany); ids already gone are left out. */
  'annotations.deleteMany': { args: F.AnnotationIds, result: F.DeletedAnnotations },
} as const;
