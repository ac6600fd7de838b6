// The one writer of the relation_types table.
import type { RelationType } from '../../../shared/schemas/schema';
import type { Db } from '../store';
import { statementsFor } from './prepared';

type RelationTypeRow = RelationType;

const statements = statementsFor((db) => ({
  nextPosition: db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM relation_types'),
  insert: db.prepare('INSERT INTO relation_types (id, name, from_label_id, to_label_id, position) VALUES (?, ?, ?, ?, ?)'),
  delete: db.prepare('DELETE FROM relation_types WHERE id = ?'),
}));

/** The position after the last relation type's. */
export function nextRelationTypePosition(db: Db): number {
  return (statements(db).nextPosition.get() as { next: number }).next;
}

export function insertRelationType(db: Db, row: RelationTypeRow): void {
  statements(db).insert.run(row.id, row.name, row.fromLabelId, row.toLabelId, row.position);
}

/** Deletes the type; the store refuses while relations of it remain (delete them first). */
export function deleteRelationType(db: Db, id: string): void {
  statements(db).delete.run(id);
}
