// The one writer of the meta table: facts about the store itself, by key.
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  insert: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)'),
}));

/** Records a fact once; the store refuses a key that is already there. */
export function insertMeta(db: Db, key: string, value: string): void {
  statements(db).insert.run(key, value);
}

/** Records a fact, replacing what the key held. */
export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
