// The one writer of the documents and document_tags tables.
import { foldCase } from '../../../shared/text/fold';
import type { PageStart } from '../../../shared/schemas/library';
import type { Db } from '../store';
import { statementsFor } from './prepared';
import { indexDocument, reindexDocument } from './search-index';

interface DocumentRow {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  importedAt: string;
  sourceName: string | null;
  text: string;
  /** sha-256 of the normalised text (services/library/documents.ts: contentHash). */
  contentHash: string;
  author: string | null;
  sourceFormat: string | null;
  encoding: string | null;
  pageMap: PageStart[] | null;
  /** What a dataset record said about itself (doccano's id and meta…), as JSON; absent: none. */
  sourceRecord?: string | null;
}

/** The details an analyst may edit; the text never changes (annotations point into it). */
export interface DocumentDetails {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
}

const statements = statementsFor((db) => ({
  insert: db.prepare(
    `INSERT INTO documents
       (id, title, outlet, url, published_at, imported_at, source_name, text, text_length, content_hash,
        author, source_format, encoding, page_map, list_folded, source_record)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  updateDetails: db.prepare('UPDATE documents SET title = ?, outlet = ?, author = ?, published_at = ?, url = ?, list_folded = ? WHERE id = ?'),
  delete: db.prepare('DELETE FROM documents WHERE id = ?'),
  deleteTags: db.prepare('DELETE FROM document_tags WHERE document_id = ?'),
  addTag: db.prepare('INSERT OR IGNORE INTO document_tags (document_id, tag) VALUES (?, ?)'),
}));

export function insertDocument(db: Db, row: DocumentRow): void {
  statements(db).insert.run(
    row.id,
    row.title,
    row.outlet,
    row.url,
    row.publishedAt,
    row.importedAt,
    row.sourceName,
    row.text,
    row.text.length, // UTF-16 code units, like every stored offset
    row.contentHash,
    row.author,
    row.sourceFormat,
    row.encoding,
    row.pageMap && row.pageMap.length > 0 ? JSON.stringify(row.pageMap) : null,
    listFolded(row.title, row.outlet),
    row.sourceRecord ?? null,
  );
  indexDocument(db, row);
}

/** What the library's text filter searches: title and outlet, case folded (foldCase, shared/text/fold.ts). */
export function listFolded(title: string, outlet: string | null): string {
  return foldCase(`${title}\n${outlet ?? ''}`);
}

/**
 * Writes list_folded where it is missing (reports from before migration 4, or written by other
 * means; the partial index documents_unfolded finds them at once); returns how many. Needs
 * glossa_fold (store/fold-function.ts) on the connection.
 */
export function fillListFolded(db: Db): number {
  return db
    .prepare("UPDATE documents SET list_folded = glossa_fold(title || char(10) || coalesce(outlet, '')) WHERE list_folded IS NULL")
    .run().changes;
}

export function updateDocumentDetails(db: Db, details: DocumentDetails): void {
  statements(db).updateDetails.run(
    details.title,
    details.outlet,
    details.author,
    details.publishedAt,
    details.url,
    listFolded(details.title, details.outlet),
    details.id,
  );
  reindexDocument(db, details.id);
}

/** Deletes the document; its annotations, tags and what hangs off them go by cascade. */
export function deleteDocument(db: Db, id: string): void {
  statements(db).delete.run(id);
}

/** Adds a tag unless the document has it already (tags compare case-insensitively). */
export function addDocumentTag(db: Db, documentId: string, tag: string): void {
  statements(db).addTag.run(documentId, tag);
}

/** Replaces the document's tags. */
export function setDocumentTags(db: Db, documentId: string, tags: readonly string[]): void {
  statements(db).deleteTags.run(documentId);
  for (const tag of tags) addDocumentTag(db, documentId, tag);
}
