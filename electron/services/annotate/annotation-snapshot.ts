// What goes with an annotation when it is deleted, and comes back with it on undo: its
// attribute values, the relations from and to it, and its resolved place. The store removes
// them by foreign-key cascade; the snapshot stays in main (../undo-snapshots.ts) and the page
// holds only its token. Putting it back checks every row as a new one is checked.
import { AppError } from '../../../shared/errors';
import type { Annotation, AnnotationSnapshot } from '../../../shared/schemas/annotate';
import * as annotationRows from '../../store/writers/annotations';
import * as valueRows from '../../store/writers/attribute-values';
import * as relationRows from '../../store/writers/relations';
import { stampOf, type ServiceContext } from '../context';
import { documentText } from '../library/document-text';
import { getPlace, restorePlaceRow } from '../places/places';
import { checkValue } from '../schema/attribute-types';
import { findAttribute } from '../schema/attributes';
import { getLabel } from '../schema/labels';
import { allStoredValues } from './attribute-values';
import { checkRelation, relationsOf } from './relations';
import { linkedSnapshotOf, restoreLinked } from './linked-snapshot';

/** The longest note kept (as annotations.update allows). */
const maxNoteLength = 20_000;

/** The annotation with what would be lost with it; call before deleting. */
export function snapshotOf(ctx: ServiceContext, annotation: Annotation): AnnotationSnapshot {
  const snapshot: AnnotationSnapshot = { ...annotation };
  const attributes = allStoredValues(ctx, annotation.id);
  if (Object.keys(attributes).length > 0) snapshot.attributes = attributes;
  const relations = relationsOf(ctx, annotation.id);
  if (relations.length > 0) snapshot.relations = relations;
  const place = getPlace(ctx, annotation.id);
  if (place) snapshot.place = place;
  const linked = linkedSnapshotOf(ctx.store.db, annotation.id);
  if (linked) snapshot.linked = linked;
  return snapshot;
}

/** Checks an annotation's span, quote and note against the text, as a new annotation's are checked. */
export function checkSpan(annotation: Annotation, text: string): void {
  const { start, end } = annotation;
  if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start < end && end <= text.length)) {
    throw new AppError('OFFSETS_MISMATCH', `The annotation (${start}–${end}) no longer fits the document text.`);
  }
  if (typeof annotation.quote !== 'string' || text.slice(start, end) !== annotation.quote || annotation.quote.trim() === '') {
    throw new AppError('OFFSETS_MISMATCH', 'The annotation no longer matches the document text.');
  }
  if (typeof annotation.note !== 'string' || annotation.note.length > maxNoteLength) {
    throw new AppError('INVALID_ARGS', `A note is at most ${maxNoteLength.toLocaleString('en')} characters.`);
  }
}

/**
 * Checks an annotation about to be put back as a new one is checked: its document is there,
 * its offsets lie within the text, the text there is still its quote, its label exists, its id
 * is free. The caller's transaction.
 */
function checkRestoredAnnotation(ctx: ServiceContext, annotation: Annotation): void {
  checkSpan(annotation, documentText(ctx, annotation.documentId));
  getLabel(ctx, annotation.labelId);
  if (ctx.store.db.prepare('SELECT 1 FROM annotations WHERE id = ?').get(annotation.id)) {
    throw new AppError('DUPLICATE', `Annotation ${annotation.id} already exists.`);
  }
}

/** Puts the snapshot back in the caller's transaction: the annotation, then what still fits of its values, relations and place. */
export function putBackAnnotation(ctx: ServiceContext, snapshot: AnnotationSnapshot): void {
  checkRestoredAnnotation(ctx, snapshot);
  annotationRows.insertAnnotation(ctx.store.db, {
    id: snapshot.id,
    documentId: snapshot.documentId,
    labelId: snapshot.labelId,
    start: snapshot.start,
    end: snapshot.end,
    quote: snapshot.quote,
    note: snapshot.note,
    createdAt: snapshot.createdAt,
    updatedAt: snapshot.updatedAt,
    layer: snapshot.layer,
    createdBy: snapshot.createdBy,
    updatedBy: snapshot.updatedBy,
  }, ctx.analyst.id);
  restoreExtras(ctx, snapshot);
}

/**
 * Puts back the snapshot's values, relations and place for an annotation just re-inserted, in
 * the caller's transaction. What can no longer be put back is skipped: a value whose attribute
 * was deleted or no longer allows it, a relation whose other annotation or type is gone or that
 * would cross documents, a place that no longer fits its span.
 */
function restoreExtras(ctx: ServiceContext, snapshot: AnnotationSnapshot): void {
  const db = ctx.store.db;
  for (const [attributeId, value] of Object.entries(snapshot.attributes ?? {})) {
    const attribute = findAttribute(ctx, attributeId);
    if (attribute && checkValue(attribute, value) === null) valueRows.setAttributeValue(db, snapshot.id, attributeId, value, stampOf(ctx));
  }
  for (const r of snapshot.relations ?? []) {
    if (r.fromId !== snapshot.id && r.toId !== snapshot.id) continue;
    if (db.prepare('SELECT 1 FROM relations WHERE id = ?').get(r.id)) continue;
    try {
      const type = checkRelation(ctx, r);
      relationRows.addRelation(db, { ...r, typeId: type.id }, ctx.analyst.id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  if (snapshot.place && snapshot.place.annotationId === snapshot.id) restorePlaceRow(ctx, snapshot.place);
  restoreLinked(db, snapshot.linked);
}
