// The one writer of the normalisations table (an annotation → resource:id).
import type { Normalisation } from '../../../shared/schemas/linked-annotations';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  insert: db.prepare('INSERT INTO normalisations (id, annotation_id, type, resource, resource_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  delete: db.prepare('DELETE FROM normalisations WHERE id = ?'),
}));

export function insertNormalisation(db: Db, row: Normalisation): void {
  statements(db).insert.run(row.id, row.annotationId, row.type, row.resource, row.resourceId, row.text, row.createdAt);
}

export function deleteNormalisation(db: Db, id: string): void {
  statements(db).delete.run(id);
}
