// Places a query's matches in one text: folds it with its offset map (cheap for one report),
// finds the wanted words, phrases and prefixes among its tokens, and cuts keyword-in-context
// snippets from the original text.
import { codePointsToUtf16 } from '../../../shared/offsets';
import { foldForIndex, type IndexFoldedText } from '../../../shared/text/fold';
import { tokenize, type Token } from './tokens';
import type { MatchNode } from './query';

/** A match in a text: code points of the original, and the same range in UTF-16 units. */
export interface TextMatch {
  start: number;
  end: number;
  utf16: { start: number; end: number };
}

function matchesAt(tokens: readonly Token[], at: number, pattern: MatchNode): boolean {
  const last = pattern.tokens.length - 1;
  if (at + last >= tokens.length) return false;
  for (let j = 0; j <= last; j += 1) {
    const word = tokens[at + j]!.text;
    const wanted = pattern.tokens[j]!;
    if (j === last && pattern.prefix ? !word.startsWith(wanted) : word !== wanted) return false;
  }
  return true;
}

/**
 * Every match of the patterns in the text, in order, not overlapping; `count` counts them all,
 * `matches` keeps the first `keep`.
 */
export function findInText(text: string, patterns: readonly MatchNode[], keep: number): { count: number; matches: TextMatch[] } {
  return findInFolded(foldTokens(text), patterns, keep);
}

/** A text folded and split into words once, for looking up many patterns in it. */
export interface FoldedTokens {
  text: string;
  folded: IndexFoldedText;
  tokens: Token[];
}

export function foldTokens(text: string): FoldedTokens {
  const folded = foldForIndex(text);
  return { text, folded, tokens: tokenize(folded.text) };
}

export function findInFolded({ text, folded, tokens }: FoldedTokens, patterns: readonly MatchNode[], keep: number): { count: number; matches: TextMatch[] } {
  const ranges: { start: number; end: number }[] = [];
  let count = 0;
  for (let at = 0; at < tokens.length; at += 1) {
    const pattern = patterns.find((p) => matchesAt(tokens, at, p));
    if (!pattern) continue;
    const lastToken = tokens[at + pattern.tokens.length - 1]!;
    count += 1;
    if (ranges.length < keep) ranges.push({ start: folded.origin[tokens[at]!.start]!, end: folded.origin[lastToken.end]! });
    at += pattern.tokens.length - 1;
  }
  const units = codePointsToUtf16(text, ranges.flatMap((r) => [r.start, r.end]));
  const matches = ranges.map((r, i) => ({ ...r, utf16: { start: units[2 * i]!, end: units[2 * i + 1]! } }));
  return { count, matches };
}

const contextUnits = 60;

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (!(code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n += 1;
  }
  return n;
}

/** Moves a UTF-16 offset off the middle of a surrogate pair. */
function safe(text: string, offset: number, direction: -1 | 1): number {
  const code = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && code >= 0xdc00 && code <= 0xdfff ? offset + (direction === 1 ? 1 : -1) : offset;
}

/** The match with about a line of context, cut at spaces, and where the match is in it (code points). */
export function snippetOf(text: string, utf16: { start: number; end: number }): { snippet: string; snippetMatch: { start: number; end: number } } {
  let from = safe(text, Math.max(0, utf16.start - contextUnits), -1);
  let to = safe(text, Math.min(text.length, utf16.end + contextUnits), 1);
  const space = text.indexOf(' ', from);
  if (from > 0 && space >= 0 && space < utf16.start) from = space + 1;
  const lastSpace = text.lastIndexOf(' ', to);
  if (to < text.length && lastSpace >= utf16.end) to = lastSpace;
  const before = (from > 0 ? '…' : '') + oneLine(text.slice(from, utf16.start)).trimStart();
  const match = oneLine(text.slice(utf16.start, utf16.end));
  const after = oneLine(text.slice(utf16.end, to)).trimEnd() + (to < text.length ? '…' : '');
  const start = codePointLength(before);
  return { snippet: before + match + after, snippetMatch: { start, end: start + codePointLength(match) } };
}
