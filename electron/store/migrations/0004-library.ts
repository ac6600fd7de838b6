import type { Migration } from './types';

/**
 * The library list and the claims table at scale. Indexes give each sort of the library its
 * order without sorting the whole table. documents.list_folded holds title and outlet with case
 * folded for the text filter, and annotations.quote_folded holds the quote with case folded
 * for every script (foldCase in shared/text/fold.ts), written by the annotations writer; rows from before
 * this migration are folded on first use (writers/annotations.ts fillFoldedQuotes). Indexed by
 * label, so the claims quote filter scans one label's folded quotes in the index alone.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'library',
  up: `
    CREATE INDEX documents_by_title ON documents(title COLLATE NOCASE);
    CREATE INDEX documents_by_outlet ON documents(outlet COLLATE NOCASE);
    CREATE INDEX documents_by_author ON documents(author COLLATE NOCASE);
    CREATE INDEX documents_by_imported ON documents(imported_at);
    -- Title and outlet with case folded, for the library's text filter (writers/documents.ts).
    ALTER TABLE documents ADD COLUMN list_folded TEXT;
    CREATE INDEX documents_by_list_folded ON documents(list_folded);
    CREATE INDEX documents_unfolded ON documents(id) WHERE list_folded IS NULL;

    ALTER TABLE annotations ADD COLUMN quote_folded TEXT;
    CREATE INDEX annotations_by_label_folded ON annotations(label_id, quote_folded);
  `,
};
