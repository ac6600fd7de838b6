// Puts back, as they were, rows of the brat-model tables that went with a deleted annotation
// (undo). Only these tables; a row that no longer fits (its event or equivalence is gone, its
// place in an event's arguments was taken since) is skipped and counted, as undo skips a
// relation whose other end is gone.
import type { Db } from '../store';

export type RestoredRow = Record<string, string | number | null>;

/** The tables, in the order their rows go back (parents first). */
export const linkedTables = ['annotation_fragments', 'events', 'event_attributes', 'event_arguments', 'equivalence_members', 'normalisations', 'notes'] as const;
export type LinkedTable = (typeof linkedTables)[number];

const columnName = /^[a-z_]+$/;

/** Inserts the rows; returns how many could not be put back. */
export function restoreLinkedRows(db: Db, table: LinkedTable, rows: readonly RestoredRow[]): number {
  let skipped = 0;
  for (const row of rows) {
    const columns = Object.keys(row).filter((c) => columnName.test(c));
    try {
      db.prepare(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => row[c] ?? null));
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT'))) throw error;
      skipped += 1;
    }
  }
  return skipped;
}
