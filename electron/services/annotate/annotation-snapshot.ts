// What goes with an annotation when it is deleted, and comes back with it on undo: its
// attribute values, the relations from and to it, and its resolved place. The store removes
// them by foreign-key cascade; annotations.delete returns them in its AnnotationSnapshot.
import type { Annotation, AnnotationSnapshot } from '../../../shared/schemas/annotate';
import * as valueRows from '../../store/writers/attribute-values';
import * as relationRows from '../../store/writers/relations';
import type { ServiceContext } from '../context';
import { getPlace, insertPlaceRow } from '../places/places';
import { checkValue } from '../schema/attribute-types';
import { findAttribute } from '../schema/attributes';
import { allStoredValues } from './attribute-values';
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
    for (const [attributeId, value] of Object.entries(snapshot.attributes)) {
      const attribute = findAttribute(ctx, attributeId);
      if (attribute && checkValue(attribute, value) === null) valueRows.setAttributeValue(db, snapshot.id, attributeId, value);
    }
  }
  if (snapshot.relations) {
    const exists = db.prepare('SELECT 1 FROM annotations WHERE id = ? AND document_id = ?');
    const typeExists = db.prepare('SELECT 1 FROM relation_types WHERE id = ?');
    for (const r of snapshot.relations) {
      if (r.fromId !== snapshot.id && r.toId !== snapshot.id) continue;
      const other = r.fromId === snapshot.id ? r.toId : r.fromId;
      if (other === snapshot.id || !exists.get(other, snapshot.documentId) || !typeExists.get(r.typeId)) continue;
      relationRows.addRelation(db, r);
    }
  }
  if (snapshot.place && snapshot.place.annotationId === snapshot.id) insertPlaceRow(ctx, snapshot.place);
}
