// The find bar's matches cut to the reader's blocks and segments.
import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../../renderer/src/reader/blocks';
import { cutAtHits, firstMatchFrom, hitsByBlock, noHits } from '../../../renderer/src/reader/find-hits';

describe('hitsByBlock', () => {
  it('gives each block its own hits, cuts a match across blocks, and shares one empty list', () => {
    const text = 'one two\n\nthree\n\nfour two';
    const blocks = splitBlocks(text);
    const two = [text.indexOf('two'), text.lastIndexOf('two')];
    const across = { start: text.indexOf('two'), end: text.indexOf('three') + 2 };
    const byBlock = hitsByBlock(blocks, two, two.map((s) => s + 3));
    expect(byBlock[0]).toEqual([{ start: two[0], end: two[0]! + 3, index: 0 }]);
    expect(byBlock[1]).toBe(noHits);
    expect(byBlock[2]).toEqual([{ start: two[1], end: two[1]! + 3, index: 1 }]);
    const spanning = hitsByBlock(blocks, [across.start], [across.end]);
    expect(spanning[0]).toEqual([{ start: across.start, end: blocks[0]!.end, index: 0 }]);
    expect(spanning[1]).toEqual([{ start: blocks[1]!.start, end: across.end, index: 0 }]);
    expect(spanning[2]).toBe(noHits);
  });
});

describe('firstMatchFrom', () => {
  it('finds the first match at or after an offset, wrapping to the first', () => {
    expect(firstMatchFrom([5, 10, 20], 0)).toBe(0);
    expect(firstMatchFrom([5, 10, 20], 10)).toBe(1);
    expect(firstMatchFrom([5, 10, 20], 11)).toBe(2);
    expect(firstMatchFrom([5, 10, 20], 21)).toBe(0);
    expect(firstMatchFrom([], 3)).toBe(-1);
  });
});

describe('cutAtHits', () => {
  it('cuts a segment into runs inside and outside hits', () => {
    const hits = [
      { start: 2, end: 4, index: 0 },
      { start: 6, end: 12, index: 1 },
    ];
    expect(cutAtHits(0, 8, hits)).toEqual([
      { start: 0, end: 2, index: -1 },
      { start: 2, end: 4, index: 0 },
      { start: 4, end: 6, index: -1 },
      { start: 6, end: 8, index: 1 },
    ]);
    expect(cutAtHits(8, 14, hits)).toEqual([
      { start: 8, end: 12, index: 1 },
      { start: 12, end: 14, index: -1 },
    ]);
    expect(cutAtHits(12, 14, hits)).toEqual([{ start: 12, end: 14, index: -1 }]);
  });
});
