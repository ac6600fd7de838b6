// Places an imported annotation in a stored text. Its offsets are tried first, in the unit the
// file declared and then in the other; when neither gives its quote, the quote is looked up
// and the occurrence whose context (prefix and suffix) matches best is taken, ties broken by
// the distance to the offsets given. An annotation is never placed where its quote is not: one
// that cannot be placed is reported with the reason.
import { codePointsToUtf16, splitsSurrogatePair, utf16ToCodePoints, type OffsetUnit } from '../../../shared/offsets';

export type Anchored =
  | { ok: true; start: number; end: number; reanchored: boolean }
  | { ok: false; reason: string };

export interface AnchorInput {
  start?: number;
  end?: number;
  unit: OffsetUnit;
  quote?: string;
  prefix?: string;
  suffix?: string;
}

/** Converts offsets of a unit to UTF-16, or null when they are outside the text. */
function toUtf16(text: string, start: number, end: number, unit: OffsetUnit, cpLength: () => number): [number, number] | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return null;
  if (unit === 'utf16') return end <= text.length ? [start, end] : null;
  if (end > cpLength()) return null;
  const [s, e] = codePointsToUtf16(text, [start, end]) as [number, number];
  return [s, e];
}

function usable(text: string, s: number, e: number): boolean {
  return !splitsSurrogatePair(text, s) && !splitsSurrogatePair(text, e) && text.slice(s, e).trim() !== '';
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Code-point length of a text, computed once on demand. */
export function lazyCodePointLength(text: string): () => number {
  let length: number | undefined;
  return () => (length ??= utf16ToCodePoints(text, [text.length])[0]!);
}

export function anchor(text: string, input: AnchorInput, cpLength: () => number = lazyCodePointLength(text)): Anchored {
  const { quote } = input;
  const hasOffsets = input.start !== undefined && input.end !== undefined;
  let hint: number | null = null;
  if (hasOffsets) {
    const primary = toUtf16(text, input.start!, input.end!, input.unit, cpLength);
    if (primary) {
      hint = primary[0];
      if (quote === undefined) {
        return usable(text, primary[0], primary[1])
          ? { ok: true, start: primary[0], end: primary[1], reanchored: false }
          : { ok: false, reason: 'its offsets cut a character in half or cover only white space' };
      }
      if (text.slice(primary[0], primary[1]) === quote && usable(text, primary[0], primary[1])) {
        return { ok: true, start: primary[0], end: primary[1], reanchored: false };
      }
    }
    const other = toUtf16(text, input.start!, input.end!, input.unit === 'utf16' ? 'codepoint' : 'utf16', cpLength);
    if (other && quote !== undefined && text.slice(other[0], other[1]) === quote && usable(text, other[0], other[1])) {
      return { ok: true, start: other[0], end: other[1], reanchored: true };
    }
    if (quote === undefined) return { ok: false, reason: 'its offsets are outside the text and it has no quote to look for' };
  }
  if (quote === undefined || quote.trim() === '') return { ok: false, reason: 'it has neither usable offsets nor a quote' };
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (usable(text, at, at + quote.length)) found.push(at);
    if (found.length > 10_000) break;
  }
  if (found.length === 0) return { ok: false, reason: 'its quote does not occur in the text' };
  if (found.length === 1) return { ok: true, start: found[0]!, end: found[0]! + quote.length, reanchored: true };
  const prefix = input.prefix ?? '';
  const suffix = input.suffix ?? '';
  const scored = found.map((at) => ({
    at,
    context: commonSuffix(text.slice(Math.max(0, at - prefix.length), at), prefix) + commonPrefix(text.slice(at + quote.length, at + quote.length + suffix.length), suffix),
    distance: hint === null ? 0 : Math.abs(at - hint),
  }));
  scored.sort((a, b) => b.context - a.context || a.distance - b.distance);
  const [best, second] = scored as [(typeof scored)[0], (typeof scored)[0]];
  const tied = best.context === second.context && best.distance === second.distance;
  if (tied || (best.context === 0 && hint === null)) {
    return { ok: false, reason: `its quote occurs ${found.length} times and nothing tells which one is meant` };
  }
  return { ok: true, start: best.at, end: best.at + quote.length, reanchored: true };
}
