// The claims table sorted by a choice attribute (status, confidence), read from an index instead
// of sorting every claim. The order is: the options in their order (reversed for descending),
// values outside the options (ranked after the options, so first when descending), then claims
// without a value; within each, report date newest first, then id. Each option's claims are
// stepped from annotation_attributes_by_order (migration 0010), which holds them in exactly that
// tie order, so a page at offset 50,000 costs stepping an index, not sorting 300,000 rows.
import type { LabelAttribute } from '../../../shared/schemas/schema';
import type { ServiceContext } from '../context';
import type { ClaimsWhere, Param } from './claims-where';

interface Part {
  sql: string;
  params: Param[];
}

/** Conditions on the claim beyond its label need the claim's row (a); the label alone does not. */
function valuePart(attributeId: string, labelId: string, values: Part, where: ClaimsWhere, labelOnly: boolean): Part {
  const from = labelOnly ? 'annotation_attributes sv' : 'annotation_attributes sv CROSS JOIN annotations a ON a.id = sv.annotation_id';
  const filters = labelOnly ? '' : `AND ${where.page.sql}`;
  return {
    sql: `SELECT * FROM (SELECT sv.annotation_id AS id FROM ${from}
      WHERE sv.attribute_id = ? AND sv.label_id = ? AND ${values.sql} ${filters}
      ORDER BY sv.published_at DESC, sv.annotation_id)`,
    params: [attributeId, labelId, ...values.params, ...(labelOnly ? [] : where.page.params)],
  };
}

function withoutValue(attributeId: string, where: ClaimsWhere): Part {
  return {
    sql: `SELECT * FROM (SELECT a.id AS id FROM documents d CROSS JOIN annotations a ON a.document_id = d.id
      WHERE ${where.page.sql}
        AND NOT EXISTS (SELECT 1 FROM annotation_attributes sv WHERE sv.annotation_id = a.id AND sv.attribute_id = ?)
      ORDER BY d.published_at DESC, a.id)`,
    params: [...where.page.params, attributeId],
  };
}

/** The distinct values stored for the attribute on the label's annotations: one index seek each. */
function valuesPresent(ctx: ServiceContext, attributeId: string, labelId: string): string[] {
  const next = ctx.store.db.prepare('SELECT min(value) FROM annotation_attributes WHERE attribute_id = ? AND label_id = ? AND value > ?').pluck();
  const values: string[] = [];
  for (let value = next.get(attributeId, labelId, '') as string | null; value !== null; value = next.get(attributeId, labelId, value) as string | null) values.push(value);
  return values;
}

/**
 * The rowids of one page of claims sorted by a choice attribute, in order. `labelOnly`: the query
 * has no filter besides the label, so values are stepped without reading the claims' rows.
 */
export function choiceOrderPage(
  ctx: ServiceContext,
  attribute: LabelAttribute,
  labelId: string,
  descending: boolean,
  where: ClaimsWhere,
  labelOnly: boolean,
  offset: number,
  limit: number,
): number[] {
  const stored = attribute.options.map((o) => JSON.stringify(o));
  const options: Part[] = stored.map((value) => valuePart(attribute.id, labelId, { sql: 'sv.value = ?', params: [value] }, where, labelOnly));
  const outside = valuesPresent(ctx, attribute.id, labelId).filter((v) => !stored.includes(v));
  const others = outside.length > 0 ? [valuePart(attribute.id, labelId, { sql: `sv.value IN (${outside.map(() => '?').join(', ')})`, params: outside }, where, labelOnly)] : [];
  const parts = descending ? [...others, ...options.reverse()] : [...options, ...others];
  parts.push(withoutValue(attribute.id, where));
  const ids = ctx.store.db
    .prepare(`${parts.map((p) => p.sql).join('\nUNION ALL\n')} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...parts.flatMap((p) => p.params), limit, offset) as string[];
  if (ids.length === 0) return [];
  const rowids = new Map(
    (ctx.store.db.prepare('SELECT id, rowid AS r FROM annotations WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string; r: number }[]).map(
      (row) => [row.id, row.r],
    ),
  );
  return ids.map((id) => rowids.get(id)!);
}
