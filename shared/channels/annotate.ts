// Annotating's channels: annotations (with undo of deletes), their attribute values, and the
// relations between them. Shapes: ../schemas/annotate.ts.
//
// Errors: INVALID_ARGS (a span past the text or of white space only, a value outside the schema,
// a relation across documents), NOT_FOUND, DUPLICATE (a relation or restored id that exists),
// OFFSETS_MISMATCH (a restored annotation no longer matches the text). A failed call changes nothing.
import { z } from 'zod';
import * as N from '../schemas/annotate';
import * as F from '../schemas/find';
import { AttributeValues } from '../schemas/schema';
import { byAnnotation, byDocument, byId } from './common';

export const annotateChannels = {
  'annotations.list': { args: byDocument, result: z.array(N.Annotation) },
  /** The reader's view of a document's annotations: columns, in reading order. */
  'annotations.spans': { args: byDocument, result: N.AnnotationSpans },
  'annotations.create': { args: N.NewAnnotation, result: N.Annotation },
  'annotations.update': { args: N.AnnotationPatch, result: N.Annotation },
  /**
   * Returns the deleted annotation so that the renderer can undo the deletion, with the
   * attribute values, relations and place that went with it (see AnnotationSnapshot).
   */
  'annotations.delete': { args: byId, result: N.AnnotationSnapshot },
  /** Puts back an annotation deleted earlier (undo), with its id, times, values, relations and place. */
  'annotations.restore': { args: N.AnnotationSnapshot, result: N.AnnotationSnapshot },

  // --- attribute values -------------------------------------------------------------------
  'annotations.getAttributes': { args: byAnnotation, result: AttributeValues },
  /** Validates every value against the label's schema; returns all the annotation's values. */
  'annotations.setAttributes': { args: N.SetAttributes, result: AttributeValues },
  /** Every annotation of the document that has values: { annotationId: { attributeId: value } }. */
  'annotations.attributesForDocument': { args: byDocument, result: z.record(z.string(), AttributeValues) },

  // --- relations --------------------------------------------------------------------------
  'relations.listForDocument': { args: byDocument, result: z.array(N.Relation) },
  'relations.create': { args: N.NewRelation, result: N.Relation },
  /** Returns the deleted relation; relations.restore puts it back (undo). */
  'relations.delete': { args: byId, result: N.Relation },
  'relations.restore': { args: N.Relation, result: N.Relation },

  // --- find in a report, and tagging every match ------------------------------------------
  /** Every match of a query in the document's text (the find bar); INVALID_ARGS for a bad regex. */
  'text.find': { args: F.FindInText, result: F.TextMatches },
  /** Tags many ranges with one label in one transaction; ranges already tagged so are skipped. */
  'annotations.createMany': { args: F.NewAnnotations, result: F.CreatedAnnotations },
  /** Deletes many annotations in one transaction (undo of createMany); ids already gone are left out. */
  'annotations.deleteMany': { args: F.AnnotationIds, result: F.DeletedAnnotations },
} as const;
