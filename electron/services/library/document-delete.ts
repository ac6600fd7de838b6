// Deleting a document. The snapshot is generic: it holds the raw rows of the document and of
// every row in any table that references it, directly or through other rows (annotations, tags,
// and whatever later areas hang off annotations), found by reading the schema's foreign keys.
// It stays in main (../undo-snapshots.ts); the page gets a summary and a token, and
// document-restore.ts puts the rows back, so a table added by a later migration is covered
// without code here.
import { AppError } from '../../../shared/errors';
import type { DeletedDocument } from '../../../shared/schemas/library';
import type { Db } from '../../store/store';
import * as documentRows from '../../store/writers/documents';
import type { ServiceContext } from '../context';
import { undoSnapshots, type Row, type TableRows } from '../undo-snapshots';
import { getDocumentMeta } from './documents';

export interface ForeignKey {
  table: string;
  from: string[];
  parent: string;
  to: string[];
}

export const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The tables a snapshot may hold. The search index (search_*) is derived from the rows, so it
 * is not kept: restoring a document builds its index again.
 */
function tableNames(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'").all() as { name: string }[]
  ).map((r) => r.name);
}

export function columnsOf(db: Db, table: string): { name: string; pk: number }[] {
  return db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string; pk: number }[];
}

export function foreignKeys(db: Db): ForeignKey[] {
  const keys: ForeignKey[] = [];
  for (const table of tableNames(db)) {
    const rows = db.prepare(`PRAGMA foreign_key_list(${quote(table)})`).all() as {
      id: number;
      seq: number;
      table: string;
      from: string;
      to: string | null;
    }[];
    const byId = new Map<number, typeof rows>();
    for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    for (const parts of byId.values()) {
      parts.sort((a, b) => a.seq - b.seq);
      const parent = parts[0]!.table;
      let to = parts.map((p) => p.to);
      if (to.some((c) => c === null)) {
        // REFERENCES parent with no columns: the parent's primary key.
        to = columnsOf(db, parent)
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name);
      }
      keys.push({ table, from: parts.map((p) => p.from), parent, to: to as string[] });
    }
  }
  return keys;
}

/** The tables whose rows can hang off a document, parents before children. */
export function dependentTables(keys: readonly ForeignKey[]): string[] {
  const order = ['documents'];
  for (let i = 0; i < order.length; i++) {
    for (const key of keys) if (key.parent === order[i] && !order.includes(key.table)) order.push(key.table);
  }
  return order;
}

function plainRow(table: string, row: Record<string, unknown>): Row {
  for (const [column, value] of Object.entries(row)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      throw new AppError('INTERNAL', `Cannot keep ${table}.${column} for undo: it holds binary data.`);
    }
  }
  return row as Row;
}

/** Reads the document's row and every row that references it, transitively. */
function snapshotRows(db: Db, id: string): TableRows[] {
  const keys = foreignKeys(db);
  const rows = new Map<string, Map<string, Row>>();
  const docRow = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!docRow) throw new AppError('NOT_FOUND', `No document with id ${id}.`);
  rows.set('documents', new Map([[JSON.stringify(docRow), plainRow('documents', docRow)]]));
  let frontier: [string, Row[]][] = [['documents', [plainRow('documents', docRow)]]];
  while (frontier.length > 0) {
    const next: [string, Row[]][] = [];
    for (const [parent, parentRows] of frontier) {
      for (const key of keys.filter((k) => k.parent === parent)) {
        const select = db.prepare(
          `SELECT * FROM ${quote(key.table)} WHERE ${key.from.map((c) => `${quote(c)} = ?`).join(' AND ')}`,
        );
        const found: Row[] = [];
        const seen = rows.get(key.table) ?? new Map<string, Row>();
        rows.set(key.table, seen);
        for (const parentRow of parentRows) {
          const values = key.to.map((c) => parentRow[c] ?? null);
          if (values.some((v) => v === null)) continue;
          for (const child of select.all(...values) as Record<string, unknown>[]) {
            const k = JSON.stringify(child);
            if (seen.has(k)) continue;
            const row = plainRow(key.table, child);
            seen.set(k, row);
            found.push(row);
          }
        }
        if (found.length > 0) next.push([key.table, found]);
      }
    }
    frontier = next;
  }
  return dependentTables(keys)
    .filter((table) => (rows.get(table)?.size ?? 0) > 0)
    .map((table) => ({ table, rows: [...rows.get(table)!.values()] }));
}

/** Deletes the document and all that hangs off it; main keeps the rows, the page gets a summary and a token. */
export function deleteDocument(ctx: ServiceContext, id: string): DeletedDocument {
  return ctx.store.transaction(() => {
    const document = getDocumentMeta(ctx, id);
    const tables = snapshotRows(ctx.store.db, id);
    try {
      documentRows.deleteDocument(ctx.store.db, id);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new AppError('INVALID_ARGS', `“${document.title}” cannot be deleted: other records still refer to it.`);
      }
      throw error;
    }
    const annotations = tables.find((t) => t.table === 'annotations')?.rows.length ?? 0;
    const text = tables[0]!.rows[0]!.text;
    const chars = typeof text === 'string' ? text.length : 0;
    const undoToken = undoSnapshots(ctx.store).remember('document', { document, annotations, tables }, chars);
    return { undoToken, document, annotations };
  });
}
