// The reader's paragraph blocks: how a text is cut, and finding the block of an offset.
import { describe, expect, it } from 'vitest';
import { blockIndexAt, maxBlockLength, splitBlocks } from '../../../renderer/src/reader/blocks';

const texts = (text: string) => splitBlocks(text).map((b) => text.slice(b.start, b.end));

describe('splitBlocks', () => {
  it('cuts at blank lines and keeps single newlines inside a paragraph', () => {
    const text = 'First line\nstill first.\n\n  Second.  \n \n\nThird.';
    expect(texts(text)).toEqual(['First line\nstill first.', 'Second.', 'Third.']);
  });

  it('uses one line per paragraph when the text has no blank line', () => {
    expect(texts('One.\nTwo.\n\rThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('returns no block for an empty or blank text', () => {
    expect(splitBlocks('')).toEqual([]);
    expect(splitBlocks(' \n\n \t')).toEqual([]);
  });

  it('cuts a long paragraph at a space into continued blocks that cover it all', () => {
    const word = 'abcdefghi ';
    const text = word.repeat(Math.ceil((maxBlockLength * 2.5) / word.length)).trim();
    const blocks = splitBlocks(text);
    expect(blocks.length).toBe(3);
    expect(blocks.map((b) => b.continued)).toEqual([false, true, true]);
    for (const b of blocks) expect(b.end - b.start).toBeLessThanOrEqual(maxBlockLength);
    expect(blocks[0]!.start).toBe(0);
    expect(blocks[2]!.end).toBe(text.length);
    for (let i = 1; i < blocks.length; i++) {
      expect(blocks[i]!.start).toBe(blocks[i - 1]!.end);
      expect(text[blocks[i]!.start]).toBe(' ');
    }
  });

  it('never cuts a surrogate pair when a paragraph has no space to cut at', () => {
    const text = 'a' + '😀'.repeat(maxBlockLength);
    const blocks = splitBlocks(text);
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) {
      const code = text.charCodeAt(b.start);
      expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
    }
    expect(blocks.map((b) => text.slice(b.start, b.end)).join('')).toBe(text);
  });
});

describe('blockIndexAt', () => {
  const text = 'Alpha.\n\nBeta.\n\nGamma.';
  const blocks = splitBlocks(text);

  it('finds the block holding an offset', () => {
    expect(blockIndexAt(blocks, 0)).toBe(0);
    expect(blockIndexAt(blocks, text.indexOf('Beta'))).toBe(1);
    expect(blockIndexAt(blocks, text.length - 1)).toBe(2);
  });

  it('gives the next block for an offset between blocks', () => {
    expect(blockIndexAt(blocks, text.indexOf('\n\nBeta') + 1)).toBe(1);
  });
});
