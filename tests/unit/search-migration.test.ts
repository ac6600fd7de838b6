// Migration 0004 on a store made by today's schema (0001-0003): the search index is built for
// the reports and annotations already there, and the store then searches like a new one.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrations } from '../../electron/store/migrations';
import { search } from '../../electron/services/search/search';
import { consistencyReport } from '../../electron/services/search/consistency';
import { openStore } from '../../electron/store/store';
import { ConsistencyQuery, SearchQuery } from '../../shared/schemas/search';
import { tempDir } from './helpers';

const openAt = (file: string, version?: number) =>
  openStore(file, version === undefined ? {} : ({ migrations: migrations.filter((m) => m.version <= version) } as object));

describe('migration 0004 (search)', () => {
  it('indexes the reports and annotations of a store made by schema 3', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    const old = openAt(file, 3);
    const text = 'مُحَمَّد said the convoy reached Aleppo. Later the convoy left Aleppo again.';
    old.db
      .prepare(`INSERT INTO documents (id, title, outlet, imported_at, text, text_length, content_hash) VALUES ('d1', 'Old report', 'Wire', '2025-01-01', ?, ?, 'h1')`)
      .run(text, text.length);
    const at = text.indexOf('Aleppo');
    old.db
      .prepare(
        `INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at)
         VALUES ('a1', 'd1', 'location', ?, ?, 'Aleppo', 'city in the north', '2025-01-01', '2025-01-01'),
                ('a2', 'd1', 'claim', ?, ?, 'Aleppo', '', '2025-01-01', '2025-01-01')`,
      )
      .run(at, at + 6, text.lastIndexOf('Aleppo'), text.lastIndexOf('Aleppo') + 6);
    expect(old.db.pragma('user_version', { simple: true })).toBe(3);
    old.close();

    const store = openAt(file);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      const find = (query: string) => search(store.db, SearchQuery.parse({ query }));
      expect(find('convoy').reports.map((r) => r.title)).toEqual(['Old report']);
      expect(find('محمد').reports[0]!.hits[0]).toMatchObject({ start: 0, end: 8, quote: 'مُحَمَّد' });
      expect(find('aleppo label:location').reports[0]!.hits.map((h) => h.annotationId)).toEqual(['a1']);
      expect(find('north').reports[0]!.hits[0]).toMatchObject({ field: 'note', annotationId: 'a1' });
      const report = consistencyReport(store.db, ConsistencyQuery.parse({}));
      expect(report.conflicts.map((c) => [c.text, c.labels.map((l) => l.labelId).sort()])).toEqual([['Aleppo', ['claim', 'location']]]);
    } finally {
      store.close();
    }
  });
});
