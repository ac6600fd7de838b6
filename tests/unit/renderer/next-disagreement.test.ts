// Where N and Shift+N go on the Curation screen.
import { describe, expect, it } from 'vitest';
import { nextIndex } from '../../../renderer/src/curation/next-index';

describe('next undecided disagreement', () => {
  it('goes forward and back from the current row, and from none to the first or the last', () => {
    expect(nextIndex([2, 5, 9], null, 1)).toBe(2);
    expect(nextIndex([2, 5, 9], null, -1)).toBe(9);
    expect(nextIndex([2, 5, 9], 2, 1)).toBe(5);
    expect(nextIndex([2, 5, 9], 6, -1)).toBe(5);
    expect(nextIndex([2, 5, 9], 3, 1)).toBe(5);
  });
  it('wraps round at either end; none left gives null', () => {
    expect(nextIndex([2, 5, 9], 9, 1)).toBe(2);
    expect(nextIndex([2, 5, 9], 2, -1)).toBe(9);
    expect(nextIndex([], 4, 1)).toBeNull();
  });
});
