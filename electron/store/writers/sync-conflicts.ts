// The one writer of sync_conflicts, the review queue: fields the server held back as conflicts
// (shared/sync/README.md), with both values, until someone resolves them here or a later write of
// the field reaches this store.
import type { Db } from '../store';
import { statementsFor } from './prepared';

export interface ConflictRow {
  id: number;
  change_id: string;
  seq: number;
  entity: string;
  entity_id: string;
  field: string;
  mine: string | null;
  theirs: string | null;
  their_analyst: string;
  made_at: string;
}

const statements = statementsFor((db) => ({
  add: db.prepare(
    `INSERT INTO sync_conflicts (change_id, seq, entity, entity_id, field, mine, theirs, their_analyst, made_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (change_id, field) DO NOTHING`,
  ),
  open: db.prepare('SELECT id, change_id, seq, entity, entity_id, field, mine, theirs, their_analyst, made_at FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY id'),
  get: db.prepare('SELECT id, change_id, seq, entity, entity_id, field, mine, theirs, their_analyst, made_at FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL'),
  closeByWrite: db.prepare(
    `UPDATE sync_conflicts SET resolved_seq = ?, resolved_at = ?
     WHERE resolved_at IS NULL AND entity = ? AND entity_id = ? AND seq < ? AND (field = ? OR ? = '*' OR field = '*')`,
  ),
  resolve: db.prepare('UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?'),
  clear: db.prepare('DELETE FROM sync_conflicts'),
  anyOpen: db.prepare('SELECT 1 FROM sync_conflicts WHERE resolved_at IS NULL LIMIT 1').pluck(),
}));

export function hasOpenConflicts(db: Db): boolean {
  return statements(db).anyOpen.get() !== undefined;
}

export function addConflict(db: Db, row: Omit<ConflictRow, 'id'>): void {
  statements(db).add.run(row.change_id, row.seq, row.entity, row.entity_id, row.field, row.mine, row.theirs, row.their_analyst, row.made_at);
}

export function openConflicts(db: Db): ConflictRow[] {
  return statements(db).open.all() as ConflictRow[];
}

export function openConflict(db: Db, id: number): ConflictRow | undefined {
  return statements(db).get.get(id) as ConflictRow | undefined;
}

/** A write of the field (or a delete: '*') at `seq` closes the conflicts held on it before. */
export function closeConflictsByWrite(db: Db, entity: string, entityId: string, field: string, seq: number, at: string): void {
  statements(db).closeByWrite.run(seq, at, entity, entityId, seq, field, field);
}

export function markResolved(db: Db, id: number, at: string): void {
  statements(db).resolve.run(at, id);
}

export function clearConflicts(db: Db): void {
  statements(db).clear.run();
}
