// Data shapes of analysis (issue 5): label schemas with typed attributes, typed relations
// between annotations, places resolved against the offline gazetteer, the claims table, and the
// schema file a team shares. Offsets are UTF-16 code units, as everywhere (see offsets.ts).
import { z } from 'zod';
import { Annotation, Id, Label } from './schemas';

const IsoTime = z.string().max(40);
const Name = z.string().trim().min(1).max(80);
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'color must be #rrggbb' });
/** One character, or null for none. */
const Hotkey = z.string().length(1).nullable();
/** YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'dates are YYYY-MM-DD' });

// ---------------------------------------------------------------------------------------------
// Labels (Label itself is in schemas.ts: id, name, color, hotkey, position)

export const NewLabel = z
  .object({ name: Name, color: Color, hotkey: Hotkey.optional() })
  .strict();

export const LabelPatch = z
  .object({ id: Id, name: Name.optional(), color: Color.optional(), hotkey: Hotkey.optional() })
  .strict()
  .refine((p) => p.name !== undefined || p.color !== undefined || p.hotkey !== undefined, {
    message: 'nothing to change: give name, color or hotkey',
  });

/** Every label id, in the new order (positions become 1..n). */
export const LabelOrder = z.object({ ids: z.array(Id).min(1).max(500) }).strict();

/**
 * Deleting a label that annotations use needs a decision: delete those annotations, or relabel
 * them to another label (attribute values move along where the target has an attribute of the
 * same name and type that accepts them). Without one the call fails with IN_USE and the count.
 */
export const LabelDelete = z
  .object({
    id: Id,
    annotations: z.enum(['delete', 'relabel']).optional(),
    relabelTo: Id.optional(),
  })
  .strict()
  .refine((d) => (d.annotations === 'relabel') === (d.relabelTo !== undefined), {
    message: 'relabelTo is needed with annotations: "relabel", and only then',
  });

export const LabelDeleteOutcome = z.object({
  deleted: Label,
  annotationsDeleted: z.number().int().nonnegative(),
  annotationsRelabeled: z.number().int().nonnegative(),
});

// ---------------------------------------------------------------------------------------------
// Attributes of labels

export const attributeTypes = ['choice', 'multi', 'text', 'number', 'date', 'boolean'] as const;
export const AttributeType = z.enum(attributeTypes);

const OptionText = z.string().trim().min(1).max(80);

/**
 * A stored value. By type: choice → one of the options (string); multi → some of the options
 * (string[], no repeats); text → string (≤ 10,000 characters); number → finite number;
 * date → "YYYY-MM-DD"; boolean → true/false. null (in setAttributes) clears the value.
 */
export const AttributeValue = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(80)).max(100),
]);

export const LabelAttribute = z.object({
  id: Id,
  labelId: Id,
  name: z.string(),
  type: AttributeType,
  /** Allowed values of choice and multi, in display order; [] for other types. */
  options: z.array(z.string()),
  position: z.number().int(),
});

export const NewLabelAttribute = z
  .object({
    labelId: Id,
    name: Name,
    type: AttributeType,
    options: z.array(OptionText).max(100).optional(),
  })
  .strict();

/**
 * Changes an attribute. Removing an option that values use fails with IN_USE unless
 * renameOptions maps it to a kept option ({ old: new }); renamed options move their values.
 * The type cannot change once values exist (IN_USE).
 */
export const LabelAttributePatch = z
  .object({
    id: Id,
    name: Name.optional(),
    type: AttributeType.optional(),
    options: z.array(OptionText).max(100).optional(),
    renameOptions: z.record(z.string(), OptionText).optional(),
    position: z.number().int().optional(),
  })
  .strict();

/** Deleting an attribute whose values exist needs discardValues: true, else IN_USE with the count. */
export const LabelAttributeDelete = z.object({ id: Id, discardValues: z.boolean().optional() }).strict();

export const LabelAttributeDeleteOutcome = z.object({
  deleted: LabelAttribute,
  valuesDeleted: z.number().int().nonnegative(),
});

/** An annotation's attribute values, keyed by attribute id (only attributes of its current label). */
export const AttributeValues = z.record(z.string(), AttributeValue);

export const SetAttributes = z
  .object({
    annotationId: Id,
    /** Keyed by attribute id or name (case-insensitive); null clears; keys not given stay. */
    values: z.record(z.string().min(1).max(80), AttributeValue.nullable()),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Relations

export const RelationType = z.object({
  id: Id,
  name: z.string(),
  /** The label its source annotation must have; null for any. */
  fromLabelId: Id.nullable(),
  /** The label its target annotation must have; null for any. */
  toLabelId: Id.nullable(),
  position: z.number().int(),
});

export const NewRelationType = z
  .object({ name: Name, fromLabelId: Id.nullable().optional(), toLabelId: Id.nullable().optional() })
  .strict();

/** Deleting a type that relations use needs deleteRelations: true, else IN_USE with the count. */
export const RelationTypeDelete = z.object({ id: Id, deleteRelations: z.boolean().optional() }).strict();

export const RelationTypeDeleteOutcome = z.object({
  deleted: RelationType,
  relationsDeleted: z.number().int().nonnegative(),
});

/** A directed, typed link from one annotation to another in the same document. */
export const Relation = z.object({
  id: Id,
  typeId: Id,
  fromId: Id,
  toId: Id,
  createdAt: IsoTime,
});

/** typeId may also be the type's name (case-insensitive). */
export const NewRelation = z.object({ typeId: Id, fromId: Id, toId: Id }).strict();

// ---------------------------------------------------------------------------------------------
// Places

/** A gazetteer entry: a populated place (GeoNames cities500), a first-level admin area, or a country. */
export const PlaceKind = z.enum(['city', 'admin1', 'country']);

export const PlaceCandidate = z.object({
  /** Stable key for places.resolve: "g:<geonameid>" (city), "a1:<CC>.<code>" (admin1), "c:<CC>". */
  key: z.string(),
  kind: PlaceKind,
  /** GeoNames id; null for admin areas and countries (the bundled data has none for them). */
  geonameid: z.number().int().nullable(),
  name: z.string(),
  /** ISO 3166-1 alpha-2. */
  country: z.string(),
  countryName: z.string(),
  /** Name of the first-level admin area (province, governorate, state), when known. */
  admin1: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  population: z.number().int().nonnegative(),
  /** The name or alternate name that matched the query. */
  matched: z.string(),
  /** Higher is better; candidates come sorted by it. */
  score: z.number(),
});

export const PlaceCandidatesRequest = z
  .object({
    annotationId: Id,
    /** Search for this instead of the annotation's quote (the analyst typed another spelling). */
    query: z.string().trim().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .strict();

const Lat = z.number().min(-90, { message: 'latitude must be from -90 to 90' }).max(90, { message: 'latitude must be from -90 to 90' });
const Lon = z.number().min(-180, { message: 'longitude must be from -180 to 180' }).max(180, { message: 'longitude must be from -180 to 180' });

export const PlaceResolve = z.union([
  z.object({ annotationId: Id, geonameid: z.number().int().positive() }).strict(),
  /** A candidate's key (admin areas and countries have no geonameid here). */
  z.object({ annotationId: Id, key: z.string().min(1).max(40) }).strict(),
  /** Coordinates entered by hand; name defaults to the annotation's quote. */
  z.object({ annotationId: Id, lat: Lat, lon: Lon, name: z.string().trim().min(1).max(200).optional() }).strict(),
]);

export const Place = z.object({
  annotationId: Id,
  geonameid: z.number().int().nullable(),
  name: z.string(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  population: z.number().int().nullable(),
  resolvedBy: z.enum(['gazetteer', 'manual']),
  resolvedAt: IsoTime,
});

/** One point on the map: every resolved annotation at the same place, with their documents. */
export const MapPlace = z.object({
  /** "g:<geonameid>", or "m:<lat>,<lon>:<name>" for places without a geonameid. */
  key: z.string(),
  geonameid: z.number().int().nullable(),
  name: z.string(),
  country: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  annotations: z.array(
    z.object({
      annotationId: Id,
      documentId: Id,
      documentTitle: z.string(),
      quote: z.string(),
      start: z.number().int(),
      end: z.number().int(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Undo of annotations.delete: the snapshot carries what went with the annotation.

export const AnnotationSnapshot = Annotation.extend({
  /** Its attribute values (by attribute id); omitted when it had none. */
  attributes: AttributeValues.optional(),
  /** Relations from or to it; omitted when it had none. */
  relations: z.array(Relation).optional(),
  /** Its resolved place; omitted when it had none. */
  place: Place.optional(),
});

// ---------------------------------------------------------------------------------------------
// Claims table

/** Annotations with this attribute holding one of these values (for multi: containing one). */
export const AttributeFilter = z
  .object({ attributeId: Id, values: z.array(z.union([z.string().max(200), z.number(), z.boolean()])).min(1).max(50) })
  .strict();

export const ClaimFilters = z
  .object({
    /** Filters on the claim's own attributes (e.g. status); all must hold. */
    attributes: z.array(AttributeFilter).max(20).optional(),
    /** Filters on attributed sources (e.g. kind): some attributed source matches each. */
    sourceAttributes: z.array(AttributeFilter).max(20).optional(),
    /** Document published date, inclusive, YYYY-MM-DD. */
    dateFrom: IsoDate.optional(),
    dateTo: IsoDate.optional(),
    /** Documents having any of these tags. */
    tags: z.array(z.string().max(200)).max(50).optional(),
    documentIds: z.array(Id).max(500).optional(),
    /** Case-insensitive substring of the quote. */
    text: z.string().max(200).optional(),
    hasSource: z.boolean().optional(),
    hasLocation: z.boolean().optional(),
  })
  .strict();

export const ClaimSort = z
  .object({
    key: z.enum(['date', 'document', 'quote', 'created', 'attribute']),
    /** With key "attribute". */
    attributeId: Id.optional(),
    direction: z.enum(['asc', 'desc']).optional(),
  })
  .strict()
  .refine((s) => (s.key === 'attribute') === (s.attributeId !== undefined), {
    message: 'attributeId goes with key "attribute", and only then',
  });

export const ClaimsQuery = z
  .object({
    filters: ClaimFilters.optional(),
    sort: ClaimSort.optional(),
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(500).optional(),
    /** The label whose annotations are claims (default "claim"). */
    labelId: Id.optional(),
  })
  .strict();

export const ClaimRow = z.object({
  id: Id,
  documentId: Id,
  documentTitle: z.string(),
  publishedAt: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  note: z.string(),
  createdAt: IsoTime,
  attributes: AttributeValues,
  /** Annotations this claim is "attributed to", with their attributes (kind, named). */
  sources: z.array(z.object({ id: Id, quote: z.string(), attributes: AttributeValues })),
  /** Annotations this claim is "located at", with the resolved place when there is one. */
  locations: z.array(
    z.object({
      id: Id,
      quote: z.string(),
      place: z
        .object({ name: z.string(), country: z.string().nullable(), lat: z.number(), lon: z.number(), geonameid: z.number().int().nullable() })
        .nullable(),
    }),
  ),
});

export const ClaimsPage = z.object({
  /** Claims matching the filters, all pages together. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(ClaimRow),
});

// ---------------------------------------------------------------------------------------------
// The whole schema, and the file a team shares

export const LabelWithAttributes = Label.extend({ attributes: z.array(LabelAttribute) });

export const AnalysisSchema = z.object({
  labels: z.array(LabelWithAttributes),
  relationTypes: z.array(RelationType),
});

export const schemaFileVersion = 1;

/** The shared schema file: labels (with attributes) and relation types, referred to by name. */
export const SchemaFile = z
  .object({
    glossaSchema: z.number().int().positive(),
    exportedAt: z.string().optional(),
    labels: z
      .array(
        z
          .object({
            name: Name,
            color: Color,
            hotkey: Hotkey.optional(),
            attributes: z
              .array(
                z
                  .object({ name: Name, type: AttributeType, options: z.array(OptionText).max(100).optional() })
                  .strict(),
              )
              .max(100)
              .optional(),
          })
          .strict(),
      )
      .max(500),
    relationTypes: z
      .array(z.object({ name: Name, from: Name.nullable().optional(), to: Name.nullable().optional() }).strict())
      .max(500)
      .optional(),
  })
  .strict();

export const SchemaImportRequest = z.object({ json: z.string().max(5_000_000) }).strict();

export const SchemaImportOutcome = z.object({
  labelsAdded: z.array(z.string()),
  attributesAdded: z.array(z.string()),
  optionsAdded: z.array(z.string()),
  relationTypesAdded: z.array(z.string()),
  /** What was in the file but differs here and was left as it is (e.g. an attribute of another type). */
  conflicts: z.array(z.string()),
});

export const SchemaExportOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('written'), path: z.string() }),
]);

export type NewLabel = z.infer<typeof NewLabel>;
export type LabelPatch = z.infer<typeof LabelPatch>;
export type LabelDelete = z.infer<typeof LabelDelete>;
export type LabelDeleteOutcome = z.infer<typeof LabelDeleteOutcome>;
export type AttributeType = z.infer<typeof AttributeType>;
export type AttributeValue = z.infer<typeof AttributeValue>;
export type AttributeValues = z.infer<typeof AttributeValues>;
export type LabelAttribute = z.infer<typeof LabelAttribute>;
export type NewLabelAttribute = z.infer<typeof NewLabelAttribute>;
export type LabelAttributePatch = z.infer<typeof LabelAttributePatch>;
export type SetAttributes = z.infer<typeof SetAttributes>;
export type RelationType = z.infer<typeof RelationType>;
export type NewRelationType = z.infer<typeof NewRelationType>;
export type Relation = z.infer<typeof Relation>;
export type NewRelation = z.infer<typeof NewRelation>;
export type PlaceKind = z.infer<typeof PlaceKind>;
export type PlaceCandidate = z.infer<typeof PlaceCandidate>;
export type PlaceResolve = z.infer<typeof PlaceResolve>;
export type Place = z.infer<typeof Place>;
export type MapPlace = z.infer<typeof MapPlace>;
export type AnnotationSnapshot = z.infer<typeof AnnotationSnapshot>;
export type AttributeFilter = z.infer<typeof AttributeFilter>;
export type ClaimFilters = z.infer<typeof ClaimFilters>;
export type ClaimSort = z.infer<typeof ClaimSort>;
export type ClaimsQuery = z.infer<typeof ClaimsQuery>;
export type ClaimRow = z.infer<typeof ClaimRow>;
export type ClaimsPage = z.infer<typeof ClaimsPage>;
export type LabelWithAttributes = z.infer<typeof LabelWithAttributes>;
export type AnalysisSchema = z.infer<typeof AnalysisSchema>;
export type SchemaFile = z.infer<typeof SchemaFile>;
export type SchemaImportOutcome = z.infer<typeof SchemaImportOutcome>;
export type SchemaExportOutcome = z.infer<typeof SchemaExportOutcome>;
