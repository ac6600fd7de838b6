// The library list paged from the store (issue 13, item 4): every sort, every filter, paging and
// totals, the ids of a range, facets and tagging a selection; over a real SQLite file.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { createContext } from '../../electron/core';
import { tagDocuments } from '../../electron/services/library/document-tags';
import { addDocument, updateDocument } from '../../electron/services/library/documents';
import { libraryFacets, queryLibrary, queryLibraryIds } from '../../electron/services/library/library-query';
import { migrations } from '../../electron/store/migrations';
import { openStore } from '../../electron/store/store';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/services/index';
import type { ServiceContext } from '../../electron/services/context';
import type { LibraryQuery, LibrarySortKey } from '../../shared/schemas/library-query';
import { errorCodeOf, openTestContext, ScriptedDialogs, tempDir } from './helpers';

interface Report {
  title: string;
  outlet?: string;
  author?: string;
  publishedAt?: string;
  tags?: string[];
  annotations?: number;
}

const reports: Report[] = [
  { title: 'Beta convoy', outlet: 'Meridian Wire', author: 'Zoë Haddad', publishedAt: '2024-03-02', tags: ['syria', 'weekly'], annotations: 2 },
  { title: 'alpha brief', outlet: 'Дорская правда', publishedAt: '2024-01-15', tags: ['Syria'] },
  { title: 'Gamma sitrep', outlet: 'meridian wire', author: 'Ali Kaya', publishedAt: '2024-02-20', annotations: 5 },
  { title: 'İstanbul notes', author: 'Ayşe', tags: ['turkey'], annotations: 1 },
  { title: 'Delta ДОРСК report', outlet: 'Field Desk', publishedAt: '2023-12-31T22:00:00Z' },
];

function seed(ctx: ServiceContext): Record<string, string> {
  const ids: Record<string, string> = {};
  let clock = Date.UTC(2026, 0, 1);
  ctx.now = () => new Date((clock += 60_000)).toISOString();
  for (const r of reports) {
    const text = `${r.title}. ${'Words of the report. '.repeat(5)}`;
    const added = addDocument(ctx, { title: r.title, text, outlet: r.outlet, author: r.author, publishedAt: r.publishedAt });
    if (added.status !== 'added') throw new Error('duplicate');
    const id = added.document.id;
    ids[r.title] = id;
    if (r.tags) updateDocument(ctx, { id, tags: r.tags });
    for (let i = 0; i < (r.annotations ?? 0); i++) {
      createAnnotation(ctx, { documentId: id, labelId: i % 2 ? 'source' : 'claim', start: 0, end: 2 + i });
    }
  }
  return ids;
}

function titles(ctx: ServiceContext, query: LibraryQuery): string[] {
  return queryLibrary(ctx, query).rows.map((r) => r.title);
}

describe('library query', () => {
  it('pages in the newest import first by default, with the total, tags and per-label counts', () => {
    const { ctx } = openTestContext();
    seed(ctx);
    const first = queryLibrary(ctx, { limit: 2 });
    expect(first.total).toBe(5);
    expect(first.rows.map((r) => r.title)).toEqual(['Delta ДОРСК report', 'İstanbul notes']);
    const second = queryLibrary(ctx, { offset: 2, limit: 2 });
    expect(second).toMatchObject({ total: 5, offset: 2 });
    expect(second.rows.map((r) => r.title)).toEqual(['Gamma sitrep', 'alpha brief']);
    expect(queryLibrary(ctx, { offset: 4, limit: 2 }).rows.map((r) => r.title)).toEqual(['Beta convoy']);
    expect(queryLibrary(ctx, { offset: 10 }).rows).toEqual([]);
    const beta = queryLibrary(ctx, { offset: 4 }).rows[0]!;
    expect(beta).toMatchObject({ outlet: 'Meridian Wire', author: 'Zoë Haddad', tags: ['syria', 'weekly'], counts: { claim: 1, source: 1 } });
  });

  const sorts: [LibrarySortKey, string[]][] = [
    ['title', ['alpha brief', 'Beta convoy', 'Delta ДОРСК report', 'Gamma sitrep', 'İstanbul notes']],
    // Empty outlets and authors last; ties by title.
    ['outlet', ['Delta ДОРСК report', 'Beta convoy', 'Gamma sitrep', 'alpha brief', 'İstanbul notes']],
    ['author', ['Gamma sitrep', 'İstanbul notes', 'Beta convoy', 'alpha brief', 'Delta ДОРСК report']],
    ['date', ['Delta ДОРСК report', 'alpha brief', 'Gamma sitrep', 'Beta convoy', 'İstanbul notes']],
    ['imported', ['Beta convoy', 'alpha brief', 'Gamma sitrep', 'İstanbul notes', 'Delta ДОРСК report']],
    ['annotations', ['alpha brief', 'Delta ДОРСК report', 'İstanbul notes', 'Beta convoy', 'Gamma sitrep']],
  ];
  it.each(sorts)('sorts by %s, both ways (undated and empty values last either way)', (key, ascending) => {
    const { ctx } = openTestContext();
    seed(ctx);
    expect(titles(ctx, { sort: { key, direction: 'asc' } })).toEqual(ascending);
    const descending = titles(ctx, { sort: { key, direction: 'desc' } });
    if (key === 'outlet' || key === 'author' || key === 'date') {
      const filled = ascending.filter((t) => {
        const r = reports.find((x) => x.title === t)!;
        return (key === 'outlet' ? r.outlet : key === 'author' ? r.author : r.publishedAt) !== undefined;
      });
      // Same-valued outlets (Meridian Wire / meridian wire) keep their title order.
      const head = descending.slice(0, filled.length);
      expect(new Set(head)).toEqual(new Set(filled));
      expect(descending.slice(filled.length)).toEqual(ascending.slice(filled.length));
    } else if (key === 'annotations') {
      expect(descending).toEqual(['Gamma sitrep', 'Beta convoy', 'İstanbul notes', 'alpha brief', 'Delta ДОРСК report']);
    } else {
      expect(descending).toEqual([...ascending].reverse());
    }
  });

  it('sorts by length', () => {
    const { ctx } = openTestContext();
    seed(ctx);
    const rows = queryLibrary(ctx, { sort: { key: 'length', direction: 'asc' } }).rows;
    expect(rows.map((r) => r.length)).toEqual([...rows.map((r) => r.length)].sort((a, b) => a - b));
  });

  it('filters by text in the title or outlet, with case folded for every script', () => {
    const { ctx } = openTestContext();
    seed(ctx);
    expect(titles(ctx, { filter: { text: 'CONVOY' }, sort: { key: 'title', direction: 'asc' } })).toEqual(['Beta convoy']);
    // Cyrillic: 'дорск' finds the title's ДОРСК and the outlet's Дорская.
    expect(titles(ctx, { filter: { text: 'дорск' }, sort: { key: 'title', direction: 'asc' } })).toEqual(['alpha brief', 'Delta ДОРСК report']);
    expect(titles(ctx, { filter: { text: 'MERIDIAN' }, sort: { key: 'title', direction: 'asc' } })).toEqual(['Beta convoy', 'Gamma sitrep']);
    expect(titles(ctx, { filter: { text: 'istanbul' } })).toEqual(['İstanbul notes']);
    expect(titles(ctx, { filter: { text: '  ' } })).toHaveLength(5);
    expect(queryLibrary(ctx, { filter: { text: 'nowhere' } })).toEqual({ total: 0, offset: 0, rows: [] });
    // An edit of the title or outlet is what the filter sees next.
    const ids = queryLibraryIds(ctx, { filter: { text: 'convoy' } });
    updateDocument(ctx, { id: ids[0]!, title: 'Θεσσαλονίκη convoy', outlet: 'Nowhere Desk' });
    expect(titles(ctx, { filter: { text: 'ΘΕΣΣΑΛΟΝΊΚΗ' } })).toEqual(['Θεσσαλονίκη convoy']);
    expect(titles(ctx, { filter: { text: 'nowhere' } })).toEqual(['Θεσσαλονίκη convoy']);
    expect(titles(ctx, { filter: { text: 'meridian' } })).toEqual(['Gamma sitrep']);
  });

  it('filters by tag (any of, ignoring case), outlet (ignoring case, or none), date range and annotation state', () => {
    const { ctx } = openTestContext();
    seed(ctx);
    const by = (filter: LibraryQuery['filter']) => titles(ctx, { filter, sort: { key: 'title', direction: 'asc' } });
    expect(by({ tags: ['SYRIA'] })).toEqual(['alpha brief', 'Beta convoy']);
    expect(by({ tags: ['weekly', 'turkey'] })).toEqual(['Beta convoy', 'İstanbul notes']);
    expect(by({ outlet: 'MERIDIAN WIRE' })).toEqual(['Beta convoy', 'Gamma sitrep']);
    expect(by({ outlet: '' })).toEqual(['İstanbul notes']);
    expect(by({ dateFrom: '2024-01-01' })).toEqual(['alpha brief', 'Beta convoy', 'Gamma sitrep']);
    expect(by({ dateTo: '2023-12-31' })).toEqual(['Delta ДОРСК report']);
    expect(by({ dateFrom: '2024-02-20', dateTo: '2024-03-02' })).toEqual(['Beta convoy', 'Gamma sitrep']);
    expect(by({ state: 'untouched' })).toEqual(['alpha brief', 'Delta ДОРСК report']);
    expect(by({ state: 'inProgress' })).toEqual(['Beta convoy', 'Gamma sitrep', 'İstanbul notes']);
    expect(by({ state: 'inProgress', tags: ['syria'], text: 'convoy' })).toEqual(['Beta convoy']);
    expect(queryLibrary(ctx, { filter: { state: 'inProgress' }, limit: 1 }).total).toBe(3);
    expect(errorCodeOf(() => queryLibrary(ctx, { filter: { dateFrom: '2024-02-01', dateTo: '2024-01-01' } }))).toBe('INVALID_ARGS');
  });

  it('gives the ids of a range of the sorted, filtered list, or all of them', () => {
    const { ctx } = openTestContext();
    const ids = seed(ctx);
    const sort = { key: 'title', direction: 'asc' } as const;
    expect(queryLibraryIds(ctx, { sort, offset: 1, limit: 2 })).toEqual([ids['Beta convoy'], ids['Delta ДОРСК report']]);
    expect(queryLibraryIds(ctx, { sort, filter: { tags: ['syria'] } })).toEqual([ids['alpha brief'], ids['Beta convoy']]);
    expect(queryLibraryIds(ctx, {})).toHaveLength(5);
  });

  it('lists outlets and tags with counts, merging case', () => {
    const { ctx } = openTestContext();
    seed(ctx);
    const facets = libraryFacets(ctx);
    expect(facets.total).toBe(5);
    expect(facets.outlets[0]).toEqual({ value: 'Meridian Wire', count: 2 });
    expect(facets.outlets).toHaveLength(3);
    expect(facets.tags[0]).toMatchObject({ count: 2 });
    expect(facets.tags.map((t) => t.value.toLowerCase()).sort()).toEqual(['syria', 'turkey', 'weekly']);
  });

  it('tags a selection in one step; reports that have the tag in any case keep theirs', () => {
    const { ctx } = openTestContext();
    const ids = seed(ctx);
    const result = tagDocuments(ctx, { ids: [ids['Beta convoy']!, ids['alpha brief']!, ids['Gamma sitrep']!, 'no-such-id'], tag: 'WEEKLY' });
    expect(result).toEqual({ tagged: 2 });
    expect(queryLibrary(ctx, { filter: { tags: ['weekly'] }, sort: { key: 'title', direction: 'asc' } }).rows.map((r) => [r.title, r.tags])).toEqual([
      ['alpha brief', ['Syria', 'WEEKLY']],
      ['Beta convoy', ['syria', 'weekly']],
      ['Gamma sitrep', ['WEEKLY']],
    ]);
  });

  it('answers through the dispatcher, refusing malformed queries', async () => {
    const t = openTestContext();
    seed(t.ctx);
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const page = (await dispatch('documents.query', { filter: { text: 'beta' }, limit: 10 })) as { ok: boolean; value: { total: number } };
    expect(page).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await dispatch('documents.query', { limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(await dispatch('documents.query', { sort: { key: 'color', direction: 'asc' } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(await dispatch('documents.tag', { ids: [], tag: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
  });

  it('migrates a store of the previous schema: its reports list, sort and filter as new ones do', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    const old = openStore(file, { migrations: migrations.slice(0, 3) });
    const oldCtx = createContext(old, new ScriptedDialogs(), 'test');
    old.db
      .prepare(`INSERT INTO documents (id, title, outlet, imported_at, text, text_length, content_hash) VALUES ('d1', 'Дорск falls', 'Wire', '2025-01-01', 'x', 1, 'h1')`)
      .run();
    old.db.prepare(`INSERT INTO documents (id, title, imported_at, text, text_length, content_hash) VALUES ('d2', 'Aleppo', '2025-01-02', 'y', 1, 'h2')`).run();
    expect(oldCtx.store.db.pragma('user_version', { simple: true })).toBe(3);
    old.close();
    const store = openStore(file);
    try {
      const ctx = createContext(store, new ScriptedDialogs(), 'test');
      expect(store.db.prepare('SELECT count(*) FROM documents WHERE list_folded IS NULL').pluck().get()).toBe(2);
      const indexes = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'documents'").pluck().all();
      expect(indexes).toEqual(expect.arrayContaining(['documents_by_title', 'documents_by_outlet', 'documents_by_author', 'documents_by_imported']));
      expect(titles(ctx, { sort: { key: 'title', direction: 'asc' } })).toEqual(['Aleppo', 'Дорск falls']);
      expect(titles(ctx, { filter: { text: 'ДОРСК' } })).toEqual(['Дорск falls']);
      expect(titles(ctx, { filter: { text: 'wire' } })).toEqual(['Дорск falls']);
      expect(store.db.prepare('SELECT count(*) FROM documents WHERE list_folded IS NULL').pluck().get()).toBe(0);
      // The title sort walks its index instead of sorting the table.
      const plan = store.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM documents d ORDER BY d.title COLLATE NOCASE ASC, d.id LIMIT 10').all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toMatch(/documents_by_title/);
    } finally {
      store.close();
    }
  });
});
