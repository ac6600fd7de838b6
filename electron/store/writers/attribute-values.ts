// The one writer of the annotation_attributes table: an annotation's value of an attribute,
// stored as JSON, with who set it first and last, and when. Callers check values against the
// attribute first (schema/attribute-types.ts).
import type { Stamp } from '../../../shared/schemas/analysts';
import type { AttributeValue } from '../../../shared/schemas/schema';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const columns = 'annotation_id, attribute_id, value, created_by, updated_by, created_at, updated_at';

const statements = statementsFor((db) => ({
  set: db.prepare(
    `INSERT INTO annotation_attributes (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (annotation_id, attribute_id) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ),
  add: db.prepare(`INSERT OR IGNORE INTO annotation_attributes (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?)`),
  delete: db.prepare('DELETE FROM annotation_attributes WHERE annotation_id = ? AND attribute_id = ?'),
}));

/** Sets the value, replacing one the annotation had. */
export function setAttributeValue(db: Db, annotationId: string, attributeId: string, value: AttributeValue, stamp: Stamp): void {
  statements(db).set.run(annotationId, attributeId, JSON.stringify(value), stamp.by, stamp.by, stamp.at, stamp.at);
}

/** Sets the value unless the annotation has one for that attribute already. */
export function addAttributeValue(db: Db, annotationId: string, attributeId: string, value: AttributeValue, stamp: Stamp): void {
  statements(db).add.run(annotationId, attributeId, JSON.stringify(value), stamp.by, stamp.by, stamp.at, stamp.at);
}

export function deleteAttributeValue(db: Db, annotationId: string, attributeId: string): void {
  statements(db).delete.run(annotationId, attributeId);
}
