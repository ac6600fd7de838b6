// Attribute values on annotations: checked against the label's schema before they are stored
// (as JSON), and read back only for attributes of the annotation's current label, so that a
// relabel and its undo keep the values of both labels.
import { AppError } from '../../../shared/errors';
import type { AttributeValue, AttributeValues, LabelAttribute } from '../../../shared/schemas/schema';
import * as valueRows from '../../store/writers/attribute-values';
import { checkWritableLayer, layerOf } from '../analysts/layers';
import { stampOf, type ServiceContext } from '../context';
import { checkValue, decodeValue } from '../schema/attribute-types';
import { listAttributes } from '../schema/attributes';

interface AnnotationLabel {
  id: string;
  labelId: string;
}

function annotationLabel(ctx: ServiceContext, annotationId: string): AnnotationLabel {
  const row = ctx.store.db.prepare('SELECT id, label_id AS labelId FROM annotations WHERE id = ?').get(annotationId) as
    | AnnotationLabel
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No annotation with id ${annotationId}.`);
  return row;
}

/** The annotation's values for attributes of its current label, keyed by attribute id. */
export function getValues(ctx: ServiceContext, annotationId: string): AttributeValues {
  annotationLabel(ctx, annotationId);
  const rows = ctx.store.db
    .prepare(
      `SELECT aa.attribute_id AS attributeId, aa.value FROM annotation_attributes aa
       JOIN annotations a ON a.id = aa.annotation_id
       JOIN label_attributes la ON la.id = aa.attribute_id AND la.label_id = a.label_id
       WHERE aa.annotation_id = ? ORDER BY la.position`,
    )
    .all(annotationId) as { attributeId: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.attributeId, decodeValue(r.value)]));
}

/** Every stored value of the annotation, whatever label the attribute belongs to (for undo). */
export function allStoredValues(ctx: ServiceContext, annotationId: string): AttributeValues {
  const rows = ctx.store.db
    .prepare('SELECT attribute_id AS attributeId, value FROM annotation_attributes WHERE annotation_id = ?')
    .all(annotationId) as { attributeId: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.attributeId, decodeValue(r.value)]));
}

/** { annotationId: { attributeId: value } } for the annotations of a document that have values. */
export function valuesForDocument(ctx: ServiceContext, documentId: string): Record<string, AttributeValues> {
  if (!ctx.store.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) {
    throw new AppError('NOT_FOUND', `No document with id ${documentId}.`);
  }
  // The report's annotations from an index that holds their ids and labels: no row is read for
  // those without values (27 ms, not 150, at 200,000 annotations).
  const rows = ctx.store.db
    .prepare(
      `SELECT aa.annotation_id AS annotationId, aa.attribute_id AS attributeId, aa.value
       FROM annotations a INDEXED BY annotations_by_document_label
       JOIN annotation_attributes aa ON aa.annotation_id = a.id
       JOIN label_attributes la ON la.id = aa.attribute_id AND la.label_id = a.label_id
       WHERE a.document_id = ? ORDER BY a.start, la.position`,
    )
    .all(documentId) as { annotationId: string; attributeId: string; value: string }[];
  const out: Record<string, AttributeValues> = {};
  for (const r of rows) (out[r.annotationId] ??= {})[r.attributeId] = decodeValue(r.value);
  return out;
}

/**
 * Sets (or with null clears) values keyed by attribute id or name. Every value is checked first;
 * one that does not fit fails the whole call with INVALID_ARGS and nothing is written.
 */
export function setValues(
  ctx: ServiceContext,
  annotationId: string,
  values: Readonly<Record<string, AttributeValue | null>>,
): AttributeValues {
  return ctx.store.transaction(() => {
    const annotation = annotationLabel(ctx, annotationId);
    checkWritableLayer(ctx, layerOf(ctx.store.db, annotationId) ?? ctx.analyst.id);
    const attributes = listAttributes(ctx, annotation.labelId);
    const labelName = (ctx.store.db.prepare('SELECT name FROM labels WHERE id = ?').get(annotation.labelId) as { name: string }).name;
    const writes: [LabelAttribute, AttributeValue | null][] = [];
    for (const [key, value] of Object.entries(values)) {
      const attribute =
        attributes.find((a) => a.id === key) ?? attributes.find((a) => a.name.toLowerCase() === key.trim().toLowerCase());
      if (!attribute) {
        const known = attributes.map((a) => `"${a.name}"`).join(', ') || 'none';
        throw new AppError('INVALID_ARGS', `The label "${labelName}" has no attribute "${key}" (its attributes: ${known}).`);
      }
      if (value !== null) {
        const problem = checkValue(attribute, value);
        if (problem) throw new AppError('INVALID_ARGS', problem);
      }
      writes.push([attribute, value]);
    }
    for (const [attribute, value] of writes) {
      if (value === null) valueRows.deleteAttributeValue(ctx.store.db, annotationId, attribute.id);
      else valueRows.setAttributeValue(ctx.store.db, annotationId, attribute.id, value, stampOf(ctx));
    }
    return getValues(ctx, annotationId);
  });
}
