// The one writer of sync_outbox besides the capture triggers (sync-capture.ts): changes queued
// by sync itself (a join's differences, a conflict's resolution), the server's answers to a push,
// and pruning once the pulled log has passed a change.
import type { Change } from '../../../shared/sync/protocol';
import type { Db } from '../store';
import { statementsFor } from './prepared';

export interface OutboxRow {
  seq: number;
  id: string;
  analyst: string;
  entity: string;
  entity_id: string;
  op: 'put' | 'delete';
  fields: string;
  layer: string;
  base: number;
  made_at: string;
}

const statements = statementsFor((db) => ({
  queue: db.prepare('INSERT INTO sync_outbox (id, analyst, entity, entity_id, op, fields, layer, base, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
  pending: db.prepare('SELECT seq, id, analyst, entity, entity_id, op, fields, layer, base, made_at FROM sync_outbox WHERE accepted_seq IS NULL AND rejected IS NULL AND seq > ? ORDER BY seq LIMIT ?'),
  accept: db.prepare('UPDATE sync_outbox SET accepted_seq = ? WHERE id = ?'),
  reject: db.prepare('UPDATE sync_outbox SET rejected = ? WHERE id = ?'),
  prune: db.prepare('DELETE FROM sync_outbox WHERE accepted_seq IS NOT NULL AND accepted_seq <= ?'),
  clear: db.prepare('DELETE FROM sync_outbox'),
  waiting: db.prepare('SELECT op, fields FROM sync_outbox WHERE entity = ? AND entity_id = ? AND rejected IS NULL AND (accepted_seq IS NULL OR accepted_seq > ?)'),
  ownChange: db.prepare('SELECT 1 FROM sync_outbox WHERE id = ?').pluck(),
}));

export function queueChange(db: Db, change: Omit<Change, 'fields'> & { fields: Record<string, unknown> }): void {
  statements(db).queue.run(change.id, change.analyst, change.entity, change.entityId, change.op, JSON.stringify(change.fields), change.layer, change.base, change.madeAt);
}

/** Up to `limit` changes not yet accepted, after outbox position `after`, in the order made. */
export function pendingChanges(db: Db, after: number, limit: number): OutboxRow[] {
  return statements(db).pending.all(after, limit) as OutboxRow[];
}

export function markAccepted(db: Db, id: string, seq: number): void {
  statements(db).accept.run(seq, id);
}

export function markRejected(db: Db, id: string, why: string): void {
  statements(db).reject.run(why, id);
}

/** Forgets accepted changes the pulled log has passed (they are applied here as the log has them). */
export function pruneOutbox(db: Db, highWater: number): void {
  statements(db).prune.run(highWater);
}

export function clearOutbox(db: Db): void {
  statements(db).clear.run();
}

/** Local changes of an object the log at `seq` does not hold yet: their fields wait for them. */
export function waitingChanges(db: Db, entity: string, entityId: string, seq: number): { op: string; fields: string }[] {
  return statements(db).waiting.all(entity, entityId, seq) as { op: string; fields: string }[];
}

export function isOwnChange(db: Db, id: string): boolean {
  return statements(db).ownChange.get(id) !== undefined;
}
