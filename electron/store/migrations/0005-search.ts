import { indexAllForSearch } from '../writers/search-index';
import { ftsTokenizer } from '../../services/search/tokens';
import type { Migration } from './types';

/**
 * Corpus search: FTS5 indexes of the folded text (foldForSearch, shared/text/fold.ts) of reports (title,
 * details, text) and of annotations (quote, note). They are contentless, so the index does not
 * hold a second copy of the text: hits are placed by folding the hit's document again. Each
 * indexed row has an integer id in a map table, because the rowids of tables keyed by text may
 * change on VACUUM; deleting a report or an annotation deletes its map row by cascade, and the
 * map row's trigger deletes its index entry, in the same transaction. AUTOINCREMENT: an undone
 * delete puts its map rows back with their ids, which must not have gone to another row meanwhile.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'search',
  up: `
    CREATE TABLE search_documents (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      document_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE
    );
    CREATE VIRTUAL TABLE search_document_text USING fts5(
      title, details, body, content='', contentless_delete=1, tokenize="${ftsTokenizer}"
    );
    CREATE TRIGGER search_documents_unindex AFTER DELETE ON search_documents BEGIN
      DELETE FROM search_document_text WHERE rowid = old.id;
    END;

    CREATE TABLE search_annotations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      annotation_id TEXT NOT NULL UNIQUE REFERENCES annotations(id) ON DELETE CASCADE
    );
    CREATE VIRTUAL TABLE search_annotation_text USING fts5(
      quote, note, content='', contentless_delete=1, tokenize="${ftsTokenizer}"
    );
    CREATE TRIGGER search_annotations_unindex AFTER DELETE ON search_annotations BEGIN
      DELETE FROM search_annotation_text WHERE rowid = old.id;
    END;
  `,
  run: indexAllForSearch,
};
