// Undo of a document's deletion, by the token documents.delete returned. The rows come from
// main's own snapshot (../undo-snapshots.ts), and are still checked as new rows are, in depth:
// every row belongs to the restored document (its foreign keys point at rows of the snapshot),
// the text is within the size limit and matches its hash, annotations lie within the text with
// their quotes, values fit the schema, relations stay in the document, places sit on Location
// spans. Rows go back with plain INSERTs: nothing of another document is moved or overwritten.
import { AppError } from '../../../shared/errors';
import type { Annotation } from '../../../shared/schemas/annotate';
import type { DocumentSummary } from '../../../shared/schemas/library';
import type { Place } from '../../../shared/schemas/places';
import type Database from 'better-sqlite3';
import type { Db } from '../../store/store';
import { checkSpan } from '../annotate/annotation-snapshot';
import type { ServiceContext } from '../context';
import { checkPlace } from '../places/places';
import { checkValue, decodeValue } from '../schema/attribute-types';
import { findAttribute } from '../schema/attributes';
import { findRelationType } from '../schema/relation-types';
import { undoSnapshots, type DocumentSnapshot, type Row, type TableRows } from '../undo-snapshots';
import { columnsOf, dependentTables, foreignKeys, quote, type ForeignKey } from './document-delete';
import { contentHash, getDocumentSummary } from './documents';
import { maxTextLength } from './importers/limits';
import { reindexDocumentTree } from '../../store/writers/search-index';

const refuse = (message: string): AppError => new AppError('INVALID_ARGS', message);

/** Every row's foreign keys into the snapshot's tables point at rows of the snapshot. */
function checkOwnership(snapshot: DocumentSnapshot, keys: readonly ForeignKey[]): void {
  const present = new Map(snapshot.tables.map((t) => [t.table, t.rows]));
  for (const { table, rows } of snapshot.tables) {
    for (const key of keys.filter((k) => k.table === table && present.has(k.parent))) {
      const owned = new Set(present.get(key.parent)!.map((p) => JSON.stringify(key.to.map((c) => p[c] ?? null))));
      for (const row of rows) {
        const values = key.from.map((c) => row[c] ?? null);
        if (values.every((v) => v === null)) continue;
        if (!owned.has(JSON.stringify(values))) {
          throw refuse(`Cannot restore ${table}: a row refers to ${key.parent} outside the deleted document.`);
        }
      }
    }
  }
}

function checkDocumentRow(row: Row): string {
  const text = row.text;
  if (typeof text !== 'string') throw refuse('The deleted document has no text.');
  if (text.length > maxTextLength) {
    throw refuse(`The deleted document has ${text.length.toLocaleString('en')} characters; Glossa stores up to ${maxTextLength.toLocaleString('en')}.`);
  }
  if (row.text_length !== text.length || row.content_hash !== contentHash(text)) throw refuse('The deleted document’s text does not match its hash.');
  return text;
}

function annotationOf(row: Row): Annotation {
  return {
    id: String(row.id),
    documentId: String(row.document_id),
    labelId: String(row.label_id),
    start: row.start as number,
    end: row.end as number,
    quote: row.quote as string,
    note: row.note as string,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    layer: String(row.layer),
    createdBy: String(row.created_by),
    updatedBy: String(row.updated_by),
  };
}

function placeOf(row: Row): Place {
  return {
    annotationId: String(row.annotation_id),
    geonameid: row.geonameid as number | null,
    name: row.name as string,
    country: row.country as string | null,
    admin1: row.admin1 as string | null,
    lat: row.lat as number,
    lon: row.lon as number,
    population: row.population as number | null,
    resolvedBy: row.resolved_by as Place['resolvedBy'],
    resolvedAt: row.resolved_at as string,
  };
}

function fits(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/**
 * The snapshot's tables with each row checked as a new one: annotations must fit (or the restore
 * is refused); values, relations and places that no longer fit the schema are left out, as
 * undo of an annotation's deletion leaves them out.
 */
function checkedTables(ctx: ServiceContext, snapshot: DocumentSnapshot, text: string): TableRows[] {
  const labelOf = new Map<string, string>();
  const labels = new Set(ctx.store.db.prepare('SELECT id FROM labels').pluck().all() as string[]);
  const taken = ctx.store.db.prepare('SELECT 1 FROM annotations WHERE id = ?');
  for (const row of snapshot.tables.find((t) => t.table === 'annotations')?.rows ?? []) {
    const annotation = annotationOf(row);
    checkSpan(annotation, text);
    if (!labels.has(annotation.labelId)) throw new AppError('NOT_FOUND', `No label with id ${annotation.labelId}.`);
    if (taken.get(annotation.id)) throw new AppError('DUPLICATE', `Annotation ${annotation.id} already exists.`);
    labelOf.set(annotation.id, annotation.labelId);
  }
  const keep: Record<string, (row: Row) => boolean> = {
    annotation_attributes: (row) => {
      const attribute = findAttribute(ctx, String(row.attribute_id));
      return attribute !== undefined && typeof row.value === 'string' && fits(() => {
        if (checkValue(attribute, decodeValue(row.value as string)) !== null) throw refuse('value outside the schema');
      });
    },
    relations: (row) => {
      const type = findRelationType(ctx, String(row.type_id));
      const from = labelOf.get(String(row.from_id));
      const to = labelOf.get(String(row.to_id));
      return (
        type !== undefined && type.id === row.type_id && from !== undefined && to !== undefined && row.from_id !== row.to_id &&
        (!type.fromLabelId || type.fromLabelId === from) && (!type.toLabelId || type.toLabelId === to)
      );
    },
    places: (row) => fits(() => checkPlace(placeOf(row), labelOf.get(String(row.annotation_id)) ?? '')),
  };
  return snapshot.tables.map(({ table, rows }) => ({ table, rows: keep[table] ? rows.filter(keep[table]) : rows }));
}

function checkShape(db: Db, snapshot: DocumentSnapshot, keys: readonly ForeignKey[]): Row {
  const first = snapshot.tables[0];
  const docRow = first?.rows[0];
  if (first?.table !== 'documents' || first.rows.length !== 1 || docRow?.id !== snapshot.document.id) {
    throw refuse('This is not a snapshot of a deleted document.');
  }
  const allowed = new Set(dependentTables(keys));
  for (const { table, rows } of snapshot.tables) {
    if (!allowed.has(table)) throw refuse(`Cannot restore rows of ${table}.`);
    const columns = new Set(columnsOf(db, table).map((c) => c.name));
    for (const row of rows) {
      const unknown = Object.keys(row).find((c) => !columns.has(c));
      if (unknown !== undefined) throw refuse(`Cannot restore ${table}: it has no column ${unknown}.`);
    }
  }
  return docRow;
}

/**
 * Writes a table's rows back. A row still there whose references to the restored rows were set
 * to NULL by the delete (ON DELETE SET NULL) gets those references back and nothing else; any
 * other row with the same key is someone else's, and the restore is refused.
 */
function rowWriter(db: Db, table: string, restoredTables: ReadonlySet<string>, keys: readonly ForeignKey[]): (row: Row) => void {
  const key = columnsOf(db, table).filter((c) => c.pk > 0).map((c) => c.name);
  const where = key.map((c) => `${quote(c)} = ?`).join(' AND ');
  const existing = key.length > 0 ? db.prepare(`SELECT * FROM ${quote(table)} WHERE ${where}`) : null;
  const references = keys.filter((k) => k.table === table && restoredTables.has(k.parent)).flatMap((k) => k.from);
  const relink = references.length > 0 && key.length > 0
    ? db.prepare(`UPDATE ${quote(table)} SET ${references.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${where}`)
    : null;
  const inserts = new Map<string, Database.Statement<unknown[]>>();
  return (row) => {
    if (existing && key.every((c) => row[c] !== undefined && row[c] !== null)) {
      const found = existing.get(...key.map((c) => row[c])) as Row | undefined;
      if (found) {
        if (!relink || !references.every((c) => found[c] === null)) {
          throw new AppError('DUPLICATE', `Cannot restore ${table}: a row with the same key exists.`);
        }
        relink.run(...references.map((c) => row[c] ?? null), ...key.map((c) => row[c]));
        return;
      }
    }
    const columns = Object.keys(row);
    const signature = columns.join('\u0000');
    let insert = inserts.get(signature);
    if (!insert) {
      insert = db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      inserts.set(signature, insert);
    }
    insert.run(...columns.map((c) => row[c]));
  };
}

/** Puts back what deleteDocument removed, by its token. The token is spent once the document is back. */
export function restoreDocument(ctx: ServiceContext, token: string): DocumentSummary {
  const db = ctx.store.db;
  const snapshots = undoSnapshots(ctx.store);
  const snapshot = snapshots.get('document', token);
  const keys = foreignKeys(db);
  const docRow = checkShape(db, snapshot, keys);
  const id = snapshot.document.id;
  if (db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id)) {
    throw new AppError('DUPLICATE', `“${snapshot.document.title}” is already in the library.`);
  }
  const twin = db.prepare('SELECT title FROM documents WHERE content_hash = ?').get(docRow.content_hash) as { title: string } | undefined;
  if (twin) {
    throw new AppError(
      'DUPLICATE',
      `“${snapshot.document.title}” cannot be put back: “${twin.title}”, imported since, has the same text.`,
    );
  }
  const text = checkDocumentRow(docRow);
  checkOwnership(snapshot, keys);
  try {
    ctx.store.transaction(() => {
      const tables = checkedTables(ctx, snapshot, text);
      const restoredTables = new Set(tables.map((t) => t.table));
      // Foreign keys are checked at commit, so rows can go in table by table in any order.
      db.pragma('defer_foreign_keys = ON');
      for (const { table, rows } of tables) {
        const write = rowWriter(db, table, restoredTables, keys);
        for (const row of rows) write(row);
      }
      // The search index is not a table the snapshot holds: it is built again from the rows.
      reindexDocumentTree(db, id);
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('DUPLICATE', `“${snapshot.document.title}” cannot be put back: some of its rows exist again.`);
    }
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      throw new AppError(
        'INVALID_ARGS',
        `“${snapshot.document.title}” cannot be put back: something it referred to has changed since (${(error as Error).message}).`,
      );
    }
    throw error;
  }
  snapshots.spend(token);
  return getDocumentSummary(ctx, id);
}
