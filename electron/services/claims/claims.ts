// The claims table: every claim of the corpus with its document, attributed sources and
// locations. Filtering, sorting and counting happen in SQL over indexes (claims-where.ts): the
// count reads the index of its most selective filter, and the page walks the order asked for and
// stops when it is full, so neither costs the number of claims in the store.
import { AppError } from '../../../shared/errors';
import type { ClaimRow, ClaimsPage, ClaimsQuery } from '../../../shared/schemas/claims';
import type { AttributeValues, LabelAttribute } from '../../../shared/schemas/schema';
import { decodeValue } from '../schema/attribute-types';
import type { ServiceContext } from '../context';
import { getAttribute } from '../schema/attributes';
import { attributedTo, claimsWhere, locatedAt, type ClaimsWhere, type Param } from './claims-where';
import { choiceOrderPage } from './claims-order';

export { attributedTo, locatedAt };

/**
 * FROM clause for sorts that need the document: documents first (CROSS JOIN fixes that order in
 * SQLite), so that a date order walks documents_by_published and then each document's claims
 * from the covering annotations_by_document_label index, with or without ANALYZE statistics.
 */
const withDocuments = 'documents d CROSS JOIN annotations a ON a.document_id = d.id';

function orderBy(ctx: ServiceContext, query: ClaimsQuery, params: Param[]): { from: string; join: string; order: string } {
  const sort = query.sort ?? { key: 'date', direction: 'desc' };
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  switch (sort.key) {
    case 'date':
      // Undated documents last either way. The documents_by_published index and the covering
      // annotations_by_document_label index give this order without sorting.
      return { from: withDocuments, join: '', order: `d.published_at ${dir} NULLS LAST, d.rowid ${dir}, a.start, a.id` };
    case 'document':
      return { from: withDocuments, join: '', order: `d.title COLLATE NOCASE ${dir}, d.id, a.start, a.id` };
    case 'quote':
      return { from: 'annotations a', join: '', order: `a.quote COLLATE NOCASE ${dir}, a.id` };
    case 'created':
      // annotations_by_label_created gives this order (the rowid follows created_at in it).
      return { from: 'annotations a', join: '', order: `a.created_at ${dir}, a.rowid ${dir}` };
    case 'sources': {
      const first = `(SELECT min(s.quote COLLATE NOCASE) FROM relations r JOIN annotations s ON s.id = r.to_id
        WHERE r.from_id = a.id AND r.type_id = ${sqlString(attributedTo)})`;
      // A subquery's value loses its collation: NOCASE again for the order.
      return { from: 'annotations a', join: '', order: `${first} IS NULL, ${first} COLLATE NOCASE ${dir}, a.id` };
    }
    case 'locations': {
      const key = `COALESCE(${firstLocation('linked')}, ${firstLocation('inside')})`;
      return { from: 'annotations a', join: '', order: `${key} IS NULL, ${key} COLLATE NOCASE ${dir}, a.id` };
    }
    case 'attribute': {
      const attribute: LabelAttribute = getAttribute(ctx, sort.attributeId!);
      params.push(attribute.id);
      const join = 'LEFT JOIN annotation_attributes sv ON sv.annotation_id = a.id AND sv.attribute_id = ?';
      let key = 'sv.value';
      if (attribute.type === 'choice') {
        // In the order of the options (unverified, corroborated, disputed, refuted), not alphabetically.
        key = `CASE sv.value ${attribute.options.map((o, i) => `WHEN ${sqlString(JSON.stringify(o))} THEN ${i}`).join(' ')} ELSE ${attribute.options.length} END`;
      } else if (attribute.type === 'number') {
        key = 'CAST(sv.value AS REAL)';
      } else if (attribute.type === 'text' || attribute.type === 'date') {
        key = "json_extract(sv.value, '$') COLLATE NOCASE";
      }
      return { from: withDocuments, join, order: `sv.value IS NULL, ${key} ${dir}, d.published_at DESC, a.id` };
    }
  }
}

/** The place name (or quote) of a claim's first linked location, or of the first Location tagged inside it. */
function firstLocation(how: 'linked' | 'inside'): string {
  const name = 'SELECT COALESCE(p.name, l.quote) FROM annotations l LEFT JOIN places p ON p.annotation_id = l.id';
  return how === 'linked'
    ? `(${name} JOIN relations r ON r.to_id = l.id WHERE r.from_id = a.id AND r.type_id = ${sqlString(locatedAt)} ORDER BY l.start LIMIT 1)`
    : `(${name} WHERE l.document_id = a.document_id AND l.label_id = 'location' AND l.start >= a.start AND l."end" <= a."end" AND l.id <> a.id ORDER BY l.start LIMIT 1)`;
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The totals of the last few queries, valid while the store has not changed since (SQLite's
 * total_changes() of the one connection that writes): scrolling on reads only the next page.
 */
interface CachedTotal {
  key: string;
  changes: number;
  total: number;
}

const totalCache = new WeakMap<object, CachedTotal[]>();
const cacheSize = 4;

/** Forgets cached totals (benchmarks measure the uncached path). */
export function clearClaimsCache(ctx: ServiceContext): void {
  totalCache.delete(ctx.store.db);
}

function countClaims(ctx: ServiceContext, query: ClaimsQuery, labelId: string, where: ClaimsWhere): number {
  const db = ctx.store.db;
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  const key = JSON.stringify([labelId, query.filters ?? {}]);
  const cache = totalCache.get(db) ?? [];
  const hit = cache.find((c) => c.key === key && c.changes === changes);
  if (hit) return hit.total;
  const total = db.prepare(where.count.sql).pluck().get(...where.count.params) as number;
  totalCache.set(db, [{ key, changes, total }, ...cache.filter((c) => c.changes === changes && c.key !== key)].slice(0, cacheSize));
  return total;
}

/**
 * The rowids of one page, in order. The orders are walked from indexes and stop at the page, so
 * a page costs its offset, not the number of claims; the count is a separate index-only query.
 */
function pageRowids(ctx: ServiceContext, query: ClaimsQuery, labelId: string, where: ClaimsWhere, offset: number, limit: number): number[] {
  if (query.sort?.key === 'attribute') {
    const attribute = getAttribute(ctx, query.sort.attributeId!);
    if (attribute.type === 'choice') return choiceOrderPage(ctx, attribute, labelId, query.sort.direction !== 'asc', where, where.labelOnly, offset, limit);
  }
  const orderParams: Param[] = [];
  const { from, join, order } = orderBy(ctx, query, orderParams);
  // Walking reports by date, a date filter is a range of that walk, not a test of every report.
  const reports = from === withDocuments && where.reports.sql ? where.reports : { sql: '', params: [] };
  return ctx.store.db
    .prepare(`SELECT a.rowid FROM ${from} ${join} WHERE ${where.page.sql} ${reports.sql ? `AND ${reports.sql}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...orderParams, ...where.page.params, ...reports.params, limit, offset) as number[];
}

export function claimsTable(ctx: ServiceContext, query: ClaimsQuery): ClaimsPage {
  const db = ctx.store.db;
  const labelId = query.labelId ?? 'claim';
  if (!db.prepare('SELECT 1 FROM labels WHERE id = ?').get(labelId)) {
    throw new AppError(
      'NOT_FOUND',
      labelId === 'claim'
        ? 'The Claim label has been deleted, so there are no claims to list; pass labelId to list another label.'
        : `No label with id ${labelId}.`,
    );
  }
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 100;
  const where = claimsWhere(ctx, query, labelId);
  const total = countClaims(ctx, query, labelId, where);
  const rowids = total > offset ? pageRowids(ctx, query, labelId, where, offset, limit) : [];
  const found = db
    .prepare(
      `SELECT a.rowid AS rowid, a.id, a.document_id AS documentId, d.title AS documentTitle, d.published_at AS publishedAt,
              a.start, a."end", a.quote, a.note, a.created_at AS createdAt
       FROM annotations a JOIN documents d ON d.id = a.document_id
       WHERE a.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(rowids)) as (Omit<ClaimRow, 'attributes' | 'sources' | 'locations'> & { rowid: number })[];
  const byRowid = new Map(found.map(({ rowid, ...row }) => [rowid, row]));
  const page = rowids.map((r) => byRowid.get(r)).filter((r) => r !== undefined);
  return { total, offset, rows: hydrate(ctx, page) };
}

/** Attributes, sources and locations of one page of claims, in three queries. */
function hydrate(ctx: ServiceContext, page: Omit<ClaimRow, 'attributes' | 'sources' | 'locations'>[]): ClaimRow[] {
  if (page.length === 0) return [];
  const db = ctx.store.db;
  const ids = JSON.stringify(page.map((r) => r.id));
  const sources = db
    .prepare(
      `SELECT r.from_id AS claimId, s.id, s.quote FROM relations r JOIN annotations s ON s.id = r.to_id
       WHERE r.type_id = ? AND r.from_id IN (SELECT value FROM json_each(?)) ORDER BY s.start, s.id`,
    )
    .all(attributedTo, ids) as { claimId: string; id: string; quote: string }[];
  const locations: LocationRow[] = db
    .prepare(
      `SELECT r.from_id AS claimId, l.id, l.quote, p.name, p.country, p.lat, p.lon, p.geonameid
       FROM relations r JOIN annotations l ON l.id = r.to_id LEFT JOIN places p ON p.annotation_id = l.id
       WHERE r.type_id = ? AND r.from_id IN (SELECT value FROM json_each(?)) ORDER BY l.start, l.id`,
    )
    .all(locatedAt, ids) as LocationRow[];
  const unlocated = page.filter((r) => !locations.some((l) => l.claimId === r.id));
  const locationRows = [...locations, ...locationsInside(ctx, unlocated.map((r) => r.id))];
  const valueIds = JSON.stringify([...page.map((r) => r.id), ...sources.map((s) => s.id)]);
  const values = db
    .prepare(
      `SELECT aa.annotation_id AS annotationId, aa.attribute_id AS attributeId, aa.value
       FROM annotation_attributes aa
       JOIN annotations a ON a.id = aa.annotation_id
       JOIN label_attributes la ON la.id = aa.attribute_id AND la.label_id = a.label_id
       WHERE aa.annotation_id IN (SELECT value FROM json_each(?)) ORDER BY la.position`,
    )
    .all(valueIds) as { annotationId: string; attributeId: string; value: string }[];
  const valuesOf = new Map<string, AttributeValues>();
  for (const v of values) {
    let entry = valuesOf.get(v.annotationId);
    if (!entry) valuesOf.set(v.annotationId, (entry = {}));
    entry[v.attributeId] = decodeValue(v.value);
  }
  const rows = new Map<string, ClaimRow>(
    page.map((r) => [r.id, { ...r, attributes: valuesOf.get(r.id) ?? {}, sources: [], locations: [] }]),
  );
  for (const s of sources) rows.get(s.claimId)!.sources.push({ id: s.id, quote: s.quote, attributes: valuesOf.get(s.id) ?? {} });
  for (const l of locationRows) {
    rows.get(l.claimId)!.locations.push({
      id: l.id,
      quote: l.quote,
      ...(l.implicit && { implicit: true }),
      place:
        l.name === null
          ? null
          : { name: l.name, country: l.country, lat: l.lat!, lon: l.lon!, geonameid: l.geonameid },
    });
  }
  return [...rows.values()];
}

interface LocationRow {
  claimId: string;
  id: string;
  quote: string;
  name: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  geonameid: number | null;
  implicit?: 1;
}

/**
 * A claim located at nothing is located where a Location tagged inside it is ("Fighting in
 * Dorsk…"): those spans, for the claims given, marked implicit.
 */
function locationsInside(ctx: ServiceContext, claimIds: string[]): LocationRow[] {
  if (claimIds.length === 0) return [];
  return ctx.store.db
    .prepare(
      `SELECT c.id AS claimId, l.id, l.quote, p.name, p.country, p.lat, p.lon, p.geonameid, 1 AS implicit
       FROM annotations c
       JOIN annotations l ON l.document_id = c.document_id AND l.label_id = 'location' AND l.start >= c.start AND l."end" <= c."end" AND l.id <> c.id
       LEFT JOIN places p ON p.annotation_id = l.id
       WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id, l.start, l.id`,
    )
    .all(JSON.stringify(claimIds)) as LocationRow[];
}
