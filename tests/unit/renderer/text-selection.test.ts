// @vitest-environment jsdom
// The reader's selection: from the mouse (snapped or exact), moved by the keyboard, and read
// from and shown in the DOM through the data-s offsets of the rendered segments.
import { afterEach, describe, expect, it } from 'vitest';
import { splitBlocks } from '../../../renderer/src/reader/blocks';
import { applyDomSelection, fromMouse, moveCursor, readDomSelection, selectionRange, sentenceAt, tidySpan, type TextSelection } from '../../../renderer/src/reader/text-selection';

const text = 'Officials said twelve died. Others disagree!\n\nA second paragraph here.';
const blocks = splitBlocks(text);
const quote = (s: TextSelection | null) => (s ? text.slice(selectionRange(s).start, selectionRange(s).end) : null);
const at = (word: string) => text.indexOf(word);

describe('selectionRange', () => {
  it('orders anchor and focus', () => {
    expect(selectionRange({ anchor: 9, focus: 3 })).toEqual({ start: 3, end: 9 });
  });
});

describe('fromMouse', () => {
  it('snaps to whole words, or keeps the exact characters with Alt', () => {
    const raw = { start: at('cials'), end: at('twelve') + 3 };
    expect(quote(fromMouse(text, raw, false))).toBe('Officials said twelve');
    expect(quote(fromMouse(text, raw, true))).toBe('cials said twe');
  });

  it('gives nothing for a selection of white space', () => {
    expect(fromMouse(text, { start: at(' said'), end: at(' said') + 1 }, true)).toBeNull();
  });
});

describe('moveCursor', () => {
  const word = (w: string): TextSelection => ({ anchor: at(w), focus: at(w) + w.length });

  it('from a caret selects the word beside it', () => {
    expect(quote(moveCursor(text, blocks, { anchor: 0, focus: 0 }, 'next', false, false))).toBe('Officials');
    expect(quote(moveCursor(text, blocks, { anchor: at(' twelve'), focus: at(' twelve') }, 'previous', false, false))).toBe('said');
  });

  it('moves a word selection to the next or previous word, and across paragraphs', () => {
    expect(quote(moveCursor(text, blocks, word('said'), 'next', false, false))).toBe('twelve');
    expect(quote(moveCursor(text, blocks, word('said'), 'previous', false, false))).toBe('Officials');
    expect(quote(moveCursor(text, blocks, word('said'), 'down', false, false))).toBe('A');
    expect(quote(moveCursor(text, blocks, word('second'), 'up', false, false))).toBe('Officials');
    expect(quote(moveCursor(text, blocks, word('twelve'), 'end', false, false))).toBe('disagree');
  });

  it('extends by word, by character, and to the end of the sentence, keeping the anchor', () => {
    const start = word('said');
    const byWord = moveCursor(text, blocks, start, 'next', true, false)!;
    expect(byWord.anchor).toBe(start.anchor);
    expect(quote(byWord)).toBe('said twelve');
    expect(quote(moveCursor(text, blocks, start, 'next', true, true))).toBe('said ');
    expect(quote(moveCursor(text, blocks, start, 'down', true, false))).toBe('said twelve died');
    expect(quote(moveCursor(text, blocks, start, 'home', true, false))).toBe('Officials ');
  });

  it('does nothing without a starting point', () => {
    expect(moveCursor(text, blocks, null, 'next', false, false)).toBeNull();
  });
});

describe('the DOM selection', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  /** Renders the text as the reader does: one element per segment, with its start in data-s. */
  function render(cuts: number[]): HTMLElement {
    const root = document.createElement('div');
    const points = [0, ...cuts, text.length];
    for (let i = 0; i + 1 < points.length; i++) {
      const span = document.createElement('span');
      span.dataset.s = String(points[i]);
      span.textContent = text.slice(points[i], points[i + 1]);
      root.append(span);
    }
    document.body.append(root);
    return root;
  }

  it('shows a selection across segments and reads the same offsets back', () => {
    const root = render([at('said'), at('died')]);
    const selection = { anchor: at('cials'), focus: at('died') + 2 };
    expect(applyDomSelection(root, selection)).toBe(true);
    expect(window.getSelection()?.toString()).toBe('cials said twelve di');
    expect(readDomSelection(root)).toEqual({ start: at('cials'), end: at('died') + 2 });
  });

  it('reads nothing when the selection is outside the reader or collapsed', () => {
    const root = render([]);
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    window.getSelection()?.selectAllChildren(outside);
    expect(readDomSelection(root)).toBeNull();
    window.getSelection()?.collapse(root.firstChild!.firstChild!, 2);
    expect(readDomSelection(root)).toBeNull();
  });

  it('cannot show a selection whose end is not rendered', () => {
    const root = document.createElement('div');
    const span = document.createElement('span');
    span.dataset.s = '0';
    span.textContent = text.slice(0, 10);
    root.append(span);
    document.body.append(root);
    expect(applyDomSelection(root, { anchor: 2, focus: 40 })).toBe(false);
  });
});

describe('sentences and the one trim', () => {
  it('selects the sentence around a point, without its final period', () => {
    const s = sentenceAt(text, blocks, at('twelve'));
    expect(quote(s)).toBe('Officials said twelve died');
    expect(quote(sentenceAt(text, blocks, at('disagree')))).toBe('Others disagree');
    expect(quote(sentenceAt(text, blocks, at('second')))).toBe('A second paragraph here');
  });

  it('extends sentence by sentence with Shift+Down, never over the period', () => {
    const first = moveCursor(text, blocks, { anchor: 0, focus: 9 }, 'down', true, false);
    expect(quote(first)).toBe('Officials said twelve died');
    expect(quote(moveCursor(text, blocks, first, 'down', true, false))).toBe('Officials said twelve died. Others disagree');
  });

  it('never keeps white space, punctuation or quote marks at the ends, but keeps an abbreviation’s period', () => {
    const t = ' “They were here,” he said of the U.S. ';
    const tidy = (s: number, e: number) => t.slice(tidySpan(t, s, e).start, tidySpan(t, s, e).end);
    expect(tidy(0, t.indexOf(',') + 2)).toBe('They were here');
    expect(tidy(t.indexOf('they'.toUpperCase()[0]!), t.length)).toBe('They were here,” he said of the U.S.');
    expect(tidy(0, 3)).toBe('T');
    expect(tidy(0, 2)).toBe('');
  });
});
