// The one writer of the annotation_attributes table: an annotation's value of an attribute,
// stored as JSON. Callers check values against the attribute first (schema/attribute-types.ts).
import type { AttributeValue } from '../../../shared/schemas/schema';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  set: db.prepare(
    `INSERT INTO annotation_attributes (annotation_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT (annotation_id, attribute_id) DO UPDATE SET value = excluded.value`,
  ),
  add: db.prepare('INSERT OR IGNORE INTO annotation_attributes (annotation_id, attribute_id, value) VALUES (?, ?, ?)'),
  delete: db.prepare('DELETE FROM annotation_attributes WHERE annotation_id = ? AND attribute_id = ?'),
}));

/** Sets the value, replacing one the annotation had. */
export function setAttributeValue(db: Db, annotationId: string, attributeId: string, value: AttributeValue): void {
  statements(db).set.run(annotationId, attributeId, JSON.stringify(value));
}

/** Sets the value unless the annotation has one for that attribute already. */
export function addAttributeValue(db: Db, annotationId: string, attributeId: string, value: AttributeValue): void {
  statements(db).add.run(annotationId, attributeId, JSON.stringify(value));
}

export function deleteAttributeValue(db: Db, annotationId: string, attributeId: string): void {
  statements(db).delete.run(annotationId, attributeId);
}
