// Splits a document's text into blocks (paragraphs) for display. A block is a range of the
// immutable text; main computes a document's blocks once (the block index the reader gets on
// open) and the reader renders and loads only the blocks around the viewport.

export interface Block {
  start: number;
  end: number;
  /** True when this block continues the paragraph before it (a long paragraph was cut). */
  continued: boolean;
}

/** Paragraphs longer than this are cut at a space, so no single block is costly to lay out. */
export const maxBlockLength = 4000;

export function splitBlocks(text: string): Block[] {
  // Texts with blank lines between paragraphs keep single newlines as soft breaks; texts
  // without any blank line use one line per paragraph.
  const separator = /\n[ \t]*\n/.test(text) ? /\n[ \t]*(?:\n[ \t]*)+/g : /\n+/g;
  const blocks: Block[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) cutLong(text, start, end, blocks);
  };
  for (const match of text.matchAll(separator)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return blocks;
}

function cutLong(text: string, start: number, end: number, blocks: Block[]): void {
  let continued = false;
  while (end - start > maxBlockLength) {
    let cut = text.lastIndexOf(' ', start + maxBlockLength);
    if (cut <= start + maxBlockLength / 2) cut = start + maxBlockLength;
    if (isLowSurrogate(text.charCodeAt(cut))) cut--;
    blocks.push({ start, end: cut, continued });
    start = cut;
    continued = true;
  }
  blocks.push({ start, end, continued });
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Index of the block that holds offset, or the nearest block after it. */
export function blockIndexAt(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The block index as sent over IPC: per block, the gap from the previous block's end and the
 * block's length in base 36, joined by '.' (or '+' for a continued block), blocks separated by
 * spaces. About 6 bytes a block, a third of JSON arrays of offsets, and one string to validate.
 */
export function packBlocks(blocks: readonly Block[]): string {
  let previousEnd = 0;
  return blocks
    .map((block) => {
      const packed = `${(block.start - previousEnd).toString(36)}${block.continued ? '+' : '.'}${(block.end - block.start).toString(36)}`;
      previousEnd = block.end;
      return packed;
    })
    .join(' ');
}

export function unpackBlocks(packed: string): Block[] {
  if (packed === '') return [];
  let previousEnd = 0;
  return packed.split(' ').map((entry) => {
    const continued = entry.includes('+');
    const [gap, length] = entry.split(continued ? '+' : '.');
    const start = previousEnd + parseInt(gap!, 36);
    const end = start + parseInt(length!, 36);
    previousEnd = end;
    return { start, end, continued };
  });
}
