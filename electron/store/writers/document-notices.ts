// The one writer of document_notices: what an import said about a document, kept with it.
import type { ImportNotice } from '../../../shared/schemas/library';
import type { Db } from '../store';
import { statementsFor } from './prepared';

const statements = statementsFor((db) => ({
  insert: db.prepare('INSERT INTO document_notices (document_id, position, kind, code, count, pages, message) VALUES (?, ?, ?, ?, ?, ?, ?)'),
}));

/** Stores a new document's notices, in order. */
export function insertDocumentNotices(db: Db, documentId: string, notices: readonly ImportNotice[]): void {
  notices.forEach((n, i) => statements(db).insert.run(documentId, i, n.kind, n.code, n.count, JSON.stringify(n.pages), n.message));
}
