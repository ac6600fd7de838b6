import { indexAllForSearch } from '../writers/search-index';
import type { Migration } from './types';

/**
 * The search index without its map tables (a quarter of the index's bytes at 200,000
 * annotations): an FTS5 row's rowid is now the rowid of the report or annotation it indexes, and
 * search joins back by rowid. SQLite keeps the rowids of a table that has an index (both have their
 * primary key's) when it vacuums; deleting a row deletes its index entry by trigger, in the same
 * transaction, so a rowid used again never finds the old row's words. The FTS5 tables are emptied
 * and filled again, since their rowids were the map tables' ids.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'search-rowid',
  up: `
    DROP TRIGGER search_documents_unindex;
    DROP TRIGGER search_annotations_unindex;
    DROP TABLE search_documents;
    DROP TABLE search_annotations;
    INSERT INTO search_document_text (search_document_text) VALUES ('delete-all');
    INSERT INTO search_annotation_text (search_annotation_text) VALUES ('delete-all');
    CREATE TRIGGER documents_unindex AFTER DELETE ON documents BEGIN
      DELETE FROM search_document_text WHERE rowid = old.rowid;
    END;
    CREATE TRIGGER annotations_unindex AFTER DELETE ON annotations BEGIN
      DELETE FROM search_annotation_text WHERE rowid = old.rowid;
    END;
  `,
  run: indexAllForSearch,
};
