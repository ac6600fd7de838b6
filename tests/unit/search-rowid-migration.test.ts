// Migration 0017 on a store made at schema 16: the search index loses its map tables
// (search_documents, search_annotations) and its FTS rows are keyed by the rowids of the reports
// and annotations. The same queries match the same reports and annotations before and after, and
// search like a store built new. Deleting a row unindexes it; VACUUM and backups keep the rowids.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/store/migrations';
import { search } from '../../electron/services/search/search';
import { openStore, type Db } from '../../electron/store/store';
import { indexAllForSearch } from '../../electron/store/writers/search-index';
import { SearchQuery } from '../../shared/schemas/search';
import { foldForSearch } from '../../shared/text/fold';
import { tempDir } from './helpers';

const openAt = (file: string, version?: number) =>
  openStore(file, version === undefined ? {} : ({ migrations: migrations.filter((m) => m.version <= version) } as object));

const sentences = ['Officials said the convoy reached Aleppo', 'Rebels said the bridge fell', 'مُحَمَّد said prices rose in Idlib'];
const labels = ['claim', 'source', 'location'];

/** Reports and annotations written as rows; some annotations deleted, so rowids have gaps. */
function seedRows(db: Db): void {
  const doc = db.prepare(`INSERT INTO documents (id, title, outlet, author, published_at, imported_at, text, text_length, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const ann = db.prepare(`INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01', '2025-01-01')`);
  for (let d = 0; d < 12; d++) {
    const text = Array.from({ length: 1 + (d % 3) }, (_, i) => sentences[(d + i) % sentences.length]).join('. ') + '.';
    doc.run(`d${d}`, `Report ${d}`, d % 2 ? 'Wire' : 'Gazette', d % 4 ? null : 'Halvik', '2024-01-02', '2024-02-01', text, text.length, `h${d}`);
    for (let a = 0, at = text.indexOf('said'); at >= 0; a++, at = text.indexOf('said', at + 4)) {
      const start = text.lastIndexOf(' ', at - 2) + 1;
      ann.run(`a${d}-${a}`, `d${d}`, labels[(d + a) % labels.length], start, at + 4, text.slice(start, at + 4), a % 2 ? '' : `note on the bridge ${d}`);
    }
  }
  db.prepare(`DELETE FROM annotations WHERE id IN ('a0-0', 'a3-1', 'a7-0')`).run();
}

/** The index as the schema-16 writer built it: map rows in an order of their own, FTS rows at the map ids. */
function indexAsSchema16(db: Db): void {
  for (const d of db.prepare('SELECT id, title, outlet, author, text FROM documents ORDER BY id DESC').all() as { id: string; title: string; outlet: string | null; author: string | null; text: string }[]) {
    const key = db.prepare('INSERT INTO search_documents (document_id) VALUES (?)').run(d.id).lastInsertRowid;
    const details = [d.outlet, d.author].filter(Boolean).join(' \n ');
    db.prepare('INSERT INTO search_document_text (rowid, title, details, body) VALUES (?, ?, ?, ?)').run(key, foldForSearch(d.title), foldForSearch(details), foldForSearch(d.text));
  }
  for (const a of db.prepare('SELECT id, quote, note FROM annotations ORDER BY id DESC').all() as { id: string; quote: string; note: string }[]) {
    const key = db.prepare('INSERT INTO search_annotations (annotation_id) VALUES (?)').run(a.id).lastInsertRowid;
    db.prepare('INSERT INTO search_annotation_text (rowid, quote, note) VALUES (?, ?, ?)').run(key, foldForSearch(a.quote), foldForSearch(a.note));
  }
}

const ftsQueries = ['said', 'convoy', 'bridge', 'محمد', 'halvik', 'wire', '"the bridge"', 'pric*', '{note} : bridge', '{quote} : officials'];

/** What each FTS query matches: report ids and annotation ids, through the given joins. */
function matches(db: Db, joins: { documents: string; annotations: string }): string[][] {
  return ftsQueries.map((query) => {
    // Column filters name the annotations' columns.
    const reports = query.startsWith('{')
      ? []
      : (db.prepare(`SELECT d.id FROM search_document_text ${joins.documents} WHERE search_document_text MATCH ? ORDER BY d.id`).pluck().all(query) as string[]);
    const annotations = db.prepare(`SELECT a.id FROM search_annotation_text ${joins.annotations} WHERE search_annotation_text MATCH ? ORDER BY a.id`).pluck().all(query) as string[];
    return [...reports, ...annotations];
  });
}

const serviceQueries = ['said', 'said label:claim', 'bridge', 'محمد', 'said outlet:Wire', '"the bridge"', 'pric*', 'Halvik'];
const searchAll = (db: Db) => serviceQueries.map((query) => search(db, SearchQuery.parse({ query }))).map(({ elapsedMs: _elapsed, ...rest }) => rest);

describe('migration 0017 (search index keyed by rowid)', () => {
  it('drops the map tables and matches what the schema-16 index matched, like a store indexed new', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    const old = openAt(file, 16);
    seedRows(old.db);
    indexAsSchema16(old.db);
    const before = matches(old.db, {
      documents: 'JOIN search_documents s ON s.id = search_document_text.rowid JOIN documents d ON d.id = s.document_id',
      annotations: 'JOIN search_annotations sa ON sa.id = search_annotation_text.rowid JOIN annotations a ON a.id = sa.annotation_id',
    });
    expect(before.flat().length).toBeGreaterThan(30);
    old.close();

    const fresh = openAt(path.join(tempDir(), 'glossa.sqlite'));
    const store = openAt(file);
    try {
      const db = store.db;
      const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE name IN ('search_documents', 'search_annotations')`).all();
      expect(tables).toEqual([]);
      const after = matches(db, {
        documents: 'JOIN documents d ON d.rowid = search_document_text.rowid',
        annotations: 'JOIN annotations a ON a.rowid = search_annotation_text.rowid',
      });
      expect(after).toEqual(before);
      const indexed = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      expect(indexed('search_annotation_text')).toBe(indexed('annotations'));
      expect(indexed('search_document_text')).toBe(indexed('documents'));

      seedRows(fresh.db);
      indexAllForSearch(fresh.db);
      expect(searchAll(db)).toEqual(searchAll(fresh.db));
      expect(searchAll(db)[1]!.reports.length).toBeGreaterThan(0);
    } finally {
      store.close();
      fresh.close();
    }
  });

  it('unindexes a deleted annotation or report, so a rowid used again does not find its words', () => {
    const store = openAt(path.join(tempDir(), 'glossa.sqlite'));
    try {
      const db = store.db;
      seedRows(db);
      indexAllForSearch(db);
      const last = db.prepare('SELECT id, rowid FROM annotations ORDER BY rowid DESC LIMIT 1').get() as { id: string; rowid: number };
      db.prepare('DELETE FROM annotations WHERE id = ?').run(last.id);
      db.prepare('DELETE FROM documents WHERE id = ?').run('d0');
      db.prepare(`INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at) VALUES ('late', 'd1', 'claim', 0, 4, 'Rebe', '', '2025-01-01', '2025-01-01')`).run();
      expect(db.prepare(`SELECT rowid FROM annotations WHERE id = 'late'`).pluck().get()).toBe(last.rowid);
      const indexedIds = db.prepare('SELECT a.id FROM search_annotation_text s LEFT JOIN annotations a ON a.rowid = s.rowid').pluck().all();
      expect(indexedIds).not.toContain('late');
      expect(indexedIds).not.toContain(null);
      expect(db.prepare('SELECT count(*) FROM search_annotation_text').pluck().get()).toBe(db.prepare(`SELECT count(*) FROM annotations WHERE id <> 'late'`).pluck().get());
      expect(db.prepare('SELECT count(*) FROM search_document_text').pluck().get()).toBe(11);
    } finally {
      store.close();
    }
  });

  it('finds the same after VACUUM and in a backup made by VACUUM INTO', () => {
    const dir = tempDir();
    const store = openAt(path.join(dir, 'glossa.sqlite'));
    try {
      const db = store.db;
      seedRows(db);
      indexAllForSearch(db);
      const before = searchAll(db);
      db.exec('VACUUM');
      expect(searchAll(db)).toEqual(before);
      db.prepare('VACUUM INTO ?').run(path.join(dir, 'copy.sqlite'));
      const copy = openAt(path.join(dir, 'copy.sqlite'));
      try {
        expect(searchAll(copy.db)).toEqual(before);
      } finally {
        copy.close();
      }
    } finally {
      store.close();
    }
  });
});
