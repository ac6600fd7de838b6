// The one writer of sync_deferred (pulled changes waiting for a parent the store lacks, retried
// after every page) and of sync_text_chunks (a pulled document's text until it is whole).
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  defer: db.prepare('INSERT INTO sync_deferred (seq, entity, entity_id, change, reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT (seq) DO UPDATE SET reason = excluded.reason'),
  all: db.prepare('SELECT change FROM sync_deferred ORDER BY seq').pluck(),
  drop: db.prepare('DELETE FROM sync_deferred WHERE seq = ?'),
  has: db.prepare('SELECT 1 FROM sync_deferred WHERE entity = ? AND entity_id = ? LIMIT 1').pluck(),
  count: db.prepare('SELECT count(*) FROM sync_deferred').pluck(),
  clear: db.prepare('DELETE FROM sync_deferred'),
  addChunk: db.prepare('INSERT INTO sync_text_chunks (document_id, position, count, text) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET text = excluded.text, count = excluded.count'),
  chunks: db.prepare('SELECT position, count, text FROM sync_text_chunks WHERE document_id = ? ORDER BY position'),
  dropChunks: db.prepare('DELETE FROM sync_text_chunks WHERE document_id = ?'),
  clearChunks: db.prepare('DELETE FROM sync_text_chunks'),
}));

export function deferChange(db: Db, seq: number, entity: string, entityId: string, change: unknown, reason: string): void {
  statements(db).defer.run(seq, entity, entityId, JSON.stringify(change), reason);
}

export function deferredChanges(db: Db): unknown[] {
  return (statements(db).all.all() as string[]).map((json) => JSON.parse(json) as unknown);
}

export function dropDeferred(db: Db, seq: number): void {
  statements(db).drop.run(seq);
}

export function hasDeferred(db: Db, entity: string, entityId: string): boolean {
  return statements(db).has.get(entity, entityId) !== undefined;
}

export function deferredCount(db: Db): number {
  return statements(db).count.get() as number;
}

export function addTextChunk(db: Db, documentId: string, position: number, count: number, text: string): void {
  statements(db).addChunk.run(documentId, position, count, text);
}

/** The document's whole text once every chunk is here (and forgets the chunks), else null. */
export function takeWholeText(db: Db, documentId: string): string | null {
  const chunks = statements(db).chunks.all(documentId) as { position: number; count: number; text: string }[];
  const count = chunks[0]?.count;
  if (count === undefined || chunks.length !== count || chunks.some((c, i) => c.position !== i)) return null;
  statements(db).dropChunks.run(documentId);
  return chunks.map((c) => c.text).join('');
}

export function clearDeferred(db: Db): void {
  statements(db).clear.run();
  statements(db).clearChunks.run();
}
