// The one writer of the notes table: typed notes (brat "#" lines) on an annotation, an event or
// a relation. An annotation's own note (AnnotatorNotes) stays in annotations.note.
import type { TypedNote } from '../../../shared/schemas/linked-annotations';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  insert: db.prepare('INSERT INTO notes (id, document_id, annotation_id, event_id, relation_id, type, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  delete: db.prepare('DELETE FROM notes WHERE id = ?'),
}));

export function insertNote(db: Db, row: TypedNote): void {
  const t = row.target;
  statements(db).insert.run(
    row.id,
    row.documentId,
    'annotationId' in t ? t.annotationId : null,
    'eventId' in t ? t.eventId : null,
    'relationId' in t ? t.relationId : null,
    row.type,
    row.text,
    row.createdAt,
  );
}

export function deleteNote(db: Db, id: string): void {
  statements(db).delete.run(id);
}
