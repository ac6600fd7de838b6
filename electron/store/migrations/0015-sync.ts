import type { Migration } from './types';

/**
 * Team sync's local tables (electron/services/sync/, shared/sync/README.md). Written only while
 * the store is in a team: the capture triggers (store/writers/sync-capture.ts) exist only on a
 * connection to a joined store.
 * - sync_outbox: changes made here, in the order made, until the server's log holds them
 *   (accepted_seq) and this store has pulled past them; rejected ones stay, with why.
 * - sync_state: the server URL, the analyst, the high-water mark, the last sync.
 * - sync_rows: per synced object, the layer it lives in (fixed by its first change), the last
 *   sequence applied here (the `base` of the next change) and who wrote it.
 * - sync_shadow: the log's value of a field held back here because a newer local change of it
 *   waits to be pushed (put back if the server holds that change as a conflict).
 * - sync_conflicts: the review queue. sync_deferred: pulled changes waiting for a parent.
 * - sync_text_chunks: a pulled document's text until all of its chunks are here.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'sync',
  up: `
    CREATE TABLE sync_outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      analyst TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('put', 'delete')),
      fields TEXT NOT NULL CHECK (json_valid(fields)),
      layer TEXT NOT NULL,
      base INTEGER NOT NULL,
      made_at TEXT NOT NULL,
      accepted_seq INTEGER,
      rejected TEXT
    );
    CREATE INDEX sync_outbox_by_entity ON sync_outbox(entity, entity_id);
    CREATE INDEX sync_outbox_pending ON sync_outbox(seq) WHERE accepted_seq IS NULL AND rejected IS NULL;
    CREATE INDEX sync_outbox_accepted ON sync_outbox(accepted_seq) WHERE accepted_seq IS NOT NULL;
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sync_rows (
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      layer TEXT NOT NULL,
      seq INTEGER NOT NULL DEFAULT 0,
      analyst TEXT,
      PRIMARY KEY (entity, entity_id)
    ) WITHOUT ROWID;
    CREATE TABLE sync_shadow (
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT,
      seq INTEGER NOT NULL,
      PRIMARY KEY (entity, entity_id, field)
    ) WITHOUT ROWID;
    CREATE TABLE sync_conflicts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      change_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      field TEXT NOT NULL,
      mine TEXT,
      theirs TEXT,
      their_analyst TEXT NOT NULL,
      made_at TEXT NOT NULL,
      resolved_seq INTEGER,
      resolved_at TEXT,
      UNIQUE (change_id, field)
    );
    CREATE INDEX sync_conflicts_open ON sync_conflicts(entity, entity_id, field) WHERE resolved_at IS NULL;
    CREATE TABLE sync_deferred (
      seq INTEGER PRIMARY KEY,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      change TEXT NOT NULL CHECK (json_valid(change)),
      reason TEXT NOT NULL
    );
    CREATE INDEX sync_deferred_by_entity ON sync_deferred(entity, entity_id);
    CREATE TABLE sync_text_chunks (
      document_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      count INTEGER NOT NULL,
      text TEXT NOT NULL,
      PRIMARY KEY (document_id, position)
    ) WITHOUT ROWID;
  `,
};
