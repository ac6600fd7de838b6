// What goes with an annotation when it is deleted, and comes back with it on undo: its
// attribute values, the relations from and to it, and its resolved place. The store removes
// them by foreign-key cascade; annotations.delete returns them in its AnnotationSnapshot.
import type { Annotation } from '../../shared/schemas';
import type { AnnotationSnapshot, LabelAttribute } from '../../shared/schemas-analysis';
import { allStoredValues, checkValue } from './attribute-values';
import type { ServiceContext } from './context';
import { getPlace, insertPlaceRow } from './places';
import { relationsOf } from './relations';

/** The annotation with what would be lost with it; call before deleting. */
export function snapshotOf(ctx: ServiceContext, annotation: Annotation): AnnotationSnapshot {
  const snapshot: AnnotationSnapshot = { ...annotation };
  const attributes = allStoredValues(ctx, annotation.id);
  if (Object.keys(attributes).length > 0) snapshot.attributes = attributes;
  const relations = relationsOf(ctx, annotation.id);
  if (relations.length > 0) snapshot.relations = relations;
  const place = getPlace(ctx, annotation.id);
  if (place) snapshot.place = place;
  return snapshot;
}

/**
 * Puts back the snapshot's values, relations and place for an annotation just re-inserted, in
 * the caller's transaction. What can no longer be put back is skipped: a value whose attribute
 * was deleted or no longer allows it, a relation whose other annotation or type is gone.
 */
export function restoreExtras(ctx: ServiceContext, snapshot: AnnotationSnapshot): void {
  const db = ctx.store.db;
  if (snapshot.attributes) {
    const attributeOf = db.prepare('SELECT id, label_id AS labelId, name, type, options, position FROM label_attributes WHERE id = ?');
    const insert = db.prepare('INSERT OR REPLACE INTO annotation_attributes (annotation_id, attribute_id, value) VALUES (?, ?, ?)');
    for (const [attributeId, value] of Object.entries(snapshot.attributes)) {
      const row = attributeOf.get(attributeId) as (Omit<LabelAttribute, 'options'> & { options: string }) | undefined;
      if (!row) continue;
      const attribute: LabelAttribute = { ...row, options: JSON.parse(row.options) as string[] };
      if (checkValue(attribute, value) === null) insert.run(snapshot.id, attributeId, JSON.stringify(value));
    }
  }
  if (snapshot.relations) {
    const exists = db.prepare('SELECT 1 FROM annotations WHERE id = ? AND document_id = ?');
    const typeExists = db.prepare('SELECT 1 FROM relation_types WHERE id = ?');
    const insert = db.prepare(
      'INSERT OR IGNORE INTO relations (id, type_id, from_id, to_id, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const r of snapshot.relations) {
      if (r.fromId !== snapshot.id && r.toId !== snapshot.id) continue;
      const other = r.fromId === snapshot.id ? r.toId : r.fromId;
      if (other === snapshot.id || !exists.get(other, snapshot.documentId) || !typeExists.get(r.typeId)) continue;
      insert.run(r.id, r.typeId, r.fromId, r.toId, r.createdAt);
    }
  }
  if (snapshot.place && snapshot.place.annotationId === snapshot.id) insertPlaceRow(ctx, snapshot.place);
}
