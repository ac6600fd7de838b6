// The one writer of the search index (migration 0004): the map tables search_documents and
// search_annotations and their FTS5 tables. The documents and annotations writers call it in
// the same statement sequence (so in the same transaction) as the row they write, so an edit is
// searchable at once; deletes reach it by cascade and trigger.
import { foldForSearch } from '../../../shared/text/fold';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  mapDocument: db.prepare('INSERT INTO search_documents (document_id) VALUES (?) ON CONFLICT (document_id) DO NOTHING'),
  documentKey: db.prepare('SELECT id FROM search_documents WHERE document_id = ?').pluck(),
  unindexDocument: db.prepare('DELETE FROM search_document_text WHERE rowid = ?'),
  indexDocument: db.prepare('INSERT INTO search_document_text (rowid, title, details, body) VALUES (?, ?, ?, ?)'),
  documentRow: db.prepare('SELECT title, outlet, author, text FROM documents WHERE id = ?'),
  mapAnnotation: db.prepare('INSERT INTO search_annotations (annotation_id) VALUES (?) ON CONFLICT (annotation_id) DO NOTHING'),
  annotationKey: db.prepare('SELECT id FROM search_annotations WHERE annotation_id = ?').pluck(),
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

/** Indexes a report (again, after a change of its details). */
export function indexDocument(db: Db, document: IndexedDocument): void {
  const s = statements(db);
  s.mapDocument.run(document.id);
  const key = s.documentKey.get(document.id) as number;
  s.unindexDocument.run(key);
  const details = [document.outlet, document.author].filter(Boolean).join(' \n ');
  s.indexDocument.run(key, foldForSearch(document.title), foldForSearch(details), foldForSearch(document.text));
}

/** Indexes the report as it is stored now. */
export function reindexDocument(db: Db, documentId: string): void {
  const row = statements(db).documentRow.get(documentId) as Omit<IndexedDocument, 'id'> | undefined;
  if (row) indexDocument(db, { id: documentId, ...row });
}

/** Indexes an annotation's quote and note (again, after a change of its note). */
export function indexAnnotation(db: Db, annotation: { id: string; quote: string; note: string }): void {
  const s = statements(db);
  const folded = foldForSearch(annotation.quote);
  s.mapAnnotation.run(annotation.id);
  const key = s.annotationKey.get(annotation.id) as number;
  s.unindexAnnotation.run(key);
  s.indexAnnotation.run(key, folded, foldForSearch(annotation.note));
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
 * Indexes every report and annotation not indexed yet: migration 0004 on an existing store, and
 * stores whose rows were written around the writers (benchmarks' bulk seeding).
 */
export function indexAllForSearch(db: Db): void {
  const documents = db
    .prepare(
      `SELECT id, title, outlet, author, text FROM documents d
       WHERE NOT EXISTS (SELECT 1 FROM search_documents s WHERE s.document_id = d.id)`,
    )
    .all() as IndexedDocument[];
  for (const document of documents) indexDocument(db, document);
  const annotations = db
    .prepare(
      `SELECT id, quote, note FROM annotations a
       WHERE NOT EXISTS (SELECT 1 FROM search_annotations s WHERE s.annotation_id = a.id)`,
    )
    .iterate() as IterableIterator<{ id: string; quote: string; note: string }>;
  const batch: { id: string; quote: string; note: string }[] = [];
  for (const row of annotations) batch.push(row);
  for (const row of batch) indexAnnotation(db, row);
}
