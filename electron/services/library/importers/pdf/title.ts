// A PDF's title from its first page: the largest text, read in order, when it stands out from
// the body and is made of words (never a page number, a date alone or a row of symbols).
import { isPageNumber } from './running-lines';
import type { Segment } from './positioned-text';

const maxTitleChars = 300;

/** Words, not a number or a row of rules and symbols: mostly letters, at least three of them. */
export function looksLikeTitle(text: string): boolean {
  const visible = text.replace(/\s/g, '');
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  return !isPageNumber(text.trim()) && letters >= 3 && letters >= visible.length * 0.5;
}

function bodySize(segments: readonly Segment[]): number {
  // The size most characters are set in.
  const weight = new Map<number, number>();
  for (const s of segments) weight.set(Math.round(s.size * 2) / 2, (weight.get(Math.round(s.size * 2) / 2) ?? 0) + s.text.length);
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best;
}

export interface FirstPageTitle {
  text: string;
  segments: Segment[];
}

/** ordered: the first page's segments in reading order. */
export function titleOfFirstPage(ordered: readonly Segment[]): FirstPageTitle | null {
  const body = bodySize(ordered);
  const sizes = [...new Set(ordered.map((s) => s.size))].filter((size) => size >= body * 1.15).sort((a, b) => b - a);
  for (const size of sizes) {
    const same = (s: Segment) => Math.abs(s.size - size) < 0.5;
    const start = ordered.findIndex((s) => same(s) && looksLikeTitle(s.text));
    if (start === -1) continue;
    // The title's further lines follow it in reading order at the same size.
    const segments = [ordered[start]!];
    for (let i = start + 1; i < ordered.length && same(ordered[i]!) && segments.length < 6; i++) segments.push(ordered[i]!);
    const text = segments
      .map((s) => s.text)
      .join(' ')
      .replace(/(\p{L})- (\p{Ll})/gu, '$1$2')
      .replace(/\s+/g, ' ')
      .trim();
    return { text: text.length > maxTitleChars ? `${text.slice(0, maxTitleChars - 1).trimEnd()}…` : text, segments };
  }
  return null;
}

/** Document-information titles that name a file or a program, not the report. */
export function plausibleInfoTitle(title: string | null): string | null {
  if (title === null) return null;
  if (/^(?:untitled|microsoft (?:word|powerpoint) - |document\d*$)|\.(?:docx?|pdf|dvi|tex|indd|qxd|rtf)$/i.test(title.trim())) return null;
  return looksLikeTitle(title) ? title : null;
}

/** Headings that open many documents and name none. */
const genericHeading = /^(?:(?:table of )?contents?|introduction|abstract|preface|foreword|summary|index|overview)$/i;

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The title: the properties' title when page 1 shows it, else page 1's largest words (unless
 * they are a heading such as "Contents"), else the properties' title when it is not a file or
 * program name; null when none (the caller falls back to the text's first line).
 */
export function chooseTitle(firstPage: readonly Segment[], largest: FirstPageTitle | null, infoTitle: string | null): string | null {
  const info = plausibleInfoTitle(infoTitle);
  if (info !== null && comparable(info) !== '' && comparable(firstPage.map((s) => s.text).join(' ')).includes(comparable(info))) return info;
  if (largest && !genericHeading.test(largest.text.trim())) return largest.text;
  return info;
}
