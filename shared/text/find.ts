// Every match of a query in a text, as sorted original ranges (UTF-16 code units, on code-point
// boundaries). Plain queries are matched in the folded text (./fold.ts); regular expressions run
// on the original text, since folding a pattern would change what it means.
import { foldQuery, foldText, originalRange, type FoldedText } from './fold';

export interface FindOptions {
  query: string;
  caseSensitive: boolean;
  wholeWord: boolean;
  regex: boolean;
}

export interface FindMatches {
  starts: number[];
  ends: number[];
  /** True when there were more than `limit` matches and only the first `limit` are given. */
  capped: boolean;
}

/** Thrown for a regular expression that does not compile; its message is for the user. */
export class BadPattern extends Error {}

const wordChar = /[\p{L}\p{N}\p{M}_]/u;

/** Whether the code point ending just before `offset` is a letter, digit or mark. */
function wordBefore(text: string, offset: number): boolean {
  if (offset <= 0) return false;
  const from = offset >= 2 && text.charCodeAt(offset - 1) >= 0xdc00 && text.charCodeAt(offset - 1) <= 0xdfff ? offset - 2 : offset - 1;
  return wordChar.test(text.slice(from, offset));
}

function wordAfter(text: string, offset: number): boolean {
  if (offset >= text.length) return false;
  return wordChar.test(String.fromCodePoint(text.codePointAt(offset)!));
}

/** Folds a text once for many finds (typing a query runs one find per key). */
export function foldForFind(text: string, caseSensitive: boolean): FoldedText {
  return foldText(text, { keepCase: caseSensitive });
}

/** Compiles a find-bar pattern: Unicode mode, case-insensitive unless asked, whole word by lookaround. */
export function compilePattern(options: FindOptions): RegExp {
  const source = options.wholeWord ? `(?<![\\p{L}\\p{N}\\p{M}_])(?:${options.query})(?![\\p{L}\\p{N}\\p{M}_])` : options.query;
  try {
    return new RegExp(source, options.caseSensitive ? 'gu' : 'giu');
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    throw new BadPattern(`Not a valid regular expression: ${reason}`);
  }
}

/** Runs a compiled pattern over a text: up to `limit` non-empty matches. */
export type RegexRunner = (text: string, pattern: RegExp, limit: number) => FindMatches;

/** Runs a pattern here, with no time limit (main runs the same loop under one: electron/services/annotate/timed-regex.ts). */
export function regexMatches(text: string, pattern: RegExp, limit: number): FindMatches {
  const result: FindMatches = { starts: [], ends: [], capped: false };
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex += text.codePointAt(match.index)! > 0xffff ? 2 : 1;
      continue;
    }
    if (result.starts.length === limit) {
      result.capped = true;
      break;
    }
    result.starts.push(match.index);
    result.ends.push(match.index + match[0].length);
  }
  return result;
}

/**
 * Finds up to `limit` matches. `folded` is the text folded with the same caseSensitive
 * (foldForFind); it is only read for plain queries. `runRegex` runs a regular expression's
 * search (by default here, with no time limit).
 */
export function findMatches(text: string, folded: () => FoldedText, options: FindOptions, limit: number, runRegex: RegexRunner = regexMatches): FindMatches {
  const result: FindMatches = { starts: [], ends: [], capped: false };
  if (options.query === '') return result;
  const add = (start: number, end: number): boolean => {
    if (result.starts.length === limit) {
      result.capped = true;
      return false;
    }
    result.starts.push(start);
    result.ends.push(end);
    return true;
  };
  if (options.regex) return runRegex(text, compilePattern(options), limit);
  const needle = foldQuery(options.query, { keepCase: options.caseSensitive });
  if (needle === '') return result;
  const haystack = folded();
  const source = haystack.text;
  for (let at = source.indexOf(needle); at !== -1; at = source.indexOf(needle, at + 1)) {
    const range = originalRange(haystack, at, at + needle.length);
    // A needle can start or end inside one original character's folding (ß → ss): skip the
    // match when it would start in the middle of the previous match's character.
    const last = result.ends.length - 1;
    if (last >= 0 && range.start < result.ends[last]!) continue;
    if (options.wholeWord && (wordBefore(text, range.start) || wordAfter(text, range.end))) continue;
    if (!add(range.start, range.end)) break;
  }
  return result;
}
