// Writes pulled changes into the synced tables (sync-tables.ts), row by row, with statements
// prepared once per shape: a put updates the fields it names or inserts a whole new row, a delete
// removes the row (its children go by cascade, as locally). Derived columns and the search index
// are kept as the tables' own writers keep them. Values the store keeps unique (label names,
// hotkeys, a report's content hash) settle by log order: the claim made later in the log, or not
// in the log yet, gives way, the same way on every replica.
import { foldCase } from '../../../shared/text/fold';
import type { Db } from '../store';
import { listFolded } from './documents';
import { statementsFor } from './prepared';
import { reindexAnnotation, reindexDocument } from './search-index';
import { syncRow } from './sync-rows';
import { col, entityIdOf, keyOf, type SyncedTable } from './sync-tables';
import type Database from 'better-sqlite3';

/** applied; the row's parent (or a document's text) is not here yet; or a partial put of a row this store does not have. */
export type ApplyOutcome = 'applied' | 'missing-parent' | 'missing-row';

type Values = Record<string, unknown>;

const cache = statementsFor(() => new Map<string, Database.Statement>());

function prepared(db: Db, sql: string): Database.Statement {
  const statements = cache(db);
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

const where = (t: SyncedTable) => t.key.map((k) => `${col(k)} = ?`).join(' AND ');

/** SQLite takes numbers, strings, null (and bigints); JSON booleans are stored as 0/1. */
function sqlValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

function readRow(db: Db, t: SyncedTable, key: readonly unknown[]): Values | undefined {
  return prepared(db, `SELECT ${t.columns.map(col).join(', ')} FROM ${t.table} WHERE ${where(t)}`).get(...key) as Values | undefined;
}

export function syncedRow(db: Db, t: SyncedTable, entityId: string): Values | undefined {
  return readRow(db, t, keyOf(t, entityId));
}

/** The value a claim that gives way takes instead: a name gets its object's short id, a hotkey goes, a hash gets the id. */
function yielded(column: string, value: unknown, entityId: string): unknown {
  if (value === null || value === undefined) return value;
  if (column === 'hotkey') return null;
  if (column === 'content_hash') return `${String(value)}:${entityId}`;
  return `${String(value)} (${entityId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)})`;
}

/** Settles the unique values the put would take against other rows; may rewrite `fields`. */
function settleUnique(db: Db, t: SyncedTable, entityId: string, key: readonly unknown[], current: Values | undefined, fields: Values, seq: number): void {
  for (const group of t.unique ?? []) {
    if (!group.some((c) => c in fields)) continue;
    const values = group.map((c) => (c in fields ? fields[c] : current?.[c]));
    if (values.some((v) => v === null || v === undefined)) continue;
    const other = prepared(db, `SELECT ${t.key.map(col).join(', ')} FROM ${t.table} WHERE ${group.map((c) => `${col(c)} = ?`).join(' AND ')} AND NOT (${where(t)})`).raw().get(...values.map(sqlValue), ...key) as
      | unknown[]
      | undefined;
    if (!other) continue;
    const otherId = entityIdOf(t, other);
    const otherSeq = syncRow(db, t.entity, otherId)?.seq ?? 0;
    const last = group[group.length - 1]!;
    if (otherSeq > 0 && otherSeq < seq) {
      fields[last] = yielded(last, values[values.length - 1], entityId);
    } else {
      const otherValue = prepared(db, `SELECT ${col(last)} FROM ${t.table} WHERE ${where(t)}`).pluck().get(...other);
      prepared(db, `UPDATE ${t.table} SET ${col(last)} = ? WHERE ${where(t)}`).run(yielded(last, otherValue, otherId), ...other);
    }
  }
}

function constraintOutcome(error: unknown): ApplyOutcome | null {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === 'SQLITE_CONSTRAINT_TRIGGER') return 'missing-parent';
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return 'missing-row';
  return null;
}

/**
 * Applies a put's fields to the row (`seq`: the change's place in the log, for unique values).
 * A new document needs its whole text (`text`).
 */
export function putSyncedRow(db: Db, t: SyncedTable, entityId: string, given: Values, seq: number, text?: string): ApplyOutcome {
  const key = keyOf(t, entityId);
  const fields: Values = {};
  for (const c of t.columns) if (c in given && !t.key.includes(c)) fields[c] = given[c];
  const current = readRow(db, t, key);
  if (!current && t.table === 'documents' && text === undefined) return 'missing-parent';
  settleUnique(db, t, entityId, key, current, fields, seq);
  const names = Object.keys(fields);
  try {
    if (current) {
      if (names.length === 0) return 'applied';
      prepared(db, `UPDATE ${t.table} SET ${names.map((c) => `${col(c)} = ?`).join(', ')} WHERE ${where(t)}`).run(...names.map((c) => sqlValue(fields[c])), ...key);
    } else {
      const row: Values = { ...fields };
      t.key.forEach((k, i) => (row[k] = key[i]));
      if (t.table === 'documents') {
        row.text = text;
        row.text_length = text!.length;
      }
      if (t.table === 'annotations' && typeof row.quote === 'string') row.quote_folded = foldCase(row.quote);
      const columns = Object.keys(row);
      prepared(db, `INSERT INTO ${t.table} (${columns.map(col).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => sqlValue(row[c])));
    }
  } catch (error) {
    const outcome = constraintOutcome(error);
    if (outcome) return outcome;
    throw error;
  }
  afterPut(db, t, entityId, names, current === undefined);
  return 'applied';
}

/** Derived columns and the search index, as the documents and annotations writers keep them. */
function afterPut(db: Db, t: SyncedTable, id: string, fields: readonly string[], inserted: boolean): void {
  if (t.table === 'documents') {
    const row = prepared(db, 'SELECT title, outlet FROM documents WHERE id = ?').get(id) as { title: string; outlet: string | null };
    prepared(db, 'UPDATE documents SET list_folded = ? WHERE id = ?').run(listFolded(row.title, row.outlet), id);
    reindexDocument(db, id);
  }
  if (t.table === 'annotations' && (inserted || fields.includes('note') || fields.includes('quote'))) {
    // A new row was inserted with its quote_folded; an update of the quote needs it anew.
    if (!inserted && fields.includes('quote')) prepared(db, 'UPDATE annotations SET quote_folded = ? WHERE id = ?').run(foldCase(String(prepared(db, 'SELECT quote FROM annotations WHERE id = ?').pluck().get(id))), id);
    reindexAnnotation(db, id);
  }
}

/** Deletes the row; what hangs off it goes by cascade. */
export function deleteSyncedRow(db: Db, t: SyncedTable, entityId: string): ApplyOutcome {
  try {
    prepared(db, `DELETE FROM ${t.table} WHERE ${where(t)}`).run(...keyOf(t, entityId));
  } catch (error) {
    const outcome = constraintOutcome(error);
    if (outcome) return outcome;
    throw error;
  }
  return 'applied';
}
