// The cap on what a very common word can cost: past the cap, only the first candidate rows are
// ranked, every hit shown is still exact, and the results say "at least" (capped); and the time
// budget of a query: past it, the page holds the reports placed so far, marked partial.
import { describe, expect, it } from 'vitest';
import { search } from '../../electron/services/search/search';
import { SearchQuery } from '../../shared/schemas/search';
import { addText, openTestContext } from './helpers';

describe('search: candidate cap', () => {
  it('ranks only the first candidates of a very common word, says so, and shows exact hits', () => {
    const { ctx } = openTestContext();
    const texts = Array.from({ length: 8 }, (_, i) => `Report ${i}: officials said the road was open${i % 2 ? ', rare word kestrel' : ''}.`);
    texts.forEach((text, i) => addText(ctx, text, `R${i}`));
    const capped = search(ctx.store.db, SearchQuery.parse({ query: 'said' }), { candidateCap: 3 });
    expect(capped.capped).toBe(true);
    expect(capped.total).toBeGreaterThanOrEqual(3);
    expect(capped.total).toBeLessThan(8);
    for (const report of capped.reports) {
      for (const hit of report.hits) expect(hit.quote).toBe('said');
    }
    // Under the cap: the exact total, not capped.
    const rare = search(ctx.store.db, SearchQuery.parse({ query: 'kestrel' }), { candidateCap: 4 });
    expect(rare).toMatchObject({ total: 4, capped: false });
    const uncapped = search(ctx.store.db, SearchQuery.parse({ query: 'said' }));
    expect(uncapped).toMatchObject({ total: 8, capped: false });
    // A narrower query has fewer candidates: exact again.
    const filtered = search(ctx.store.db, SearchQuery.parse({ query: 'said kestrel' }), { candidateCap: 4 });
    expect(filtered).toMatchObject({ total: 4, capped: false });
  });

  it('stops placing hits when the time budget runs out, returns the reports placed, marked partial', () => {
    const { ctx } = openTestContext();
    Array.from({ length: 6 }, (_, i) => `Report ${i}: officials said the convoy reached the bridge.`).forEach((text, i) => addText(ctx, text, `R${i}`));
    const whole = search(ctx.store.db, SearchQuery.parse({ query: 'convoy' }));
    expect(whole).toMatchObject({ total: 6, partial: false });
    expect(whole.reports).toHaveLength(6);
    const over = search(ctx.store.db, SearchQuery.parse({ query: 'convoy' }), { budgetMs: 0 });
    expect(over).toMatchObject({ total: 6, partial: true });
    // At least the best report, placed exactly as in the whole answer.
    expect(over.reports).toEqual(whole.reports.slice(0, over.reports.length));
    expect(over.reports.length).toBeGreaterThanOrEqual(1);
    expect(over.reports.length).toBeLessThan(6);
  });
});
