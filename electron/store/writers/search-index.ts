// The one writer of the search index: the FTS5 tables search_document_text and
// search_annotation_text, whose rowids are the rowids of the reports and annotations they index
// (migration 0017). The documents and annotations writers call it in the same statement sequence
// (so in the same transaction) as the row they write, so an edit is searchable at once; deletes
// reach it by the triggers on documents and annotations.
import { foldForSearch } from '../../../shared/text/fold';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  documentKey: db.prepare('SELECT rowid FROM documents WHERE id = ?').pluck(),
  unindexDocument: db.prepare('DELETE FROM search_document_text WHERE rowid = ?'),
  indexDocument: db.prepare('INSERT INTO search_document_text (rowid, title, details, body) VALUES (?, ?, ?, ?)'),
  documentRow: db.prepare('SELECT title, outlet, author, text FROM documents WHERE id = ?'),
  annotationKey: db.prepare('SELECT rowid FROM annotations WHERE id = ?').pluck(),
  unindexAnnotation: db.prepare('DELETE FROM search_annotation_text WHERE rowid = ?'),
  indexAnnotation: db.prepare('INSERT INTO search_annotation_text (rowid, quote, note) VALUES (?, ?, ?)'),
  annotationRow: db.prepare('SELECT quote, note FROM annotations WHERE id = ?'),
}));

interface IndexedDocument {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  text: string;
}

/** What a consistency report groups an annotation by: its folded quote, spaces collapsed. */
export function quoteKey(quote: string): string {
  return foldForSearch(quote).replace(/\s+/gu, ' ').trim();
}

/** Indexes a stored report (again, after a change of its details). */
export function indexDocument(db: Db, document: IndexedDocument): void {
  const s = statements(db);
  const key = s.documentKey.get(document.id) as number | undefined;
  if (key === undefined) return;
  s.unindexDocument.run(key);
  const details = [document.outlet, document.author].filter(Boolean).join(' \n ');
  s.indexDocument.run(key, foldForSearch(document.title), foldForSearch(details), foldForSearch(document.text));
}

/** Indexes the report as it is stored now. */
export function reindexDocument(db: Db, documentId: string): void {
  const row = statements(db).documentRow.get(documentId) as Omit<IndexedDocument, 'id'> | undefined;
  if (row) indexDocument(db, { id: documentId, ...row });
}

/** Indexes a stored annotation's quote and note (again, after a change of its note). */
export function indexAnnotation(db: Db, annotation: { id: string; quote: string; note: string }): void {
  const s = statements(db);
  const key = s.annotationKey.get(annotation.id) as number | undefined;
  if (key === undefined) return;
  s.unindexAnnotation.run(key);
  s.indexAnnotation.run(key, foldForSearch(annotation.quote), foldForSearch(annotation.note));
}

export function reindexAnnotation(db: Db, annotationId: string): void {
  const row = statements(db).annotationRow.get(annotationId) as { quote: string; note: string } | undefined;
  if (row) indexAnnotation(db, { id: annotationId, ...row });
}

/** Indexes a report and its annotations again: after rows were put back around the writers (undo of a delete). */
export function reindexDocumentTree(db: Db, documentId: string): void {
  reindexDocument(db, documentId);
  const ids = db.prepare('SELECT id FROM annotations WHERE document_id = ?').pluck().all(documentId) as string[];
  for (const id of ids) reindexAnnotation(db, id);
}

/**
 * Indexes every report and annotation not indexed yet: migrations 0004 and 0017 on an existing
 * store, and stores whose rows were written around the writers (benchmarks' bulk seeding).
 */
export function indexAllForSearch(db: Db): void {
  const documents = db
    .prepare(
      `SELECT id, title, outlet, author, text FROM documents d
       WHERE NOT EXISTS (SELECT 1 FROM search_document_text s WHERE s.rowid = d.rowid)`,
    )
    .all() as IndexedDocument[];
  for (const document of documents) indexDocument(db, document);
  const annotations = db
    .prepare(
      `SELECT id, quote, note FROM annotations a
       WHERE NOT EXISTS (SELECT 1 FROM search_annotation_text s WHERE s.rowid = a.rowid)`,
    )
    .all() as { id: string; quote: string; note: string }[];
  for (const row of annotations) indexAnnotation(db, row);
}
