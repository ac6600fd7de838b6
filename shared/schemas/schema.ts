// Shapes of the label schema: labels with typed attributes and the values they allow, relation
// types, and the schema file a team shares.
import { z } from 'zod';
import { Id } from './common';

const Name = z.string().trim().min(1).max(80);
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'color must be #rrggbb' });
/** One character, or null for none. */
const Hotkey = z.string().length(1).nullable();

export const Label = z.object({
  id: Id,
  name: z.string().min(1).max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  hotkey: z.string().max(1).nullable(),
  position: z.number().int(),
});

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
export type RelationType = z.infer<typeof RelationType>;
export type NewRelationType = z.infer<typeof NewRelationType>;
export type LabelWithAttributes = z.infer<typeof LabelWithAttributes>;
export type AnalysisSchema = z.infer<typeof AnalysisSchema>;
export type SchemaFile = z.infer<typeof SchemaFile>;
export type SchemaImportOutcome = z.infer<typeof SchemaImportOutcome>;
export type SchemaExportOutcome = z.infer<typeof SchemaExportOutcome>;
export type Label = z.infer<typeof Label>;
