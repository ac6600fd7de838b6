// The reader's text selection: read from the DOM after a mouse gesture, or moved word by word
// from the keyboard, always expressed as offsets into the document's text.
import { blockIndexAt, type Block } from './blocks';
import type { DocText } from './doc-text';
import { offsetToPoint, pointToOffset } from './dom-offsets';
import { nextWord, previousWord, snapToWords } from './words';

export interface TextSelection {
  /** Where the selection started (stays put while Shift+arrows move the focus). */
  anchor: number;
  focus: number;
}

export function selectionRange(selection: TextSelection): { start: number; end: number } {
  return { start: Math.min(selection.anchor, selection.focus), end: Math.max(selection.anchor, selection.focus) };
}

/** Reads the DOM selection inside root as offsets; null when there is none or it is elsewhere. */
export function readDomSelection(root: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = pointToOffset(range.startContainer, range.startOffset);
  const end = pointToOffset(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

export function fromMouse(text: DocText, raw: { start: number; end: number }, exact: boolean): TextSelection | null {
  const { start, end } = exact ? trimmed(text, raw.start, raw.end) : snapToWords(text, raw.start, raw.end);
  return end > start ? { anchor: start, focus: end } : null;
}

/** White space, punctuation and quote marks a stored span never starts or ends with. */
const edge = /[\s.,;:!?…"“”„«»‘’'()[\]{}—–\-]/u;

/**
 * The one trim every new annotation goes through (mouse, keyboard, toolbar): no white space,
 * punctuation or quote marks at either end, except the period of an abbreviation such as "U.S.".
 */
export function tidySpan(text: DocText, start: number, end: number): { start: number; end: number } {
  while (start < end && edge.test(text.charAt(start))) start++;
  while (end > start && edge.test(text.charAt(end - 1))) {
    const abbreviation = text.charAt(end - 1) === '.' && end - start >= 3 && /\p{L}/u.test(text.charAt(end - 2)) && text.charAt(end - 3) === '.';
    if (abbreviation) break;
    end--;
  }
  return { start, end };
}

function trimmed(text: DocText, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

/** Shows a selection in the DOM; returns false when its ends are not rendered yet. */
export function applyDomSelection(root: HTMLElement, selection: TextSelection): boolean {
  const anchor = offsetToPoint(root, selection.anchor, selection.anchor > selection.focus);
  const focus = offsetToPoint(root, selection.focus, selection.focus > selection.anchor);
  if (!anchor || !focus) return false;
  window.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
  return true;
}

export type CursorMove = 'next' | 'previous' | 'down' | 'up' | 'home' | 'end';

/**
 * Moves the keyboard cursor. Without extend, the selection becomes a single word; with extend,
 * the focus moves (by word, or by character when byChar) and the anchor stays.
 */
export function moveCursor(
  text: DocText,
  blocks: readonly Block[],
  current: TextSelection | null,
  move: CursorMove,
  extend: boolean,
  byChar: boolean,
): TextSelection | null {
  if (!current) return null;
  const { start, end } = selectionRange(current);
  if (start === end) {
    // A bare caret: any move selects the word beside it.
    const word = move === 'previous' || move === 'up' ? previousWord(text, start) : nextWord(text, start);
    return word ? { anchor: word.start, focus: word.end } : null;
  }
  if (extend) {
    const focus = movePoint(text, blocks, current.focus, move, byChar);
    return focus === current.anchor ? current : { anchor: current.anchor, focus };
  }
  const word = wordFor(text, blocks, move === 'previous' || move === 'up' ? start : end, move);
  return word ? { anchor: word.start, focus: word.end } : current;
}

function wordFor(text: DocText, blocks: readonly Block[], from: number, move: CursorMove) {
  const blockIndex = blockIndexAt(blocks, Math.max(0, from - 1));
  const block = blocks[blockIndex];
  switch (move) {
    case 'next':
      return nextWord(text, from);
    case 'previous':
      return previousWord(text, from);
    case 'down': {
      const next = blocks[blockIndex + 1];
      return next ? nextWord(text, next.start) : null;
    }
    case 'up': {
      const previous = blocks[blockIndexAt(blocks, from) - 1];
      return previous ? nextWord(text, previous.start) : null;
    }
    case 'home':
      return block ? nextWord(text, block.start) : null;
    case 'end':
      return block ? previousWord(text, block.end) : null;
  }
}

function movePoint(text: DocText, blocks: readonly Block[], point: number, move: CursorMove, byChar: boolean): number {
  if (byChar && (move === 'next' || move === 'previous')) {
    const step = move === 'next' ? charLength(text, point) : -charLengthBefore(text, point);
    return Math.min(text.length, Math.max(0, point + step));
  }
  const block = blocks[blockIndexAt(blocks, Math.max(0, point - 1))];
  switch (move) {
    case 'next':
      return nextWord(text, point)?.end ?? point;
    case 'previous':
      return previousWord(text, point)?.start ?? point;
    case 'down':
      return sentenceEnd(text, point, block?.end ?? text.length);
    case 'up':
      return sentenceStart(text, point, block?.start ?? 0);
    case 'home':
      return block?.start ?? point;
    case 'end':
      return block?.end ?? point;
  }
}

function sentenceEnd(text: DocText, from: number, limit: number): number {
  // Searches the block only (one character past it, for the look-ahead), not the whole text.
  const base = from + 1;
  const found = /[.!?…]["”’)\]]*(?=\s|$)/.exec(text.slice(base, Math.min(text.length, limit + 1)));
  // Up to the sentence's final punctuation, never over it: a claim does not end in its period.
  if (found && base + found.index < limit) return base + found.index;
  return tidySpan(text, from, limit).end;
}

/** The sentence around an offset within its block, without its final punctuation. */
export function sentenceAt(text: DocText, blocks: readonly Block[], offset: number): TextSelection | null {
  const block = blocks[blockIndexAt(blocks, offset)];
  if (!block) return null;
  const start = sentenceStart(text, offset + 1, block.start);
  const { start: from, end } = tidySpan(text, start, sentenceEnd(text, Math.max(start, offset - 1), block.end));
  return end > from ? { anchor: from, focus: end } : null;
}

function sentenceStart(text: DocText, from: number, limit: number): number {
  const before = text.slice(limit, Math.max(limit, from - 1));
  const boundary = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
  return boundary === -1 ? limit : limit + boundary + 2;
}

function charLength(text: DocText, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1;
}

function charLengthBefore(text: DocText, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xdc00 && code <= 0xdfff ? 2 : 1;
}
