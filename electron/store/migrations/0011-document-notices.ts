import type { Migration } from './types';

/**
 * document_notices: what an import said about a document (pages mostly unreadable, control
 * characters dropped, an encoding guessed…), kept with it so the reader and the details panel
 * can show it after the import summary is gone. One row per notice, in the import's order;
 * pages is a JSON array of 1-based page numbers. Deleting the document takes them (and its undo
 * puts them back: document-delete.ts snapshots every table that references documents).
 */
export const migration0011: Migration = {
  version: 11,
  name: 'document-notices',
  up: `
    CREATE TABLE document_notices (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('dropped', 'warning')),
      code TEXT NOT NULL,
      count INTEGER NOT NULL CHECK (count >= 0),
      pages TEXT NOT NULL DEFAULT '[]',
      message TEXT NOT NULL,
      PRIMARY KEY (document_id, position)
    );
  `,
};
