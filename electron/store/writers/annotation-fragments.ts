// The one writer of the annotation_fragments table: the ordered fragments of a discontinuous
// annotation (the annotation's own start, end and quote are its extent).
import type { AnnotationFragment } from '../../../shared/schemas/linked-annotations';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  insert: db.prepare('INSERT INTO annotation_fragments (annotation_id, position, start, "end", quote) VALUES (?, ?, ?, ?, ?)'),
  delete: db.prepare('DELETE FROM annotation_fragments WHERE annotation_id = ?'),
}));

/** Writes the fragments of an annotation that has none yet. */
export function insertFragments(db: Db, annotationId: string, fragments: readonly AnnotationFragment[]): void {
  fragments.forEach((f, i) => statements(db).insert.run(annotationId, i, f.start, f.end, f.quote));
}

export function deleteFragments(db: Db, annotationId: string): void {
  statements(db).delete.run(annotationId);
}
