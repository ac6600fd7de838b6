// Analysts: who uses this store (the local analyst), who else has a layer in it, and who acts.
import type { Analyst } from '../../../shared/schemas/analysts';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/store';
import * as analystRows from '../../store/writers/analysts';
import type { ServiceContext } from '../context';

/** Stores opened by a migration list without analysts (some store tests) act as this one. */
const anonymous: Analyst = { id: 'local', name: 'Analyst' };

function hasAnalysts(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'analysts'`).get() !== undefined;
}

/** The analyst who uses this store (meta 'analyst.local'). */
export function localAnalyst(db: Db): Analyst {
  if (!hasAnalysts(db)) return anonymous;
  const row = db
    .prepare(`SELECT a.id, a.name FROM meta m JOIN analysts a ON a.id = m.value WHERE m.key = ?`)
    .get(analystRows.localAnalystKey) as Analyst | undefined;
  return row ?? anonymous;
}

export function listAnalysts(db: Db): Analyst[] {
  if (!hasAnalysts(db)) return [];
  return db.prepare('SELECT id, name FROM analysts ORDER BY name COLLATE NOCASE, id').all() as Analyst[];
}

export function analystById(db: Db, id: string): Analyst | null {
  return (db.prepare('SELECT id, name FROM analysts WHERE id = ?').get(id) as Analyst | undefined) ?? null;
}

/** Every analyst of that name (names are unique regardless of case, so at most one). */
export function analystByName(db: Db, name: string): Analyst | null {
  return (db.prepare('SELECT id, name FROM analysts WHERE name = ? COLLATE NOCASE').get(name.trim()) as Analyst | undefined) ?? null;
}

/** Renames an analyst (the id never changes); refuses a name another analyst has. */
export function renameAnalyst(ctx: ServiceContext, id: string, name: string): Analyst {
  const trimmed = name.trim();
  const db = ctx.store.db;
  return ctx.store.transaction(() => {
    const current = analystById(db, id);
    if (!current) throw new AppError('NOT_FOUND', `No analyst has the id ${id}.`);
    const other = analystByName(db, trimmed);
    if (other && other.id !== id) throw new AppError('DUPLICATE', `Another analyst is already called “${other.name}”. Choose another name.`, { name: other.name });
    analystRows.renameAnalyst(db, id, trimmed);
    const renamed = { id, name: trimmed };
    if (ctx.analyst.id === id) ctx.analyst = renamed;
    return renamed;
  });
}

/**
 * The analyst of that name, made in the store when new (`created` says so). Used by the CLI's
 * --analyst: names are unique, so an existing name always means the same id.
 */
export function analystNamed(ctx: ServiceContext, name: string): { analyst: Analyst; created: boolean } {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 80) throw new AppError('INVALID_ARGS', 'An analyst name is 1 to 80 characters.');
  const existing = analystByName(ctx.store.db, trimmed);
  if (existing) return { analyst: existing, created: false };
  const analyst = { id: ctx.newId(), name: trimmed };
  ctx.store.transaction(() => analystRows.insertAnalyst(ctx.store.db, analyst, ctx.now()));
  return { analyst, created: true };
}
