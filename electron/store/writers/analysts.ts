// The one writer of the analysts table (the meta keys about the local analyst go through meta.ts).
import type { Analyst } from '../../../shared/schemas/analysts';
import type { Db } from '../store';
import { setMeta } from './meta';
import { statementsFor } from './prepared';

export const localAnalystKey = 'analyst.local';
/** Set once the local analyst has said their name (the first-run question is not asked again). */
export const profileConfirmedKey = 'analyst.confirmed';

const statements = statementsFor((db) => ({
  insert: db.prepare('INSERT INTO analysts (id, name, created_at) VALUES (?, ?, ?)'),
  rename: db.prepare('UPDATE analysts SET name = ? WHERE id = ?'),
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
  setMeta(db, localAnalystKey, id);
}

export function confirmProfile(db: Db, at: string): void {
  setMeta(db, profileConfirmedKey, at);
}
