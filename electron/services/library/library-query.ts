// The library list, paged from the store: filter and sort in SQL over indexes (0004-library),
// then only the page asked for is read with its tags and per-label counts, so a library of
// 100,000 reports answers a page in milliseconds and never ships whole.
import { AppError } from '../../../shared/errors';
import { foldCase } from '../../../shared/fold-case';
import type { DocumentSummary } from '../../../shared/schemas/library';
import type { LibraryFacets, LibraryFilter, LibraryIdsQuery, LibraryPage, LibraryQuery, LibrarySort } from '../../../shared/schemas/library-query';
import { withFoldFunction } from '../../store/fold-function';
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
    parts.push("instr(glossa_fold(d.title || char(10) || coalesce(d.outlet, '')), ?) > 0");
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
      return `d.title COLLATE NOCASE ${dir}, d.id`;
    case 'outlet':
      return `d.outlet IS NULL, d.outlet COLLATE NOCASE ${dir}, d.title COLLATE NOCASE, d.id`;
    case 'author':
      return `d.author IS NULL, d.author COLLATE NOCASE ${dir}, d.title COLLATE NOCASE, d.id`;
    case 'date':
      return `d.published_at IS NULL, d.published_at ${dir}, d.imported_at ${dir}, d.id`;
    case 'imported':
      return `d.imported_at ${dir}, d.title, d.id`;
    case 'annotations':
      return `(SELECT count(*) FROM annotations a WHERE a.document_id = d.id) ${dir}, d.title COLLATE NOCASE, d.id`;
    case 'length':
      return `d.text_length ${dir}, d.id`;
  }
}

function pageRows(ctx: ServiceContext, query: LibraryIdsQuery, select: string): unknown[] {
  const db = withFoldFunction(ctx.store.db);
  const { where, params } = whereOf(query.filter);
  const limit = query.limit ?? 100;
  return db
    .prepare(`SELECT ${select} FROM documents d ${where} ORDER BY ${orderOf(query.sort)} LIMIT ? OFFSET ?`)
    .all(...params, limit, query.offset ?? 0);
}

export function countDocuments(ctx: ServiceContext, filter: LibraryFilter | undefined): number {
  const db = withFoldFunction(ctx.store.db);
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
  const rows = pageRows(ctx, query, columns) as Row[];
  return { total: countDocuments(ctx, query.filter), offset, rows: summaries(ctx, rows) };
}

/** The ids of a range of the filtered, sorted list, in order (all of them without a limit). */
export function queryLibraryIds(ctx: ServiceContext, query: LibraryIdsQuery): string[] {
  return pageRows(ctx, { ...query, limit: query.limit ?? -1 }, 'd.id')
    .map((r) => (r as { id: string }).id);
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
