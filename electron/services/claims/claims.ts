// The claims table: every claim of the corpus with its document, attributed sources and
// locations. Filtering, sorting and counting happen in SQL over indexes; only the page asked
// for is read in full, so a corpus of 100,000 claims answers in tens of milliseconds.
import { AppError } from '../../../shared/errors';
import { foldCase } from '../../../shared/fold-case';
import type { AttributeFilter, ClaimRow, ClaimsPage, ClaimsQuery } from '../../../shared/schemas/claims';
import type { AttributeValues, LabelAttribute } from '../../../shared/schemas/schema';
import { decodeValue } from '../schema/attribute-types';
import { withFoldFunction } from '../../store/fold-function';
import { fillFoldedQuotes } from '../../store/writers/annotations';
import type { ServiceContext } from '../context';
import { getAttribute } from '../schema/attributes';

export const attributedTo = 'attributed-to';
export const locatedAt = 'located-at';

type Param = string | number;

interface Built {
  where: string;
  params: Param[];
}

/**
 * SQL that holds when the annotation `alias` has the attribute with one of the values. Written
 * as `+alias.id IN (subquery)`: SQLite builds the set once from the (attribute_id, value) index
 * and tests each claim against it while it walks the claims in order (the unary + keeps it from
 * driving the query from the set instead, which costs a lookup and a sort per match).
 */
function valueCondition(ctx: ServiceContext, alias: string, filter: AttributeFilter, params: Param[]): string {
  const attribute = getAttribute(ctx, filter.attributeId);
  if (attribute.type === 'multi') {
    // Holds when the list contains one of the values.
    params.push(attribute.id, JSON.stringify(filter.values));
    return `+${alias}.id IN (SELECT f.annotation_id FROM annotation_attributes f, json_each(f.value) e
      WHERE f.attribute_id = ? AND e.value IN (SELECT value FROM json_each(?)))`;
  }
  // Stored values are JSON text, so compare with each value as JSON text.
  const values = filter.values.map((v) => JSON.stringify(v));
  params.push(attribute.id, ...values);
  return `+${alias}.id IN (SELECT f.annotation_id FROM annotation_attributes f
    WHERE f.attribute_id = ? AND f.value IN (${values.map(() => '?').join(', ')}))`;
}

function buildWhere(ctx: ServiceContext, query: ClaimsQuery, labelId: string): Built {
  const params: Param[] = [labelId];
  const parts = ['a.label_id = ?'];
  const f = query.filters ?? {};
  for (const filter of f.attributes ?? []) parts.push(valueCondition(ctx, 'a', filter, params));
  for (const filter of f.sourceAttributes ?? []) {
    // Claims with an attributed source whose value matches: driven by the value index, then the
    // relations to those sources (the source must still have the attribute's label).
    const attribute = getAttribute(ctx, filter.attributeId);
    const matches =
      attribute.type === 'multi'
        ? 'EXISTS (SELECT 1 FROM json_each(f.value) e WHERE e.value IN (SELECT value FROM json_each(?)))'
        : `f.value IN (${filter.values.map(() => '?').join(', ')})`;
    params.push(attributedTo, attribute.labelId, attribute.id);
    if (attribute.type === 'multi') params.push(JSON.stringify(filter.values));
    else params.push(...filter.values.map((v) => JSON.stringify(v)));
    parts.push(
      `+a.id IN (SELECT r.from_id FROM annotation_attributes f
        JOIN relations r ON r.to_id = f.annotation_id AND r.type_id = ?
        JOIN annotations s ON s.id = f.annotation_id AND s.label_id = ?
        WHERE f.attribute_id = ? AND ${matches})`,
    );
  }
  if (f.dateFrom && f.dateTo && f.dateFrom > f.dateTo) {
    throw new AppError('INVALID_ARGS', `The date range runs backwards (${f.dateFrom} to ${f.dateTo}).`);
  }
  if (f.dateFrom || f.dateTo) {
    const range: string[] = [];
    if (f.dateFrom) {
      range.push('published_at >= ?');
      params.push(f.dateFrom);
    }
    if (f.dateTo) {
      // Inclusive of the whole day, whether dates are stored as days or as times.
      range.push("published_at < date(?, '+1 day')");
      params.push(f.dateTo);
    }
    parts.push(`a.document_id IN (SELECT id FROM documents WHERE ${range.join(' AND ')})`);
  }
  if (f.tags && f.tags.length > 0) {
    parts.push(`a.document_id IN (SELECT document_id FROM document_tags WHERE tag IN (${f.tags.map(() => '?').join(', ')}))`);
    params.push(...f.tags);
  }
  if (f.documentIds && f.documentIds.length > 0) {
    parts.push('a.document_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.documentIds));
  }
  if (f.text && f.text.trim() !== '') {
    // Case folded for every script (LIKE folds ASCII only): the folded quotes, in the
    // (label_id, quote_folded) index, are scanned without reading the table.
    if (!ctx.store.readOnly) fillFoldedQuotes(withFoldFunction(ctx.store.db), labelId);
    parts.push('instr(a.quote_folded, ?) > 0');
    params.push(foldCase(f.text.trim()));
  }
  for (const [flag, type] of [
    [f.hasSource, attributedTo],
    [f.hasLocation, locatedAt],
  ] as const) {
    if (flag === undefined) continue;
    parts.push(`+a.id ${flag ? '' : 'NOT '}IN (SELECT from_id FROM relations WHERE type_id = ?)`);
    params.push(type);
  }
  return { where: parts.join('\n AND '), params };
}

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
 * The ordered rowids of the last few queries, valid while the store has not changed since
 * (SQLite's total_changes() of the one connection that writes): scrolling through 100,000 claims
 * reads the order once, and every further page only hydrates its rows.
 */
interface CachedOrder {
  key: string;
  changes: number;
  rowids: number[];
}

const orderCache = new WeakMap<object, CachedOrder[]>();
const cacheSize = 4;

/** Forgets cached orders (benchmarks measure the uncached path). */
export function clearClaimsCache(ctx: ServiceContext): void {
  orderCache.delete(ctx.store.db);
}

function orderedRowids(ctx: ServiceContext, query: ClaimsQuery, labelId: string): number[] {
  const db = ctx.store.db;
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  const key = JSON.stringify([labelId, query.filters ?? {}, query.sort ?? null]);
  const cache = orderCache.get(db) ?? [];
  const hit = cache.find((c) => c.key === key && c.changes === changes);
  if (hit) return hit.rowids;
  const { where, params } = buildWhere(ctx, query, labelId);
  const orderParams: Param[] = [];
  const { from, join, order } = orderBy(ctx, query, orderParams);
  const rowids = db
    .prepare(`SELECT a.rowid FROM ${from} ${join} WHERE ${where} ORDER BY ${order}`)
    .pluck()
    .all(...orderParams, ...params) as number[];
  orderCache.set(db, [{ key, changes, rowids }, ...cache.filter((c) => c.changes === changes)].slice(0, cacheSize));
  return rowids;
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
  const rowids = orderedRowids(ctx, query, labelId);
  const pageRowids = rowids.slice(offset, offset + limit);
  const found = db
    .prepare(
      `SELECT a.rowid AS rowid, a.id, a.document_id AS documentId, d.title AS documentTitle, d.published_at AS publishedAt,
              a.start, a."end", a.quote, a.note, a.created_at AS createdAt
       FROM annotations a JOIN documents d ON d.id = a.document_id
       WHERE a.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(pageRowids)) as (Omit<ClaimRow, 'attributes' | 'sources' | 'locations'> & { rowid: number })[];
  const byRowid = new Map(found.map(({ rowid, ...row }) => [rowid, row]));
  const page = pageRowids.map((r) => byRowid.get(r)).filter((r) => r !== undefined);
  return { total: rowids.length, offset, rows: hydrate(ctx, page) };
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
