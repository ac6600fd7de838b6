// The one writer of the relations table (typed links between two annotations).
import type { Relation } from '../../../shared/schemas/annotate';
import type { Db } from '../store';
import { statementsFor } from './prepared';

type RelationRow = Relation;

const statements = statementsFor((db) => ({
  insert: db.prepare('INSERT INTO relations (id, type_id, from_id, to_id, created_at) VALUES (?, ?, ?, ?, ?)'),
  add: db.prepare('INSERT OR IGNORE INTO relations (id, type_id, from_id, to_id, created_at) VALUES (?, ?, ?, ?, ?)'),
  delete: db.prepare('DELETE FROM relations WHERE id = ?'),
  deleteOfType: db.prepare('DELETE FROM relations WHERE type_id = ?'),
}));

export function insertRelation(db: Db, row: RelationRow): void {
  statements(db).insert.run(row.id, row.typeId, row.fromId, row.toId, row.createdAt);
}

/** Inserts the relation unless one with its id, or its type and ends, exists; true when inserted. */
export function addRelation(db: Db, row: RelationRow): boolean {
  return statements(db).add.run(row.id, row.typeId, row.fromId, row.toId, row.createdAt).changes > 0;
}

export function deleteRelation(db: Db, id: string): void {
  statements(db).delete.run(id);
}

/** Deletes every relation of the type; returns how many. */
export function deleteRelationsOfType(db: Db, typeId: string): number {
  return statements(db).deleteOfType.run(typeId).changes;
}
