// The claims table sorted by a choice attribute is read from annotation_attributes_by_order
// (migration 0010): every page under every such sort equals the order the table promises (options
// in order, values outside them, claims without a value; then report date newest first, then id),
// worked out here in JS from the rows; the copies the index keeps follow later edits; and a store
// of schema 9 gains them by backfill.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core';
import { claimsTable } from '../../electron/services/claims/claims';
import { migrations } from '../../electron/store/migrations';
import { openStore, type Store } from '../../electron/store/store';
import type { ClaimsQuery } from '../../shared/schemas/claims';
import { openTestContext, ScriptedDialogs, tempDir } from './helpers';

const statuses = ['unverified', 'corroborated', 'disputed', 'refuted'];

/** 12 reports (some sharing a date, two undated), 240 claims with statuses, confidences, gaps and an out-of-schema value. */
function seed(store: Store): void {
  const db = store.db;
  const doc = db.prepare(`INSERT INTO documents (id, title, published_at, imported_at, text, text_length, content_hash) VALUES (?, ?, ?, '2025-01-01', ?, ?, ?)`);
  const ann = db.prepare(`INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', '2025-01-01', '2025-01-01')`);
  const value = db.prepare('INSERT INTO annotation_attributes (annotation_id, attribute_id, value) VALUES (?, ?, ?)');
  const tag = db.prepare('INSERT INTO document_tags (document_id, tag) VALUES (?, ?)');
  const text = 'Rebels said they took the bridge. '.repeat(20);
  db.transaction(() => {
    for (let d = 0; d < 12; d++) {
      const published = d % 6 === 5 ? null : `2024-0${1 + (d % 4)}-1${d % 3}`;
      doc.run(`doc-${d}`, `Report ${d}`, published, text, text.length, `h${d}`);
      if (d % 2 === 0) tag.run(`doc-${d}`, 'weekly');
      for (let c = 0; c < 20; c++) {
        const n = (d * 37 + c * 11) % 997;
        const id = `c${String(n).padStart(3, '0')}-${d}-${c}`;
        ann.run(id, `doc-${d}`, c === 19 ? 'source' : 'claim', c * 34, c * 34 + 6, 'Rebels');
        if (c % 7 !== 3) value.run(id, 'claim-status', JSON.stringify(statuses[(n + c) % 4]));
        if (c % 2 === 0) value.run(id, 'claim-confidence', JSON.stringify(c % 4 === 0 ? 'high' : 'low'));
        if (d === 4 && c === 5) db.prepare('UPDATE annotation_attributes SET value = ? WHERE annotation_id = ? AND attribute_id = ?').run('"retracted"', id, 'claim-status');
      }
    }
  })();
}

/** The order the claims table promises, from the rows themselves. */
function expectedOrder(store: Store, attributeId: string, descending: boolean, weeklyOnly = false): string[] {
  const options = JSON.parse(store.db.prepare('SELECT options FROM label_attributes WHERE id = ?').pluck().get(attributeId) as string) as string[];
  const rows = store.db
    .prepare(
      `SELECT a.id, d.published_at AS published, sv.value AS value, EXISTS (SELECT 1 FROM document_tags t WHERE t.document_id = d.id AND t.tag = 'weekly') AS weekly
       FROM annotations a JOIN documents d ON d.id = a.document_id
       LEFT JOIN annotation_attributes sv ON sv.annotation_id = a.id AND sv.attribute_id = ? WHERE a.label_id = 'claim'`,
    )
    .all(attributeId) as { id: string; published: string | null; value: string | null; weekly: number }[];
  const rank = (value: string | null) => {
    if (value === null) return Infinity;
    const at = options.indexOf(JSON.parse(value) as string);
    const key = at < 0 ? options.length : at;
    return descending ? options.length - key : key;
  };
  return rows
    .filter((r) => !weeklyOnly || r.weekly)
    .sort((x, y) => rank(x.value) - rank(y.value) || (y.published ?? '').localeCompare(x.published ?? '') || (x.published === null ? 1 : 0) - (y.published === null ? 1 : 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map((r) => r.id);
}

function pages(store: Store, query: ClaimsQuery, size: number): string[] {
  const ctx = createContext(store, new ScriptedDialogs(), 'test');
  const ids: string[] = [];
  for (let offset = 0; ; offset += size) {
    const page = claimsTable(ctx, { ...query, offset, limit: size });
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < size) return ids;
  }
}

const sorts = (attributeId: string): [string, ClaimsQuery, boolean][] => [
  [`${attributeId} ascending`, { sort: { key: 'attribute', attributeId, direction: 'asc' } }, false],
  [`${attributeId} descending`, { sort: { key: 'attribute', attributeId, direction: 'desc' } }, true],
  [`${attributeId}, no direction (descending)`, { sort: { key: 'attribute', attributeId } }, true],
];

describe('claims sorted by a choice attribute, from the order index', () => {
  for (const attributeId of ['claim-status', 'claim-confidence']) {
    for (const [name, query, descending] of sorts(attributeId)) {
      it(`pages ${name} in the promised order, with and without a filter`, () => {
        const t = openTestContext();
        seed(t.store);
        for (const size of [7, 50, 1000]) expect(pages(t.store, query, size)).toEqual(expectedOrder(t.store, attributeId, descending));
        expect(pages(t.store, { ...query, filters: { tags: ['weekly'] } }, 9)).toEqual(expectedOrder(t.store, attributeId, descending, true));
      });
    }
  }

  it('follows a report date changed, a claim relabelled and values set after the claims were written', () => {
    const t = openTestContext();
    seed(t.store);
    t.store.db.prepare("UPDATE documents SET published_at = '2030-01-01' WHERE id = 'doc-3'").run();
    t.store.db.prepare("UPDATE annotations SET label_id = 'source' WHERE id = (SELECT min(id) FROM annotations WHERE label_id = 'claim')").run();
    t.store.db.prepare("UPDATE annotations SET label_id = 'claim' WHERE id = (SELECT min(id) FROM annotations WHERE label_id = 'source' AND document_id = 'doc-7')").run();
    t.store.db.prepare("INSERT OR REPLACE INTO annotation_attributes (annotation_id, attribute_id, value) SELECT id, 'claim-status', '\"refuted\"' FROM annotations WHERE document_id = 'doc-8' AND label_id = 'claim'").run();
    for (const [, query, descending] of sorts('claim-status')) expect(pages(t.store, query, 13)).toEqual(expectedOrder(t.store, 'claim-status', descending));
  });

  it('steps the index without a sort or a read of the claims when only the label narrows', () => {
    const t = openTestContext();
    seed(t.store);
    const plan = (t.store.db.prepare(`EXPLAIN QUERY PLAN SELECT sv.annotation_id FROM annotation_attributes sv WHERE sv.attribute_id = ? AND sv.label_id = ? AND sv.value = ? ORDER BY sv.published_at DESC, sv.annotation_id`).all('claim-status', 'claim', '"disputed"') as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toContain('COVERING INDEX annotation_attributes_by_order');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('backfills the copies when a store of schema 9 migrates', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    const old = openStore(file, { migrations: migrations.filter((m) => m.version <= 9) } as object);
    seed(old);
    old.close();
    const store = openStore(file);
    try {
      const missing = store.db
        .prepare(
          `SELECT count(*) FROM annotation_attributes v JOIN annotations a ON a.id = v.annotation_id JOIN documents d ON d.id = a.document_id
           WHERE v.label_id IS NOT a.label_id OR v.published_at IS NOT d.published_at`,
        )
        .pluck()
        .get();
      expect(missing).toBe(0);
      expect(store.db.prepare('SELECT count(*) FROM annotation_attributes WHERE label_id IS NOT NULL').pluck().get()).toBeGreaterThan(200);
      for (const [, query, descending] of sorts('claim-status')) expect(pages(store, query, 11)).toEqual(expectedOrder(store, 'claim-status', descending));
    } finally {
      store.close();
    }
  });
});
