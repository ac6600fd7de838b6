// The one writer of sync_rows (per synced object: its layer, the last sequence applied here and
// by whom) and of sync_shadow (the log's value of a field held back for a waiting local change).
import type { Db } from '../store';
import { statementsFor } from './prepared';

export interface SyncRow {
  layer: string;
  seq: number;
  analyst: string | null;
}

const statements = statementsFor((db) => ({
  get: db.prepare('SELECT layer, seq, analyst FROM sync_rows WHERE entity = ? AND entity_id = ?'),
  applied: db.prepare(
    `INSERT INTO sync_rows (entity, entity_id, layer, seq, analyst) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entity, entity_id) DO UPDATE SET seq = max(seq, excluded.seq), analyst = excluded.analyst`,
  ),
  known: db.prepare('INSERT INTO sync_rows (entity, entity_id, layer, seq) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING'),
  clear: db.prepare('DELETE FROM sync_rows'),
  shadow: db.prepare(
    `INSERT INTO sync_shadow (entity, entity_id, field, value, seq) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entity, entity_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq`,
  ),
  shadowOf: db.prepare('SELECT value FROM sync_shadow WHERE entity = ? AND entity_id = ? AND field = ?').pluck(),
  dropShadow: db.prepare('DELETE FROM sync_shadow WHERE entity = ? AND entity_id = ? AND field = ?'),
  clearShadow: db.prepare('DELETE FROM sync_shadow'),
  anyShadow: db.prepare('SELECT 1 FROM sync_shadow LIMIT 1').pluck(),
}));

export function hasShadows(db: Db): boolean {
  return statements(db).anyShadow.get() !== undefined;
}

export function syncRow(db: Db, entity: string, entityId: string): SyncRow | undefined {
  return statements(db).get.get(entity, entityId) as SyncRow | undefined;
}

/** Records that the change `seq` by `analyst` applied to the object (its layer is fixed by the first). */
export function recordApplied(db: Db, entity: string, entityId: string, layer: string, seq: number, analyst: string): void {
  statements(db).applied.run(entity, entityId, layer, seq, analyst);
}

/** Records an object of this store that the log does not hold yet (a join queues it). */
export function recordKnown(db: Db, entity: string, entityId: string, layer: string): void {
  statements(db).known.run(entity, entityId, layer);
}

/** Keeps the log's value of a field (JSON) held back here. */
export function keepShadow(db: Db, entity: string, entityId: string, field: string, value: unknown, seq: number): void {
  statements(db).shadow.run(entity, entityId, field, JSON.stringify(value ?? null), seq);
}

/** The log's value kept for the field (removed as it is read), or undefined. */
export function takeShadow(db: Db, entity: string, entityId: string, field: string): { value: unknown } | undefined {
  const json = statements(db).shadowOf.get(entity, entityId, field) as string | undefined;
  if (json === undefined) return undefined;
  statements(db).dropShadow.run(entity, entityId, field);
  return { value: JSON.parse(json) as unknown };
}

export function clearSyncRows(db: Db): void {
  statements(db).clear.run();
  statements(db).clearShadow.run();
}
