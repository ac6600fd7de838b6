// The one writer of the annotations table.
import type { Annotation } from '../../../shared/schemas/annotate';
import { foldCase } from '../../../shared/text/fold';
import type { Db } from '../store';
import { statementsFor } from './prepared';
import { indexAnnotation, reindexAnnotation } from './search-index';

/**
 * An annotation row as stored: the quote is the document's text between start and end. Its layer
 * and authors default to the acting analyst (`by`); an import of a colleague's layer gives them.
 */
export type AnnotationRow = Omit<Annotation, 'layer' | 'createdBy' | 'updatedBy'> & Partial<Pick<Annotation, 'layer' | 'createdBy' | 'updatedBy'>>;

const statements = statementsFor((db) => ({
  insert: db.prepare(
    `INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at, quote_folded, layer, created_by, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  update: db.prepare('UPDATE annotations SET label_id = ?, note = ?, updated_at = ?, updated_by = ? WHERE id = ?'),
  relabel: db.prepare('UPDATE annotations SET label_id = ?, updated_at = ?, updated_by = ? WHERE label_id = ?'),
  delete: db.prepare('DELETE FROM annotations WHERE id = ?'),
  deleteOfLabel: db.prepare('DELETE FROM annotations WHERE label_id = ?'),
}));

/** `by`: the acting analyst's id. */
export function insertAnnotation(db: Db, row: AnnotationRow, by: string): void {
  const createdBy = row.createdBy ?? by;
  statements(db).insert.run(row.id, row.documentId, row.labelId, row.start, row.end, row.quote, row.note, row.createdAt, row.updatedAt, foldCase(row.quote), row.layer ?? by, createdBy, row.updatedBy ?? createdBy);
  indexAnnotation(db, row);
}

/**
 * Writes quote_folded where it is missing (rows from before migration 4, or written by other
 * means); of one label (the index by label and folded quote finds them); returns how many. Needs glossa_fold (store/fold-function.ts) on the connection.
 */
export function fillFoldedQuotes(db: Db, labelId: string): number {
  return db.prepare('UPDATE annotations SET quote_folded = glossa_fold(quote) WHERE label_id = ? AND quote_folded IS NULL').run(labelId).changes;
}

export function updateAnnotation(db: Db, change: { id: string; labelId: string; note: string; updatedAt: string }, by: string): void {
  statements(db).update.run(change.labelId, change.note, change.updatedAt, by, change.id);
  reindexAnnotation(db, change.id);
}

/** Moves every annotation of one label to another; returns how many moved. */
export function relabelAnnotations(db: Db, fromLabelId: string, toLabelId: string, updatedAt: string, by: string): number {
  return statements(db).relabel.run(toLabelId, updatedAt, by, fromLabelId).changes;
}

/** Deletes the annotation; its values, relations and place go by cascade. */
export function deleteAnnotation(db: Db, id: string): void {
  statements(db).delete.run(id);
}

/** Deletes every annotation of the label; returns how many. */
export function deleteAnnotationsOfLabel(db: Db, labelId: string): number {
  return statements(db).deleteOfLabel.run(labelId).changes;
}
