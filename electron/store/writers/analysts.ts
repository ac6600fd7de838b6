// The one writer of the analysts table, and of the meta key naming the local analyst.
import type { Analyst } from '../../../shared/schemas/analysts';
import type { Db } from '../store';
import { statementsFor } from './prepared';

export const localAnalystKey = 'analyst.local';

const statements = statementsFor((db) => ({
  insert: db.prepare('INSERT INTO analysts (id, name, created_at) VALUES (?, ?, ?)'),
  rename: db.prepare('UPDATE analysts SET name = ? WHERE id = ?'),
  setLocal: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
}));

export function insertAnalyst(db: Db, analyst: Analyst, createdAt: string): void {
  statements(db).insert.run(analyst.id, analyst.name, createdAt);
}

/** The id never changes; only the name. */
export function renameAnalyst(db: Db, id: string, name: string): void {
  statements(db).rename.run(name, id);
}

/** Makes the analyst the one who uses this store (meta 'analyst.local'). */
export function setLocalAnalyst(db: Db, id: string): void {
  statements(db).setLocal.run(localAnalystKey, id);
}
