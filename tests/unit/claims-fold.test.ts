// The claims quote filter folds case for every script (issue 13): LIKE folded ASCII only, so
// 'дорск' missed 'Дорск'. Quotes are stored folded beside the original (annotations.quote_folded);
// quotes from before that column are folded on first use.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { claimsTable } from '../../electron/services/claims/claims';
import { migrations } from '../../electron/store/migrations';
import { openStore } from '../../electron/store/store';
import { foldCase } from '../../shared/text/fold';
import { addText, openTestContext, ScriptedDialogs, tempDir } from './helpers';

const quotes = ['Дорск fell on Friday', 'İstanbul talks resumed', 'ISTANBUL airport closed', 'Die Straße war gesperrt', 'ΟΔΥΣΣΕΥΣ arrived', 'rebels took 50% of the town'];

function quotesMatching(text: string, ctx = seeded()): string[] {
  return claimsTable(ctx, { filters: { text }, sort: { key: 'quote', direction: 'asc' } }).rows.map((r) => r.quote);
}

function seeded() {
  const { ctx } = openTestContext();
  const text = quotes.join('. ');
  const id = addText(ctx, text);
  for (const q of quotes) {
    const start = text.indexOf(q);
    createAnnotation(ctx, { documentId: id, labelId: 'claim', start, end: start + q.length });
  }
  return ctx;
}

describe('claims quote filter folds case for every script', () => {
  it('finds Cyrillic, Turkish dotted and dotless i, German ß and Greek in any case', () => {
    const ctx = seeded();
    expect(quotesMatching('дорск', ctx)).toEqual(['Дорск fell on Friday']);
    expect(quotesMatching('ДОРСК', ctx)).toEqual(['Дорск fell on Friday']);
    // İstanbul, ISTANBUL, istanbul and ıstanbul all meet.
    expect(quotesMatching('istanbul', ctx)).toHaveLength(2);
    expect(quotesMatching('İSTANBUL', ctx)).toHaveLength(2);
    expect(quotesMatching('ıstanbul', ctx)).toHaveLength(2);
    expect(quotesMatching('STRASSE', ctx)).toEqual(['Die Straße war gesperrt']);
    expect(quotesMatching('straße', ctx)).toEqual(['Die Straße war gesperrt']);
    expect(quotesMatching('οδυσσευς', ctx)).toEqual(['ΟΔΥΣΣΕΥΣ arrived']);
    // LIKE's wildcards are plain text now.
    expect(quotesMatching('50%', ctx)).toEqual(['rebels took 50% of the town']);
    expect(quotesMatching('%', ctx)).toEqual(['rebels took 50% of the town']);
    expect(quotesMatching('_', ctx)).toEqual([]);
  });

  it('folds as documented: case only, diacritics kept', () => {
    expect(foldCase('İstanbul')).toBe('istanbul');
    expect(foldCase('Straße')).toBe('strasse');
    expect(foldCase('Ὀδυσσεύς')).toBe(foldCase('ὈΔΥΣΣΕΎΣ'));
    expect(foldCase('café')).not.toBe(foldCase('cafe'));
    expect(foldCase('ﬁle')).toBe('file');
  });

  it('finds claims written before the folded column existed (a store of the previous schema)', () => {
    const file = path.join(tempDir(), 'glossa.sqlite');
    const old = openStore(file, { migrations: migrations.slice(0, 3) });
    old.db.prepare(`INSERT INTO documents (id, title, imported_at, text, text_length, content_hash) VALUES ('d1', 'Old', '2025-01-01', 'Дорск fell', 10, 'h')`).run();
    old.db
      .prepare(`INSERT INTO annotations (id, document_id, label_id, start, "end", quote, note, created_at, updated_at) VALUES ('a1', 'd1', 'claim', 0, 10, 'Дорск fell', '', '2025-01-01', '2025-01-01')`)
      .run();
    old.close();
    const store = openStore(file);
    try {
      const ctx = createContext(store, new ScriptedDialogs(), 'test');
      expect(store.db.prepare("SELECT quote_folded FROM annotations WHERE id = 'a1'").pluck().get()).toBeNull();
      expect(quotesMatching('дорск', ctx)).toEqual(['Дорск fell']);
      expect(store.db.prepare("SELECT quote_folded FROM annotations WHERE id = 'a1'").pluck().get()).toBe('дорск fell');
      // The filter reads the folded quotes from the (label, folded quote) index.
      const plan = store.db
        .prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM annotations a WHERE a.label_id = 'claim' AND instr(a.quote_folded, 'x') > 0")
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toMatch(/COVERING INDEX annotations_by_label_folded/);
    } finally {
      store.close();
    }
  });
});
