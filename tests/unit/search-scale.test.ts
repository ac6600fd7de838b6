// Migration 0016 on a store made at schema 14: annotations_by_label_id gains the report's id (and
// relations_by_to the claim's id, for the claims table's count by a source's attribute), so
// a label-scoped search reads each matched annotation's label and report from that index alone,
// and finds what it found before the migration. The ranked page reads only its own reports' rows
// and pages through the same order as one long page.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/store/migrations';
import { search } from '../../electron/services/search/search';
import { openStore, type Db } from '../../electron/store/store';
import { indexAllForSearch } from '../../electron/store/writers/search-index';
import { SearchQuery } from '../../shared/schemas/search';
import { tempDir } from './helpers';

const openAt = (file: string, version?: number) =>
  openStore(file, version === undefined ? {} : ({ migrations: migrations.filter((m) => m.version <= version) } as object));

const labels = ['claim', 'source', 'location'];

function seed(db: Db): void {
  const doc = db.prepare(`INSERT INTO documents (id, title, outlet, published_at, imported_at, text, text_length, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const ann = db.prepare(`INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', '2025-01-01', '2025-01-01')`);
  for (let d = 0; d < 40; d++) {
    const words = ['Officials said the convoy reached Dorsk', 'Rebels said the bridge fell', 'The monitor said prices rose in Dorsk'];
    const text = Array.from({ length: 1 + (d % 5) }, (_, i) => words[(d + i) % words.length]).join('. ') + '.';
    doc.run(`d${d}`, `Report ${d}`, d % 2 ? 'Wire' : 'Gazette', `2024-01-${String(1 + (d % 28)).padStart(2, '0')}`, '2024-02-01', text, text.length, `h${d}`);
    let at = 0;
    for (let a = 0; at >= 0; a++) {
      at = text.indexOf('said', at);
      if (at < 0) break;
      const start = text.lastIndexOf(' ', at - 2) + 1;
      ann.run(`a${d}-${a}`, `d${d}`, labels[(d + a) % labels.length], start, at + 4, text.slice(start, at + 4));
      at += 4;
    }
  }
  indexAllForSearch(db);
}

/** The SQL and parameters of every statement a search runs. */
function statementsOf(db: Db, run: (db: Db) => void): { sql: string; params: unknown[] }[] {
  const seen: { sql: string; params: unknown[] }[] = [];
  const spy = new Proxy(db, {
    get(target, key) {
      if (key !== 'prepare') return Reflect.get(target, key, target) as unknown;
      return (sql: string) => {
        const statement = target.prepare(sql);
        const all = statement.all.bind(statement);
        statement.all = ((...params: unknown[]) => {
          seen.push({ sql, params });
          return all(...params);
        }) as typeof statement.all;
        return statement;
      };
    },
  });
  run(spy);
  return seen;
}

const queries = ['said label:Claim', 'said label:Source', 'Dorsk label:Claim', 'said', 'said outlet:Wire', '"the bridge"', 'pric*'];

describe('migration 0016 (search and claims at scale)', () => {
  it('adds the report to annotations_by_label_id; label-scoped searches read it from the index and find what they found before', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    const old = openAt(file, 14);
    seed(old.db);
    const before = queries.map((query) => search(old.db, SearchQuery.parse({ query })));
    old.close();

    const store = openAt(file);
    try {
      const db = store.db;
      const columns = (index: string) => db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(index);
      expect(columns('annotations_by_label_id')).toEqual(['label_id', 'id', 'document_id']);
      expect(columns('relations_by_to')).toEqual(['to_id', 'type_id', 'from_id']);
      const after = queries.map((query) => search(db, SearchQuery.parse({ query })));
      const withoutTimes = (results: typeof after) => results.map(({ elapsedMs: _elapsed, ...rest }) => rest);
      expect(withoutTimes(after)).toEqual(withoutTimes(before));
      expect(after[0]!.total).toBeGreaterThan(5);

      const ranking = statementsOf(db, (spy) => search(spy, SearchQuery.parse({ query: 'said label:Claim' }))).find((s) => s.sql.includes('search_annotation_text MATCH'))!;
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${ranking.sql}`).all(...ranking.params) as { detail: string }[]).map((row) => row.detail);
      // Since migration 0017 each match is one lookup of the annotation by its rowid (the FTS row's).
      expect(plan).toContainEqual(expect.stringMatching(/^SEARCH a USING INTEGER PRIMARY KEY \(rowid=\?\)/));
    } finally {
      store.close();
    }
  });

  it('pages through the ranked reports in the order of one long page, with the same total', () => {
    const store = openAt(path.join(tempDir(), 'glossa.sqlite'));
    try {
      seed(store.db);
      for (const query of ['said', 'said label:Claim', 'said outlet:Wire']) {
        const whole = search(store.db, SearchQuery.parse({ query, pageSize: 200 }));
        const pages = Array.from({ length: Math.ceil(whole.total / 7) }, (_, page) => page);
        expect(pages.length).toBeGreaterThan(2);
        const paged = pages.map((page) => search(store.db, SearchQuery.parse({ query, pageSize: 7, page })));
        expect(paged.flatMap((p) => p.reports)).toEqual(whole.reports);
        for (const p of paged) expect(p.total).toBe(whole.total);
      }
    } finally {
      store.close();
    }
  });
});
