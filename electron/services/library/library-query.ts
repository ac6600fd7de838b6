// The library list, paged from the store: filter and sort in SQL over indexes (0004-library),
// then only the page asked for is read with its tags and per-label counts, so a library of
// 100,000 reports answers a page in milliseconds and never ships whole.
import { AppError } from '../../../shared/errors';
import { foldCase } from '../../../shared/text/fold';
import type { DocumentSummary } from '../../../shared/schemas/library';
import type { LibraryFacets, LibraryFilter, LibraryIdsQuery, LibraryPage, LibraryQuery, LibrarySort } from '../../../shared/schemas/library-query';
import { withFoldFunction } from '../../store/fold-function';
import { fillListFolded } from '../../store/writers/documents';
import type { ServiceContext } from '../context';

type Param = string | number;

const columns = `d.id, d.title, d.outlet, d.url, d.published_at AS publishedAt, d.imported_at AS importedAt,
  d.source_name AS sourceName, d.text_length AS length, d.author, d.source_format AS sourceFormat, d.encoding`;

type Row = Omit<DocumentSummary, 'tags' | 'counts'>;

export const defaultLibrarySort: LibrarySort = { key: 'imported', direction: 'desc' };

function whereOf(filter: LibraryFilter | undefined): { where: string; params: Param[] } {
  const parts: string[] = [];
  const params: Param[] = [];
  const f = filter ?? {};
  const text = foldCase(f.text?.trim() ?? '');
  if (text !== '') {
    // From the index of list_folded alone: the column sits after the text in each row, so
    // reading it from the table would walk every report's overflow pages.
    parts.push('d.rowid IN (SELECT rowid FROM documents INDEXED BY documents_by_list_folded WHERE instr(list_folded, ?) > 0)');
    params.push(text);
  }
  if (f.tags && f.tags.length > 0) {
    parts.push(`d.id IN (SELECT document_id FROM document_tags WHERE tag COLLATE NOCASE IN (${f.tags.map(() => '?').join(', ')}))`);
    params.push(...f.tags);
  }
  if (f.outlet !== undefined) {
    if (f.outlet === '') parts.push('d.outlet IS NULL');
    else {
      parts.push('d.outlet = ? COLLATE NOCASE');
      params.push(f.outlet);
    }
  }
  if (f.dateFrom && f.dateTo && f.dateFrom > f.dateTo) {
    throw new AppError('INVALID_ARGS', `The date range runs backwards (${f.dateFrom} to ${f.dateTo}).`);
  }
  if (f.dateFrom) {
    parts.push('d.published_at >= ?');
    params.push(f.dateFrom);
  }
  if (f.dateTo) {
    // Inclusive of the whole day, whether dates are stored as days or as times.
    parts.push("d.published_at < date(?, '+1 day')");
    params.push(f.dateTo);
  }
  if (f.state) parts.push(`${f.state === 'untouched' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id)`);
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** ORDER BY for a sort; empty values last either way, then a stable tie-break. */
function orderOf(sort: LibrarySort | undefined): string {
  const { key, direction } = sort ?? defaultLibrarySort;
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  switch (key) {
    case 'title':
      return `d.title COLLATE NOCASE ${dir}, d.rowid ${dir}`;
    case 'outlet':
      return `d.outlet IS NULL, d.outlet COLLATE NOCASE ${dir}, d.title COLLATE NOCASE, d.id`;
    case 'author':
      return `d.author IS NULL, d.author COLLATE NOCASE ${dir}, d.title COLLATE NOCASE, d.id`;
    case 'date':
      return `d.published_at IS NULL, d.published_at ${dir}, d.imported_at ${dir}, d.id`;
    case 'imported':
      return `d.imported_at ${dir}, d.rowid ${dir}`;
    case 'annotations':
      return `(SELECT count(*) FROM annotations a WHERE a.document_id = d.id) ${dir}, d.title COLLATE NOCASE, d.id`;
    case 'length':
      return `d.text_length ${dir}, d.id`;
  }
}

/**
 * The store, with list_folded written for reports that lack it (a few ms when none do). A
 * read-only store is read as it is: reports from before migration 4 then miss the text filter.
 */
function foldedDb(ctx: ServiceContext) {
  const db = withFoldFunction(ctx.store.db);
  if (ctx.store.readOnly) return db;
  // Filled already unless this connection (the one that writes) changed something since.
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  if (filledAt.get(db) === changes) return db;
  fillListFolded(db);
  filledAt.set(db, db.prepare('SELECT total_changes()').pluck().get() as number);
  return db;
}

const filledAt = new WeakMap<object, number>();

/** The rowids of one page, in order: the sort reads only indexed or early columns of each row. */
function pageRowids(ctx: ServiceContext, query: LibraryIdsQuery): number[] {
  const db = foldedDb(ctx);
  const { where, params } = whereOf(query.filter);
  return db
    .prepare(`SELECT d.rowid FROM documents d ${where} ORDER BY ${orderOf(query.sort)} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, query.limit ?? 100, query.offset ?? 0) as number[];
}

export function countDocuments(ctx: ServiceContext, filter: LibraryFilter | undefined): number {
  const db = foldedDb(ctx);
  const { where, params } = whereOf(filter);
  return db.prepare(`SELECT count(*) FROM documents d ${where}`).pluck().get(...params) as number;
}

/** Tags and per-label counts of the given reports, in two queries. */
function summaries(ctx: ServiceContext, rows: Row[]): DocumentSummary[] {
  if (rows.length === 0) return [];
  const db = ctx.store.db;
  const ids = JSON.stringify(rows.map((r) => r.id));
  const tags = new Map<string, string[]>();
  const tagRows = db
    .prepare('SELECT document_id AS id, tag FROM document_tags WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY tag COLLATE NOCASE')
    .all(ids) as { id: string; tag: string }[];
  for (const t of tagRows) tags.set(t.id, [...(tags.get(t.id) ?? []), t.tag]);
  const counts = new Map<string, Record<string, number>>();
  const countRows = db
    .prepare(
      `SELECT document_id AS id, label_id AS labelId, count(*) AS n FROM annotations
       WHERE document_id IN (SELECT value FROM json_each(?)) GROUP BY 1, 2`,
    )
    .all(ids) as { id: string; labelId: string; n: number }[];
  for (const c of countRows) counts.set(c.id, { ...counts.get(c.id), [c.labelId]: c.n });
  return rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [], counts: counts.get(r.id) ?? {} }));
}

/** One page of the library, filtered and sorted, with the total that match. */
export function queryLibrary(ctx: ServiceContext, query: LibraryQuery): LibraryPage {
  const offset = query.offset ?? 0;
  const rowids = pageRowids(ctx, query);
  // Then the page's rows in full (author and later columns sit after the text in each row).
  const found = ctx.store.db
    .prepare(`SELECT d.rowid AS rowid, ${columns} FROM documents d WHERE d.rowid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(rowids)) as (Row & { rowid: number })[];
  const byRowid = new Map(found.map(({ rowid, ...row }) => [rowid, row]));
  const rows = rowids.map((r) => byRowid.get(r)).filter((r) => r !== undefined);
  return { total: countDocuments(ctx, query.filter), offset, rows: summaries(ctx, rows) };
}

/** The ids of a range of the filtered, sorted list, in order (all of them without a limit). */
export function queryLibraryIds(ctx: ServiceContext, query: LibraryIdsQuery): string[] {
  const db = foldedDb(ctx);
  const { where, params } = whereOf(query.filter);
  return db
    .prepare(`SELECT d.id FROM documents d ${where} ORDER BY ${orderOf(query.sort)} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, query.limit ?? -1, query.offset ?? 0) as string[];
}

/** The outlets and tags the library's filters offer, with their report counts. */
export function libraryFacets(ctx: ServiceContext): LibraryFacets {
  const db = ctx.store.db;
  const outlets = db
    .prepare(
      `SELECT min(outlet) AS value, count(*) AS count FROM documents WHERE outlet IS NOT NULL
       GROUP BY outlet COLLATE NOCASE ORDER BY count DESC, value COLLATE NOCASE`,
    )
    .all() as { value: string; count: number }[];
  const tags = db
    .prepare(
      `SELECT min(tag) AS value, count(*) AS count FROM document_tags
       GROUP BY tag COLLATE NOCASE ORDER BY count DESC, value COLLATE NOCASE`,
    )
    .all() as { value: string; count: number }[];
  const total = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  return { outlets, tags, total };
}
