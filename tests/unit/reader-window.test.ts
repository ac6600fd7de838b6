// The reader's windowed loading in main: the block index, text windows and the span queries, over
// a real SQLite store, at block edges, across block boundaries and with astral characters.
import { describe, expect, it } from 'vitest';
import { packBlocks, splitBlocks, unpackBlocks } from '../../shared/blocks';
import { createAnnotation, deleteAnnotation, listAnnotations } from '../../electron/services/annotate/annotations';
import { annotationCounts, annotationPage, locateAnnotation, spanWindow } from '../../electron/services/annotate/span-window';
import { documentBlocks, documentOutline, textRange } from '../../electron/services/library/document-outline';
import { addText, errorCodeOf, openTestContext } from './helpers';

const text = ['First 🙂 paragraph about Dorsk.', 'Second one: 𝔸lpha and Kraków.', '', 'Third, after a blank line 🛰️ ends here.'].join('\n\n');

function setUp() {
  const t = openTestContext();
  const doc = addText(t.ctx, text);
  const tag = (quote: string, labelId = 'location', from = 0) => {
    const start = text.indexOf(quote, from);
    return createAnnotation(t.ctx, { documentId: doc, labelId, start, end: start + quote.length });
  };
  return { ...t, doc, tag };
}

describe('the block index', () => {
  it('is the blocks the reader cuts, packed, with the details but no text', () => {
    const { ctx, doc } = setUp();
    const outline = documentOutline(ctx, doc);
    const blocks = splitBlocks(text);
    expect(unpackBlocks(outline.blocks.packed)).toEqual(blocks);
    expect(outline.blocks.count).toBe(blocks.length);
    expect(outline.document.length).toBe(text.length);
    expect(outline.document).not.toHaveProperty('text');
    // Cut once: the same blocks come back from the cache.
    expect(documentBlocks(ctx, doc)).toBe(documentBlocks(ctx, doc));
  });

  it('packs and unpacks any blocks exactly', () => {
    const blocks = [
      { start: 0, end: 4000, continued: false },
      { start: 4000, end: 7999, continued: true },
      { start: 8001, end: 8002, continued: false },
      { start: 1_000_000, end: 9_999_999, continued: false },
    ];
    expect(unpackBlocks(packBlocks(blocks))).toEqual(blocks);
    expect(packBlocks(blocks)).toBe('0.334 0+333 2.1 l9fi.5cwfz');
    expect(unpackBlocks(packBlocks([]))).toEqual([]);
  });

  it('lists the continued blocks of a long paragraph', () => {
    const { ctx } = openTestContext();
    const long = 'word '.repeat(2000).trim();
    const doc = addText(ctx, `${long}\n\nshort`);
    const blocks = unpackBlocks(documentOutline(ctx, doc).blocks.packed);
    expect(blocks).toEqual(splitBlocks(`${long}\n\nshort`));
    const continued = blocks.filter((b) => b.continued).length;
    expect(continued).toBeGreaterThan(0);
    expect(blocks.length).toBe(continued + 2);
  });

  it('refuses an unknown document', () => {
    const { ctx } = openTestContext();
    expect(errorCodeOf(() => documentOutline(ctx, 'nope'))).toBe('NOT_FOUND');
  });
});

describe('text windows', () => {
  it('returns the exact text of a range, astral characters included, and windows tile the text', () => {
    const { ctx, doc } = setUp();
    const starts = unpackBlocks(documentOutline(ctx, doc).blocks.packed).map((b) => b.start);
    const edges = [0, ...starts.slice(1), text.length];
    const pieces = edges.slice(1).map((end, i) => textRange(ctx, doc, edges[i]!, end));
    expect(pieces.join('')).toBe(text);
    expect(textRange(ctx, doc, text.indexOf('🙂'), text.indexOf('🙂') + 2)).toBe('🙂');
  });

  it('refuses ranges past the end or through a surrogate pair', () => {
    const { ctx, doc } = setUp();
    expect(errorCodeOf(() => textRange(ctx, doc, 0, text.length + 1))).toBe('INVALID_ARGS');
    expect(errorCodeOf(() => textRange(ctx, doc, 5, 4))).toBe('INVALID_ARGS');
    expect(errorCodeOf(() => textRange(ctx, doc, text.indexOf('🙂') + 1, 20))).toBe('INVALID_ARGS');
  });
});

describe('span windows', () => {
  it('returns the spans overlapping a window, including those crossing its edges, in reading order', () => {
    const { ctx, doc, tag } = setUp();
    const blocks = splitBlocks(text);
    const dorsk = tag('Dorsk');
    const crossing = tag('about Dorsk.\n\nSecond one', 'claim');
    const alpha = tag('𝔸lpha');
    const last = tag('ends here.', 'claim');
    const second = spanWindow(ctx, doc, blocks[1]!.start, blocks[1]!.end);
    expect(second.ids).toEqual([crossing.id, alpha.id]);
    expect(second.quotes).toEqual(['about Dorsk.\n\nSecond one', '𝔸lpha']);
    const first = spanWindow(ctx, doc, 0, blocks[1]!.start);
    expect(first.ids).toEqual([crossing.id, dorsk.id]);
    // A span ending exactly at the window's start is not in it; one starting at its end neither.
    expect(spanWindow(ctx, doc, dorsk.end, blocks[1]!.start).ids).toEqual([crossing.id]);
    expect(spanWindow(ctx, doc, blocks[2]!.start, last.start).ids).toEqual([]);
    expect(spanWindow(ctx, doc, blocks[2]!.start, text.length).ids).toEqual([last.id]);
    const all = spanWindow(ctx, doc, 0, text.length);
    expect(all.ids).toEqual(listAnnotations(ctx, doc).map((a) => a.id).sort((a, b) => all.ids.indexOf(a) - all.ids.indexOf(b)));
    expect(all.starts.map((s, i) => text.slice(s, all.ends[i]))).toEqual(all.quotes);
  });

  it('counts in all and per label', () => {
    const { ctx, doc, tag } = setUp();
    tag('Dorsk');
    tag('about Dorsk.\n\nSecond one', 'claim');
    tag('Kraków');
    tag('ends here.', 'claim');
    tag('First', 'source');
    expect(annotationCounts(ctx, doc)).toEqual({ total: 5, byLabel: { location: 2, claim: 2, source: 1 } });
  });
});

describe('pages and ranks (the sidebar)', () => {
  it('pages in reading order with a label filter, and locates an annotation in that order', () => {
    const { ctx, doc, tag } = setUp();
    const made = [tag('Dorsk'), tag('First', 'source'), tag('Kraków'), tag('about Dorsk.', 'claim'), tag('Third', 'source')];
    const ordered = listAnnotations(ctx, doc).map((a) => a.id);
    const page = annotationPage(ctx, { documentId: doc, labelIds: null, offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((a) => a.id)).toEqual(ordered.slice(1, 3));
    const locations = annotationPage(ctx, { documentId: doc, labelIds: ['location'], offset: 0, limit: 10 });
    expect(locations.items.map((a) => a.quote)).toEqual(['Dorsk', 'Kraków']);
    for (const [i, id] of ordered.entries()) expect(locateAnnotation(ctx, id, null).rank).toBe(i);
    expect(locateAnnotation(ctx, made[2]!.id, ['location']).rank).toBe(1);
    expect(locateAnnotation(ctx, made[1]!.id, ['location']).rank).toBeNull();
    expect(annotationPage(ctx, { documentId: doc, labelIds: [], offset: 0, limit: 10 }).total).toBe(0);
  });

  it('ranks spans at the same start longer first, then by id', () => {
    const { ctx, tag } = setUp();
    const short = tag('Dorsk');
    const long = tag('Dorsk.', 'claim');
    const twin = tag('Dorsk', 'source');
    const ids = [short.id, twin.id].sort();
    expect(locateAnnotation(ctx, long.id, null).rank).toBe(0);
    expect(locateAnnotation(ctx, ids[0]!, null).rank).toBe(1);
    expect(locateAnnotation(ctx, ids[1]!, null).rank).toBe(2);
  });

  it('filters by a word in the quote, folding case beyond ASCII', () => {
    const { ctx, doc, tag } = setUp();
    tag('Kraków');
    tag('Dorsk');
    expect(annotationPage(ctx, { documentId: doc, labelIds: null, quoteContains: 'KRAKÓW', offset: 0, limit: 10 }).items.map((a) => a.quote)).toEqual(['Kraków']);
  });

  it('forgets a deleted annotation', () => {
    const { ctx, doc, tag } = setUp();
    const gone = tag('Dorsk');
    deleteAnnotation(ctx, gone.id);
    expect(errorCodeOf(() => locateAnnotation(ctx, gone.id, null))).toBe('NOT_FOUND');
    expect(annotationCounts(ctx, doc).total).toBe(0);
  });
});
