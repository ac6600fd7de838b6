// The label schema's channels: labels, their typed attributes, relation types, and the schema
// file a team shares. Shapes: ../schemas/schema.ts.
//
// Seeded ids the UI may rely on: labels 'claim', 'source', 'location'; attributes
// 'claim-status', 'claim-confidence', 'claim-type', 'source-kind', 'source-named'; relation
// types 'attributed-to' (Claim → Source) and 'located-at' (Claim → Location).
//
// Errors: INVALID_ARGS (a malformed schema file, options that do not fit a type), NOT_FOUND,
// DUPLICATE (a name that exists), IN_USE (deleting what data still uses: the message gives the
// count and what to pass), SCHEMA_TOO_NEW (a schema file from a newer Glossa). A failed call
// changes nothing.
import { z } from 'zod';
import { Id } from '../schemas/common';
import * as H from '../schemas/schema';
import { none } from './common';

export const schemaChannels = {
  /** Labels with their attributes, and the relation types: everything a schema editor shows. */
  'schema.get': { args: none, result: H.AnalysisSchema },

  'labels.list': { args: none, result: z.array(H.Label) },
  'labels.create': { args: H.NewLabel, result: H.Label },
  'labels.update': { args: H.LabelPatch, result: H.Label },
  /** Returns the labels in their new order. */
  'labels.reorder': { args: H.LabelOrder, result: z.array(H.Label) },
  'labels.delete': { args: H.LabelDelete, result: H.LabelDeleteOutcome },

  /** Attributes of one label, or of all labels when labelId is omitted, in position order. */
  'attributes.list': { args: z.object({ labelId: Id.optional() }).strict(), result: z.array(H.LabelAttribute) },
  'attributes.create': { args: H.NewLabelAttribute, result: H.LabelAttribute },
  'attributes.update': { args: H.LabelAttributePatch, result: H.LabelAttribute },
  'attributes.delete': { args: H.LabelAttributeDelete, result: H.LabelAttributeDeleteOutcome },

  'relationTypes.list': { args: none, result: z.array(H.RelationType) },
  'relationTypes.create': { args: H.NewRelationType, result: H.RelationType },
  'relationTypes.delete': { args: H.RelationTypeDelete, result: H.RelationTypeDeleteOutcome },

  // --- schema file ------------------------------------------------------------------------
  /** The schema file as an object (write it with JSON.stringify). */
  'schema.export': { args: none, result: H.SchemaFile },
  /** Shows the save dialog and writes the schema file (JSON) atomically. */
  'schema.exportDialog': { args: none, result: H.SchemaExportOutcome },
  /** Merges a schema file's text: adds labels, attributes, options and relation types by name; never deletes. */
  'schema.import': { args: H.SchemaImportRequest, result: H.SchemaImportOutcome },
} as const;
