import type { Migration } from './types';

/** What richer imports know about a report: its author, format, encoding, pages, and tags. */
export const migration0002: Migration = {
  version: 2,
  name: 'document-details',
  up: `
    ALTER TABLE documents ADD COLUMN author TEXT;
    -- txt, md, html, pdf, docx, clipboard
    ALTER TABLE documents ADD COLUMN source_format TEXT;
    -- The encoding the file was decoded from, e.g. utf-8, utf-16le, windows-1252.
    ALTER TABLE documents ADD COLUMN encoding TEXT;
    -- PDFs: JSON array of [offset, page] pairs, each the UTF-16 offset where that page starts.
    ALTER TABLE documents ADD COLUMN page_map TEXT;

    CREATE TABLE document_tags (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      tag TEXT NOT NULL COLLATE NOCASE,
      PRIMARY KEY (document_id, tag)
    );
    CREATE INDEX document_tags_by_tag ON document_tags(tag);
  `,
};
