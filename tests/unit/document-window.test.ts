// The renderer's windowed view of a report (DocumentWindow), fed by the real services over a real
// SQLite store: windows tile the text exactly (astral characters at their edges included), spans
// that cross a window's edge show in both, the LRU keeps what is asked for, edits made while a
// window is in flight survive its arrival, and the keyboard moves across a window's edge.
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { spanWindow } from '../../electron/services/annotate/span-window';
import { documentOutline, textRange } from '../../electron/services/library/document-outline';
import { moveCursor, selectionRange } from '../../renderer/src/reader/text-selection';
import { nextWord, snapToWords } from '../../renderer/src/reader/words';
import { DocumentWindow, keptWindows, windowBlocks } from '../../renderer/src/state/document-window';
import { blocksOf } from '../../renderer/src/state/open-document';
import { fromWindow } from '../../renderer/src/state/reader-annotation';
import { addText, openTestContext } from './helpers';

// 600 paragraphs (19 windows, more than the LRU keeps); each starts with an astral letter, so every window's first character is one.
const paragraphs = Array.from({ length: 600 }, (_, i) => `𝔸 entry ${i + 1} 🙂 near Dorsk, said the officials.`);
const text = paragraphs.join('\n\n');

function open() {
  const { ctx } = openTestContext();
  const documentId = addText(ctx, text);
  const outline = documentOutline(ctx, documentId);
  let fetches = 0;
  const window = new DocumentWindow(documentId, blocksOf(outline.blocks), outline.document.length, (start, end) => {
    fetches++;
    return Promise.resolve({ text: textRange(ctx, documentId, start, end), spans: fromWindow(spanWindow(ctx, documentId, start, end)) });
  });
  const tag = (from: string, to: string, labelId = 'claim') => {
    const start = text.indexOf(from);
    return createAnnotation(ctx, { documentId, labelId, start, end: text.indexOf(to, start) + to.length });
  };
  return { ctx, documentId, window, tag, fetches: () => fetches };
}

describe('DocumentWindow', () => {
  it('windows tile the text: every read of the loaded text is exact, astral characters at the edges too', async () => {
    const { window } = open();
    expect(window.windowCount).toBe(Math.ceil(600 / windowBlocks));
    await window.ensure([0, 1]);
    const edge = window.windowStart(1);
    expect(window.slice(0, window.windowEnd(1))).toBe(text.slice(0, window.windowEnd(1)));
    expect(window.slice(edge - 10, edge + 10)).toBe(text.slice(edge - 10, edge + 10));
    expect(window.codePointAt(edge)).toBe(text.codePointAt(edge));
    expect(window.charCodeAt(edge + 1)).toBe(text.charCodeAt(edge + 1));
    expect(window.charAt(edge - 1)).toBe(text.charAt(edge - 1));
    // Not loaded: reads as empty, and the loaded part of a range is still returned as it is.
    expect(window.isLoaded(2)).toBe(false);
    expect(window.charAt(window.windowStart(2))).toBe('');
    expect(window.hasText(0, window.windowEnd(1))).toBe(true);
    expect(window.hasText(0, window.windowStart(2) + 1)).toBe(false);
    await window.ensure([...Array(window.windowCount).keys()]);
    expect(window.slice(0, text.length)).toBe(text);
  });

  it('a span across a window edge belongs to the blocks on both sides', async () => {
    const { window, tag } = open();
    const crossing = tag(`the officials.\n\n𝔸 entry ${windowBlocks + 1} `, `entry ${windowBlocks + 1}`);
    await window.ensure([0]);
    expect(window.blockAnnotations(windowBlocks - 1)!.map((a) => a.id)).toEqual([crossing.id]);
    expect(window.blockAnnotations(windowBlocks)).toBeNull();
    await window.ensure([1]);
    expect(window.blockAnnotations(windowBlocks)!.map((a) => a.id)).toEqual([crossing.id]);
    expect(window.blockAnnotations(windowBlocks + 1)).toEqual([]);
    expect(window.find(crossing.id)?.quote).toBe(crossing.quote);
    expect(window.loadedAnnotations().map((a) => a.id)).toEqual([crossing.id]);
  });

  it('keeps the windows asked for and drops the least recently used beyond its size', async () => {
    const { window, fetches } = open();
    const all = [...Array(window.windowCount).keys()];
    expect(all.length).toBeGreaterThan(keptWindows);
    for (const k of all) await window.ensure([k]);
    await window.ensure([0]);
    const loaded = all.filter((k) => window.isLoaded(k));
    expect(loaded.length).toBe(keptWindows);
    // The most recently used: the last ones loaded, and 0, asked for again.
    expect(loaded).toEqual([0, ...all.slice(-(keptWindows - 1))]);
    const before = fetches();
    await window.ensure([0, all.at(-1)!]);
    expect(fetches()).toBe(before);
  });

  it('an edit made while a window is being fetched is in it when it arrives', async () => {
    const { window, tag } = open();
    const loading = window.ensure([0]);
    const made = tag('entry 3 ', 'entry 3');
    window.put({ ...made });
    await loading;
    expect(window.blockAnnotations(2)!.map((a) => a.id)).toContain(made.id);
    window.drop(made.id);
    expect(window.blockAnnotations(2)).toEqual([]);
  });

  it('tells the list of every edit', async () => {
    const { window, tag } = open();
    await window.ensure([0]);
    const edits: unknown[] = [];
    const stop = window.subscribeEdits((edit) => edits.push(edit));
    const made = tag('Dorsk', 'Dorsk', 'location');
    window.put(made);
    window.drop(made.id);
    stop();
    window.put(made);
    expect(edits).toEqual([{ put: made }, { drop: made.id }]);
  });

  it('the keyboard and word snapping read it as they read a string, across a window edge', async () => {
    const { window } = open();
    await window.ensure([0, 1]);
    const last = window.blocks[windowBlocks - 1]!;
    const word = { anchor: text.indexOf('officials', last.start), focus: text.indexOf('officials', last.start) + 'officials'.length };
    const down = moveCursor(window, window.blocks, word, 'down', false, false)!;
    expect(window.slice(selectionRange(down).start, selectionRange(down).end)).toBe('𝔸');
    let extended = word;
    for (let i = 0; i < 2; i++) extended = moveCursor(window, window.blocks, extended, 'next', true, false)!;
    expect(window.slice(extended.anchor, extended.focus)).toBe('officials.\n\n𝔸 entry');
    expect(moveCursor(text, window.blocks, extended, 'next', true, false)).toEqual(moveCursor(window, window.blocks, extended, 'next', true, false));
    const edge = window.windowStart(1);
    expect(snapToWords(window, edge - 3, edge + 4)).toEqual(snapToWords(text, edge - 3, edge + 4));
    expect(nextWord(window, edge - 2)).toEqual(nextWord(text, edge - 2));
  });
});
