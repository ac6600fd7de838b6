// The claims table at scale (issue 13, item 5): the count starts from the most selective index
// and the page walks the order asked for, so neither reads every claim; and the counts stay
// exact where the shortcut could go wrong (a claim relabelled with its old values kept).
import { describe, expect, it } from 'vitest';
import { createAnnotation, updateAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { createRelation } from '../../electron/services/annotate/relations';
import { claimsTable } from '../../electron/services/claims/claims';
import { claimsWhere } from '../../electron/services/claims/claims-where';
import type { ClaimsQuery } from '../../shared/schemas/claims';
import { addText, openTestContext } from './helpers';

const text = 'Rebels said they took the bridge. The ministry denied it. Aid reached the town. ';

function seeded() {
  const t = openTestContext();
  const documentId = addText(t.ctx, text.repeat(4));
  const claims = [0, 1, 2, 3].map((i) => createAnnotation(t.ctx, { documentId, labelId: 'claim', start: i * text.length, end: i * text.length + 32 }).id);
  setValues(t.ctx, claims[0]!, { status: 'disputed' });
  setValues(t.ctx, claims[1]!, { status: 'refuted' });
  setValues(t.ctx, claims[2]!, { status: 'disputed' });
  return { ...t, documentId, claims };
}

function plan(t: ReturnType<typeof seeded>, sql: string, params: unknown[]): string {
  return (t.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('claims table at scale', () => {
  it('counts an attribute filter from the value index, and tests each claim of the page with a lookup', () => {
    const t = seeded();
    const query: ClaimsQuery = { filters: { attributes: [{ attributeId: 'claim-status', values: ['disputed', 'refuted'] }] } };
    const where = claimsWhere(t.ctx, query, 'claim');
    const counted = plan(t, where.count.sql, where.count.params);
    // The value rows carry their claim's label (migration 0012): the count never reads a claim.
    expect(counted).toMatch(/^SEARCH f0 USING COVERING INDEX annotation_attributes_by_order \(attribute_id=\? AND label_id=\? AND value=\?\)$/);
    expect(counted).not.toMatch(/LIST SUBQUERY/);
    expect(where.page.sql).toMatch(/EXISTS \(SELECT 1 FROM annotation_attributes f WHERE f\.annotation_id = a\.id/);
    expect(claimsTable(t.ctx, query).total).toBe(3);
  });

  it('counts claims by a source attribute alone from covering indexes, as many as testing each claim finds', () => {
    const t = seeded();
    const sources = [0, 1, 2].map((i) => createAnnotation(t.ctx, { documentId: t.documentId, labelId: 'source', start: i * text.length + 34, end: i * text.length + 46 }).id);
    sources.forEach((source, i) => createRelation(t.ctx, { typeId: 'attributed-to', fromId: t.claims[i]!, toId: source }));
    setValues(t.ctx, sources[0]!, { kind: 'military' });
    setValues(t.ctx, sources[1]!, { kind: 'official' });
    setValues(t.ctx, sources[2]!, { kind: 'military' });
    const query: ClaimsQuery = { filters: { sourceAttributes: [{ attributeId: 'source-kind', values: ['military'] }] } };
    const where = claimsWhere(t.ctx, query, 'claim');
    const counted = plan(t, where.count.sql, where.count.params);
    expect(counted).toContain('SEARCH r USING COVERING INDEX relations_by_to (to_id=? AND type_id=?)');
    expect(counted).toContain('SEARCH s USING COVERING INDEX annotations_by_label_id (label_id=? AND id=?)');
    expect(claimsTable(t.ctx, query).total).toBe(2);
    // Narrowed to the report, the count tests each claim instead: the same answer.
    expect(claimsTable(t.ctx, { filters: { ...query.filters, documentIds: [t.documentId] } }).total).toBe(2);
  });

  it('keeps the count exact when a claim was relabelled and kept its old values', () => {
    const t = seeded();
    updateAnnotation(t.ctx, { id: t.claims[1]!, labelId: 'source' });
    const page = claimsTable(t.ctx, { filters: { attributes: [{ attributeId: 'claim-status', values: ['disputed', 'refuted'] }] } });
    expect(page.total).toBe(2);
    const filtered: ClaimsQuery = { filters: { attributes: [{ attributeId: 'claim-status', values: ['disputed', 'refuted'] }], text: 'rebels' } };
    const where = claimsWhere(t.ctx, filtered, 'claim');
    expect(plan(t, where.count.sql, where.count.params)).toMatch(/SEARCH a USING/);
    expect(claimsTable(t.ctx, filtered).total).toBe(2);
    expect(page.rows.map((r) => r.id)).toEqual([t.claims[0], t.claims[2]]);
  });

  it('reads the sort by quote from an index instead of sorting every claim', () => {
    const t = seeded();
    const ordered = plan(t, 'SELECT a.rowid FROM annotations a WHERE a.label_id = ? ORDER BY a.quote COLLATE NOCASE ASC, a.id LIMIT 100', ['claim']);
    expect(ordered).toContain('annotations_by_label_quote');
    expect(ordered).not.toContain('TEMP B-TREE');
  });

  it('pages with a total that holds for every page, and an empty page past the end', () => {
    const t = seeded();
    const first = claimsTable(t.ctx, { limit: 3 });
    const second = claimsTable(t.ctx, { limit: 3, offset: 3 });
    expect([first.total, second.total]).toEqual([4, 4]);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(t.claims);
    expect(claimsTable(t.ctx, { offset: 10 })).toMatchObject({ total: 4, rows: [] });
  });
});
