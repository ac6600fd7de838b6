// The filters of the claims table as SQL, in two shapes: the page walks the claims in the order
// asked for and stops once the page is full, so each claim it passes is tested with a lookup
// (correlated EXISTS); the count reads every match, so it starts from the most selective index it
// has (an attribute's value index) instead of testing every claim of the label.
import { AppError } from '../../../shared/errors';
import { foldCase } from '../../../shared/text/fold';
import type { AttributeFilter, ClaimsQuery } from '../../../shared/schemas/claims';
import { withFoldFunction } from '../../store/fold-function';
import { fillFoldedQuotes } from '../../store/writers/annotations';
import type { ServiceContext } from '../context';
import { getAttribute } from '../schema/attributes';

export const attributedTo = 'attributed-to';
export const locatedAt = 'located-at';

export type Param = string | number;

export interface Sql {
  sql: string;
  params: Param[];
}

export interface ClaimsWhere {
  /** Conditions on the claim `a` for the page query, joined by AND. */
  page: Sql;
  /** Conditions on its report `d`, added when the page walks reports (dates as a range of the index). */
  reports: Sql;
  /** The whole count query. */
  count: Sql;
  /** No condition besides the label. */
  labelOnly: boolean;
}

interface Term {
  page: Sql;
  /** The same condition for the count; null when the count starts from it. */
  count: Sql | null;
}

const same = (sql: string, params: Param[]): Term => ({ page: { sql, params }, count: { sql, params } });

/** The stored JSON text of each value (values are compared as stored). */
const asStored = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v));
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The claim has the attribute with one of the values (for a list: contains one of them). */
function attributeTerm(ctx: ServiceContext, filter: AttributeFilter): { term: Term; driver: Sql | null } {
  const attribute = getAttribute(ctx, filter.attributeId);
  if (attribute.type === 'multi') {
    const params = [attribute.id, JSON.stringify(filter.values)];
    return {
      term: same(
        `EXISTS (SELECT 1 FROM annotation_attributes f, json_each(f.value) e
          WHERE f.annotation_id = a.id AND f.attribute_id = ? AND e.value IN (SELECT value FROM json_each(?)))`,
        params,
      ),
      driver: null,
    };
  }
  const values = asStored(filter.values);
  const page = { sql: `EXISTS (SELECT 1 FROM annotation_attributes f WHERE f.annotation_id = a.id AND f.attribute_id = ? AND f.value IN (${marks(values.length)}))`, params: [attribute.id, ...values] };
  return { term: { page, count: page }, driver: { sql: `f0.attribute_id = ? AND f0.value IN (${marks(values.length)})`, params: [attribute.id, ...values] } };
}

/** The claim is attributed to a source (of the attribute's label) with one of the values. */
function sourceTerm(ctx: ServiceContext, filter: AttributeFilter, narrowed: boolean): Term {
  const attribute = getAttribute(ctx, filter.attributeId);
  const multi = attribute.type === 'multi';
  const matches = multi ? 'EXISTS (SELECT 1 FROM json_each(f.value) e WHERE e.value IN (SELECT value FROM json_each(?)))' : `f.value IN (${marks(filter.values.length)})`;
  const params: Param[] = [attributedTo, attribute.labelId, attribute.id, ...(multi ? [JSON.stringify(filter.values)] : asStored(filter.values))];
  const correlated = {
    sql: `EXISTS (SELECT 1 FROM relations r
      JOIN annotations s ON s.id = r.to_id AND r.type_id = ? AND s.label_id = ?
      JOIN annotation_attributes f ON f.annotation_id = s.id AND f.attribute_id = ?
      WHERE r.from_id = a.id AND ${matches})`,
    params,
  };
  // Counting over every claim of the label, the claims with such a source are gathered once from
  // the value index; narrowed to some reports, testing each of their claims is cheaper. Gathered
  // from covering indexes only (the sources' values, their relations, their labels): the planner
  // otherwise reads each source's row for its label.
  const gathered = {
    sql: `a.id IN (SELECT r.from_id FROM annotation_attributes f
      CROSS JOIN relations r ON r.to_id = f.annotation_id AND r.type_id = ?
      CROSS JOIN annotations s INDEXED BY annotations_by_label_id ON s.id = f.annotation_id AND s.label_id = ?
      WHERE f.attribute_id = ? AND ${matches})`,
    params,
  };
  return { page: correlated, count: narrowed ? correlated : gathered };
}

const filledAt = new WeakMap<object, Map<string, number>>();

/** Folds the label's quotes stored without a fold, unless done since this connection last wrote. */
function fillQuotesOnce(ctx: ServiceContext, labelId: string): void {
  const db = withFoldFunction(ctx.store.db);
  const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
  let filled = filledAt.get(db);
  if (!filled) filledAt.set(db, (filled = new Map()));
  if (filled.get(labelId) === changes()) return;
  fillFoldedQuotes(db, labelId);
  filled.set(labelId, changes());
}

const and = (parts: Sql[]): Sql => ({ sql: parts.map((p) => p.sql).join('\n AND '), params: parts.flatMap((p) => p.params) });
const countOf = (from: string, where: Sql): Sql => ({ sql: `SELECT count(*) FROM ${from} WHERE ${where.sql}`, params: where.params });

/**
 * The count started from an attribute's values. Each value row carries its annotation's label
 * (migration 0012), so with no other filter the count is read from annotation_attributes_by_order
 * alone; other filters need the claim's row.
 */
function drivenCount(driver: Sql, labelId: string, others: Term[]): Sql {
  const rest = others.flatMap((t) => (t.count ? [t.count] : []));
  const from = rest.length > 0 ? 'annotation_attributes f0 CROSS JOIN annotations a ON a.id = f0.annotation_id' : 'annotation_attributes f0';
  return countOf(from, and([driver, { sql: 'f0.label_id = ?', params: [labelId] }, ...rest]));
}

export function claimsWhere(ctx: ServiceContext, query: ClaimsQuery, labelId: string): ClaimsWhere {
  const f = query.filters ?? {};
  const terms: Term[] = [same('a.label_id = ?', [labelId])];
  const reports: Sql[] = [];
  let driver: Sql | null = null;
  let countIndex = '';
  for (const filter of f.attributes ?? []) {
    const built = attributeTerm(ctx, filter);
    if (!driver && built.driver) {
      driver = built.driver;
      terms.push({ page: built.term.page, count: null });
    } else terms.push(built.term);
  }
  const narrowed = Boolean(f.dateFrom || f.dateTo || f.tags?.length || f.documentIds?.length);
  for (const filter of f.sourceAttributes ?? []) terms.push(sourceTerm(ctx, filter, narrowed));
  if (f.dateFrom && f.dateTo && f.dateFrom > f.dateTo) {
    throw new AppError('INVALID_ARGS', `The date range runs backwards (${f.dateFrom} to ${f.dateTo}).`);
  }
  if (f.dateFrom || f.dateTo) {
    const range: Sql[] = [];
    // Inclusive of the whole day, whether dates are stored as days or as times.
    if (f.dateFrom) range.push({ sql: 'published_at >= ?', params: [f.dateFrom] });
    if (f.dateTo) range.push({ sql: "published_at < date(?, '+1 day')", params: [f.dateTo] });
    terms.push(same(`a.document_id IN (SELECT id FROM documents WHERE ${range.map((r) => r.sql).join(' AND ')})`, range.flatMap((r) => r.params)));
    reports.push(...range.map((r) => ({ sql: `d.${r.sql}`, params: r.params })));
  }
  if (f.tags && f.tags.length > 0) {
    terms.push(same(`a.document_id IN (SELECT document_id FROM document_tags WHERE tag IN (${marks(f.tags.length)}))`, [...f.tags]));
  }
  if (f.layers && f.layers.length > 0) {
    terms.push(same(`a.layer IN (${marks(f.layers.length)})`, [...f.layers]));
  }
  if (f.documentIds && f.documentIds.length > 0) {
    terms.push(same('a.document_id IN (SELECT value FROM json_each(?))', [JSON.stringify(f.documentIds)]));
  }
  if (f.text && f.text.trim() !== '') {
    // Case folded for every script (LIKE folds ASCII only): the folded quotes, in the
    // (label_id, quote_folded) index, are scanned without reading the table.
    if (!ctx.store.readOnly) fillQuotesOnce(ctx, labelId);
    terms.push(same('instr(a.quote_folded, ?) > 0', [foldCase(f.text.trim())]));
    // The planner cannot tell that this index holds the folded quotes.
    if (!driver) countIndex = 'INDEXED BY annotations_by_label_folded';
  }
  for (const [flag, type] of [
    [f.hasSource, attributedTo],
    [f.hasLocation, locatedAt],
  ] as const) {
    if (flag !== undefined) terms.push(same(`${flag ? '' : 'NOT '}EXISTS (SELECT 1 FROM relations r WHERE r.from_id = a.id AND r.type_id = ?)`, [type]));
  }
  const page = and(terms.map((t) => t.page));
  const count = driver ? drivenCount(driver, labelId, terms.slice(1)) : countOf(`annotations a ${countIndex}`, and(terms.flatMap((t) => (t.count ? [t.count] : []))));
  return { page, reports: and(reports), count, labelOnly: terms.length === 1 };
}
