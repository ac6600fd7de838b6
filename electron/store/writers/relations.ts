// The one writer of the relations table (typed links between two annotations).
import type { Relation } from '../../../shared/schemas/annotate';
import type { Db } from '../store';
import { statementsFor } from './prepared';

/**
 * Its authors default to the acting analyst (`by`); an import of a colleague's layer gives them.
 * Both ends must be in one layer (the store refuses others: LAYER_MISMATCH).
 */
export type RelationRow = Relation & { createdBy?: string; updatedBy?: string; updatedAt?: string };

const columns = 'id, type_id, from_id, to_id, created_at, created_by, updated_by, updated_at';

function values(row: RelationRow, by: string): unknown[] {
  const createdBy = row.createdBy ?? by;
  return [row.id, row.typeId, row.fromId, row.toId, row.createdAt, createdBy, row.updatedBy ?? createdBy, row.updatedAt ?? row.createdAt];
}

const statements = statementsFor((db) => ({
  insert: db.prepare(`INSERT INTO relations (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
  add: db.prepare(`INSERT OR IGNORE INTO relations (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
  delete: db.prepare('DELETE FROM relations WHERE id = ?'),
  deleteOfType: db.prepare('DELETE FROM relations WHERE type_id = ?'),
}));

export function insertRelation(db: Db, row: RelationRow, by: string): void {
  statements(db).insert.run(...values(row, by));
}

/** Inserts the relation unless one with its id, or its type and ends, exists; true when inserted. */
export function addRelation(db: Db, row: RelationRow, by: string): boolean {
  return statements(db).add.run(...values(row, by)).changes > 0;
}

export function deleteRelation(db: Db, id: string): void {
  statements(db).delete.run(id);
}

/** Deletes every relation of the type; returns how many. */
export function deleteRelationsOfType(db: Db, typeId: string): number {
  return statements(db).deleteOfType.run(typeId).changes;
}
