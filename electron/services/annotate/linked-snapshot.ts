// What of the brat model goes with an annotation when it is deleted (by foreign-key cascade)
// and comes back with it on undo: its fragments, the events it triggers (with their arguments,
// values and notes), event arguments pointing at it or at those events, its equivalence
// memberships, normalisations and notes, and notes on the relations that go with it.
import type { AnnotationSnapshot } from '../../../shared/schemas/annotate';
import type { Db } from '../../store/store';
import { linkedTables, restoreLinkedRows, type LinkedTable, type RestoredRow } from '../../store/writers/restored-rows';

type Linked = NonNullable<AnnotationSnapshot['linked']>;

function rowsOf(db: Db, sql: string, id: string): RestoredRow[] {
  return db.prepare(sql).all({ id }) as RestoredRow[];
}

/** The rows that deleting the annotation will remove; call before deleting. */
export function linkedSnapshotOf(db: Db, annotationId: string): Linked | undefined {
  const events = `SELECT id FROM events WHERE trigger_id = @id`;
  const relations = `SELECT id FROM relations WHERE from_id = @id OR to_id = @id`;
  const queries: Record<LinkedTable, string> = {
    annotation_fragments: 'SELECT * FROM annotation_fragments WHERE annotation_id = @id ORDER BY position',
    events: 'SELECT * FROM events WHERE trigger_id = @id ORDER BY rowid',
    event_attributes: `SELECT * FROM event_attributes WHERE event_id IN (${events})`,
    event_arguments: `SELECT * FROM event_arguments WHERE annotation_id = @id OR event_id IN (${events}) OR argument_event_id IN (${events}) ORDER BY event_id, position`,
    equivalence_members: 'SELECT * FROM equivalence_members WHERE annotation_id = @id',
    normalisations: 'SELECT * FROM normalisations WHERE annotation_id = @id ORDER BY rowid',
    notes: `SELECT * FROM notes WHERE annotation_id = @id OR event_id IN (${events}) OR relation_id IN (${relations}) ORDER BY rowid`,
  };
  const linked: Linked = [];
  for (const table of linkedTables) {
    const rows = rowsOf(db, queries[table], annotationId);
    if (rows.length > 0) linked.push({ table, rows });
  }
  return linked.length > 0 ? linked : undefined;
}

/** Puts the rows back after the annotation and its relations; returns how many no longer fit. */
export function restoreLinked(db: Db, linked: Linked | undefined): number {
  let skipped = 0;
  for (const table of linkedTables) {
    const rows = linked?.find((t) => t.table === table)?.rows;
    if (rows) skipped += restoreLinkedRows(db, table, rows);
  }
  return skipped;
}
