// The library's selection rules: plain, Ctrl and Shift picks, ranges, deletions, type-ahead.
import { describe, expect, it } from 'vitest';
import { noSelection, rangeBounds, selectOnly, selectRange, toggle, typeAheadMatch, without } from '../../../renderer/src/library/library-selection';

describe('library selection', () => {
  it('plain picks one, Ctrl toggles and moves the anchor, Shift replaces with the range unless kept', () => {
    let s = selectOnly('a', 0);
    s = toggle(s, 'c', 2);
    expect([...s.ids]).toEqual(['a', 'c']);
    expect(s.anchor).toBe(2);
    expect(rangeBounds(s.anchor, 5)).toEqual({ offset: 2, limit: 4 });
    expect(rangeBounds(5, 2)).toEqual({ offset: 2, limit: 4 });
    expect([...selectRange(s, ['c', 'd', 'e'], false).ids]).toEqual(['c', 'd', 'e']);
    expect([...selectRange(s, ['c', 'd'], true).ids].sort()).toEqual(['a', 'c', 'd']);
    expect(toggle(s, 'a', 0).ids.has('a')).toBe(false);
  });

  it('forgets deleted reports, and keeps the same object when none was selected', () => {
    const s = selectRange(noSelection, ['a', 'b', 'c'], false);
    expect([...without(s, ['b', 'x']).ids]).toEqual(['a', 'c']);
    expect(without(s, ['x'])).toBe(s);
  });

  it('type-ahead finds the next title starting with the typed text, folded, wrapping, skipping rows not loaded', () => {
    const titles = ['Aleppo', undefined, 'Ålesund', 'Дорск', 'aleppo again'];
    expect(typeAheadMatch(titles, 'ale', 1)).toBe(4);
    expect(typeAheadMatch(titles, 'ALE', 0)).toBe(0);
    expect(typeAheadMatch(titles, 'дор', 0)).toBe(3);
    expect(typeAheadMatch(titles, 'zz', 0)).toBeNull();
    expect(typeAheadMatch(titles, '', 0)).toBeNull();
  });
});
