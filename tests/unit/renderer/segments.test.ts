// Segments and layers: overlapping and nested spans each keep an underline row.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../renderer/src/reader/blocks';
import { annotationsByBlock, assignLayers, readingOrder, segmentBlock, updateAnnotationsByBlock } from '../../../renderer/src/reader/segments';
import type { ReaderAnnotation } from '../../../renderer/src/state/reader-annotation';

const span = (id: string, start: number, end: number): ReaderAnnotation => ({ id, documentId: 'd', labelId: 'claim', start, end, quote: '', note: '' });

describe('readingOrder', () => {
  it('sorts by start, then longer first, then by id', () => {
    const list = [span('c', 5, 8), span('b', 0, 4), span('a', 0, 4), span('d', 0, 10)];
    expect(list.sort(readingOrder).map((a) => a.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});

describe('assignLayers', () => {
  it('gives each annotation the lowest layer free at its start', () => {
    const sorted = [span('outer', 0, 20), span('inner', 2, 6), span('later', 8, 12), span('after', 20, 25)];
    expect(Object.fromEntries(assignLayers(sorted))).toEqual({ outer: 0, inner: 1, later: 1, after: 0 });
  });
});

describe('segmentBlock', () => {
  const block: Block = { start: 10, end: 30, continued: false };

  it('cuts the block where annotations start and end, listing the covering ones by layer', () => {
    const a = span('a', 12, 20);
    const b = span('b', 15, 25);
    const segments = segmentBlock(block, [a, b]);
    expect(segments.map((s) => [s.start, s.end, s.covering.map((c) => `${c.annotation.id}@${c.layer}`)])).toEqual([
      [10, 12, []],
      [12, 15, ['a@0']],
      [15, 20, ['a@0', 'b@1']],
      [20, 25, ['b@1']],
      [25, 30, []],
    ]);
  });

  it('clips annotations that run past the block', () => {
    const segments = segmentBlock(block, [span('long', 0, 50)]);
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ start: 10, end: 30 });
  });
});

describe('annotationsByBlock', () => {
  const blocks: Block[] = [
    { start: 0, end: 10, continued: false },
    { start: 12, end: 20, continued: false },
    { start: 22, end: 30, continued: false },
  ];

  it('lists each annotation under every block it touches', () => {
    const across = span('across', 5, 25);
    const inSecond = span('second', 14, 16);
    const between = span('gap', 10, 12);
    const result = annotationsByBlock(blocks, [across, between, inSecond]);
    expect(result.map((list) => list.map((a) => a.id))).toEqual([['across'], ['across', 'second'], ['across']]);
  });

  it('keeps the arrays of blocks whose annotations did not change', () => {
    const a = span('a', 1, 3);
    const b = span('b', 13, 15);
    const before = updateAnnotationsByBlock(null, blocks, [a, b]);
    const c = span('c', 23, 25);
    const after = updateAnnotationsByBlock(before, blocks, [a, b, c]);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).not.toBe(before[2]);
    expect(after[2]!.map((x) => x.id)).toEqual(['c']);
  });
});
