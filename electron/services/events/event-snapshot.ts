// What deleting an event removes, kept in main for undo: its row, its attribute values, its own
// arguments and the arguments of other events that point at it, and its notes. Put back as the
// rows were (same id, positions and times); a row that no longer fits is skipped and counted.
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/store';
import { linkedTables, restoreLinkedRows, type LinkedTable, type RestoredRow } from '../../store/writers/restored-rows';

export interface EventSnapshot {
  id: string;
  tables: { table: LinkedTable; rows: RestoredRow[] }[];
}

/** The rows deleting the event will remove; call before deleting. */
export function eventSnapshotOf(db: Db, id: string): EventSnapshot {
  const queries: Partial<Record<LinkedTable, string>> = {
    events: 'SELECT * FROM events WHERE id = @id',
    event_attributes: 'SELECT * FROM event_attributes WHERE event_id = @id',
    event_arguments: 'SELECT * FROM event_arguments WHERE event_id = @id OR argument_event_id = @id ORDER BY event_id, position',
    notes: 'SELECT * FROM notes WHERE event_id = @id ORDER BY rowid',
  };
  const tables: EventSnapshot['tables'] = [];
  for (const table of linkedTables) {
    const sql = queries[table];
    if (!sql) continue;
    const rows = db.prepare(sql).all({ id }) as RestoredRow[];
    if (rows.length > 0) tables.push({ table, rows });
  }
  return { id, tables };
}

/** Puts the event back; NOT_FOUND when its trigger or type is gone, so it cannot be. Returns rows skipped. */
export function restoreEventRows(db: Db, snapshot: EventSnapshot): number {
  if (db.prepare('SELECT 1 FROM events WHERE id = ?').get(snapshot.id)) throw new AppError('DUPLICATE', `Event ${snapshot.id} already exists.`);
  let skipped = 0;
  for (const { table, rows } of snapshot.tables) {
    const missed = restoreLinkedRows(db, table, rows);
    if (table === 'events' && missed > 0) throw new AppError('NOT_FOUND', 'This event can no longer be put back: its trigger or its type has been deleted since.');
    skipped += missed;
  }
  return skipped;
}
