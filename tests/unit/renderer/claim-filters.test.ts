// The claims table's filters and sort, turned into the store's query.
import { describe, expect, it } from 'vitest';
import type { LabelAttribute } from '../../../shared/schemas/schema';
import { claimSortOf, emptyDraft, formatValue, isFiltered, nextSort, toFilters } from '../../../renderer/src/claims/claim-filters';

const attribute = (id: string, type: LabelAttribute['type'], options: string[] = []): LabelAttribute => ({ id, labelId: 'claim', name: id, type, options, position: 0 });
const status = attribute('claim-status', 'choice', ['disputed', 'refuted']);
const checked = attribute('checked', 'boolean');
const kind = attribute('source-kind', 'choice', ['media']);

describe('toFilters', () => {
  it('sends only what is chosen, with yes/no as booleans and the quote search trimmed', () => {
    expect(toFilters(emptyDraft, [status], [kind])).toEqual({});
    const draft = { ...emptyDraft, attributes: { 'claim-status': 'disputed', checked: 'false' }, sourceAttributes: { 'source-kind': 'media' }, tag: 'syria', text: '  seized ', dateFrom: '2024-01-01' };
    expect(toFilters(draft, [status, checked], [kind])).toEqual({
      attributes: [
        { attributeId: 'claim-status', values: ['disputed'] },
        { attributeId: 'checked', values: [false] },
      ],
      sourceAttributes: [{ attributeId: 'source-kind', values: ['media'] }],
      dateFrom: '2024-01-01',
      tags: ['syria'],
      text: 'seized',
    });
  });

  it('ignores choices for attributes the schema no longer has', () => {
    expect(toFilters({ ...emptyDraft, attributes: { gone: 'x' } }, [status], [])).toEqual({});
  });
});

describe('sorting', () => {
  it('sorts by a new column ascending, dates newest first, and turns the direction on a second click', () => {
    expect(nextSort({ column: 'date', direction: 'desc' }, 'quote')).toEqual({ column: 'quote', direction: 'asc' });
    expect(nextSort({ column: 'quote', direction: 'asc' }, 'date')).toEqual({ column: 'date', direction: 'desc' });
    expect(nextSort({ column: 'quote', direction: 'asc' }, 'quote')).toEqual({ column: 'quote', direction: 'desc' });
  });

  it('sorts status by its attribute, or by date when the schema has none', () => {
    expect(claimSortOf({ column: 'status', direction: 'asc' }, status, undefined)).toEqual({ key: 'attribute', attributeId: 'claim-status', direction: 'asc' });
    expect(claimSortOf({ column: 'confidence', direction: 'asc' }, status, undefined)).toEqual({ key: 'date', direction: 'desc' });
    expect(claimSortOf({ column: 'document', direction: 'desc' }, status, undefined)).toEqual({ key: 'document', direction: 'desc' });
  });
});

describe('formatValue and isFiltered', () => {
  it('shows lists, booleans and numbers as text', () => {
    expect(formatValue(['a', 'b'])).toBe('a, b');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(3)).toBe('3');
    expect(formatValue(undefined)).toBe('');
  });

  it('counts typed search text as a filter before it is applied', () => {
    expect(isFiltered(emptyDraft, '')).toBe(false);
    expect(isFiltered(emptyDraft, 'x')).toBe(true);
    expect(isFiltered({ ...emptyDraft, tag: 't' }, '')).toBe(true);
  });
});
