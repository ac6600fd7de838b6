// The one writer of the equivalences table and of its members (equivalence_members).
import type { Equivalence } from '../../../shared/schemas/linked-annotations';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  insert: db.prepare('INSERT INTO equivalences (id, document_id, type, created_at) VALUES (?, ?, ?, ?)'),
  insertMember: db.prepare('INSERT INTO equivalence_members (equivalence_id, position, annotation_id) VALUES (?, ?, ?)'),
  delete: db.prepare('DELETE FROM equivalences WHERE id = ?'),
}));

export function insertEquivalence(db: Db, row: Equivalence): void {
  statements(db).insert.run(row.id, row.documentId, row.type, row.createdAt);
  row.annotationIds.forEach((a, i) => statements(db).insertMember.run(row.id, i, a));
}

export function deleteEquivalence(db: Db, id: string): void {
  statements(db).delete.run(id);
}
