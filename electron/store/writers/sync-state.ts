// The one writer of sync_state: the team's server URL, the analyst, the high-water mark of the
// pulled log and the time of the last sync, by key (keys in sync-capture.ts: syncStateKeys).
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  set: db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  get: db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck(),
  clear: db.prepare('DELETE FROM sync_state'),
}));

export function setSyncState(db: Db, key: string, value: string): void {
  statements(db).set.run(key, value);
}

export function syncState(db: Db, key: string): string | null {
  return (statements(db).get.get(key) as string | undefined) ?? null;
}

export function clearSyncState(db: Db): void {
  statements(db).clear.run();
}
