// Analysis channels (issue 5): label schemas and attributes, relations, places and the
// gazetteer, the claims table, and the shared schema file. Shapes are in ../schemas-analysis.ts.
//
// Seeded ids the UI may rely on: labels 'claim', 'source', 'location'; attributes
// 'claim-status', 'claim-confidence', 'claim-type', 'source-kind', 'source-named'; relation
// types 'attributed-to' (Claim → Source) and 'located-at' (Claim → Location).
//
// Errors: INVALID_ARGS (a value outside the schema, a relation across documents, coordinates out
// of range, a malformed schema file), NOT_FOUND, DUPLICATE (a name or relation that exists),
// IN_USE (deleting what data still uses: the message gives the count and what to pass),
// SCHEMA_TOO_NEW (a schema file from a newer Glossa). A failed call changes nothing.
import { z } from 'zod';
import * as S from '../schemas';
import * as A from '../schemas-analysis';

const none = z.object({}).strict();
const byId = z.object({ id: S.Id }).strict();
const byAnnotation = z.object({ annotationId: S.Id }).strict();
const byDocument = z.object({ documentId: S.Id }).strict();

export const analysisChannels = {
  // --- label schema -----------------------------------------------------------------------
  /** Labels with their attributes, and the relation types: everything a schema editor shows. */
  'schema.get': { args: none, result: A.AnalysisSchema },
  'labels.create': { args: A.NewLabel, result: S.Label },
  'labels.update': { args: A.LabelPatch, result: S.Label },
  /** Returns the labels in their new order. */
  'labels.reorder': { args: A.LabelOrder, result: z.array(S.Label) },
  'labels.delete': { args: A.LabelDelete, result: A.LabelDeleteOutcome },

  /** Attributes of one label, or of all labels when labelId is omitted, in position order. */
  'attributes.list': { args: z.object({ labelId: S.Id.optional() }).strict(), result: z.array(A.LabelAttribute) },
  'attributes.create': { args: A.NewLabelAttribute, result: A.LabelAttribute },
  'attributes.update': { args: A.LabelAttributePatch, result: A.LabelAttribute },
  'attributes.delete': { args: A.LabelAttributeDelete, result: A.LabelAttributeDeleteOutcome },

  // --- attribute values -------------------------------------------------------------------
  'annotations.getAttributes': { args: byAnnotation, result: A.AttributeValues },
  /** Validates every value against the label's schema; returns all the annotation's values. */
  'annotations.setAttributes': { args: A.SetAttributes, result: A.AttributeValues },
  /** Every annotation of the document that has values: { annotationId: { attributeId: value } }. */
  'annotations.attributesForDocument': { args: byDocument, result: z.record(z.string(), A.AttributeValues) },

  // --- relations --------------------------------------------------------------------------
  'relationTypes.list': { args: none, result: z.array(A.RelationType) },
  'relationTypes.create': { args: A.NewRelationType, result: A.RelationType },
  'relationTypes.delete': { args: A.RelationTypeDelete, result: A.RelationTypeDeleteOutcome },
  'relations.listForDocument': { args: byDocument, result: z.array(A.Relation) },
  'relations.create': { args: A.NewRelation, result: A.Relation },
  /** Returns the deleted relation; relations.restore puts it back (undo). */
  'relations.delete': { args: byId, result: A.Relation },
  'relations.restore': { args: A.Relation, result: A.Relation },

  // --- places -----------------------------------------------------------------------------
  /** Ranked gazetteer candidates for the annotation's quote (or query). Loads the gazetteer on first use. */
  'places.candidates': { args: A.PlaceCandidatesRequest, result: z.array(A.PlaceCandidate) },
  'places.get': { args: byAnnotation, result: A.Place.nullable() },
  /** By geonameid, by candidate key, or by coordinates entered by hand. Replaces an earlier place. */
  'places.resolve': { args: A.PlaceResolve, result: A.Place },
  /** Returns the place that was cleared (null if none); places.restore puts it back (undo). */
  'places.clear': { args: byAnnotation, result: A.Place.nullable() },
  'places.restore': { args: A.Place, result: A.Place },
  /** Resolved places of one document, or of the corpus, grouped by point, for the map. */
  'places.list': { args: z.object({ documentId: S.Id.optional() }).strict(), result: z.array(A.MapPlace) },

  // --- claims table -----------------------------------------------------------------------
  'claims.table': { args: A.ClaimsQuery, result: A.ClaimsPage },

  // --- schema file ------------------------------------------------------------------------
  /** The schema file as an object (write it with JSON.stringify). */
  'schema.export': { args: none, result: A.SchemaFile },
  /** Shows the save dialog and writes the schema file (JSON) atomically. */
  'schema.exportDialog': { args: none, result: A.SchemaExportOutcome },
  /** Merges a schema file's text: adds labels, attributes, options and relation types by name; never deletes. */
  'schema.import': { args: A.SchemaImportRequest, result: A.SchemaImportOutcome },
} as const;
