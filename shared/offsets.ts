// Offset units. Glossa stores offsets in UTF-16 code units, the unit of JavaScript strings and
// of the DOM (and of W3C selectors read by Hypothesis and Recogito). Exports for Python tools
// (doccano, spaCy, brat) use Unicode code points; convert with the functions below.

export const storedOffsetUnit = 'utf16' as const;
export type OffsetUnit = 'utf16' | 'codepoint';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when a UTF-16 offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/**
 * Converts many UTF-16 offsets of one text to code-point offsets in a single pass.
 * Offsets may come in any order; the result keeps their order.
 */
export function utf16ToCodePoints(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const result = new Array<number>(offsets.length);
  let unit = 0;
  let points = 0;
  for (const index of order) {
    const target = offsets[index]!;
    if (target < 0 || target > text.length) throw new RangeError(`offset ${target} is outside the text`);
    while (unit < target) {
      unit += isHighSurrogate(text.charCodeAt(unit)) && isLowSurrogate(text.charCodeAt(unit + 1)) ? 2 : 1;
      points += 1;
    }
    result[index] = unit === target ? points : points - 1;
  }
  return result;
}

/** Converts many code-point offsets of one text to UTF-16 offsets in a single pass. */
export function codePointsToUtf16(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const result = new Array<number>(offsets.length);
  let unit = 0;
  let points = 0;
  for (const index of order) {
    const target = offsets[index]!;
    while (points < target) {
      if (unit >= text.length) throw new RangeError(`code-point offset ${target} is outside the text`);
      unit += isHighSurrogate(text.charCodeAt(unit)) && isLowSurrogate(text.charCodeAt(unit + 1)) ? 2 : 1;
      points += 1;
    }
    result[index] = unit;
  }
  return result;
}
