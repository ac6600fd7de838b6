// The last step of every import, whatever the format: no control character is stored. Form
// feeds and vertical tabs (page and line breaks in old text files) become line breaks; every
// other control character (C0 but tab and line breaks, DEL, C1) is dropped and counted, and
// offsets that point into the text (a PDF's page map) are moved with it.
import type { ImportNotice, PageStart } from '../../../../shared/schemas/library';

const dropped = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/;
// (After form feeds and vertical tabs became line breaks, the loop below drops exactly these.)
const lineBreaks = /[\u000b\u000c]/g;

export interface SanitisedText {
  text: string;
  /** How many characters were dropped. */
  dropped: number;
  /** The offset in the new text of an offset in the old one. */
  moved(offset: number): number;
}

export function sanitiseText(input: string): SanitisedText {
  const text = input.replace(lineBreaks, '\n');
  if (!dropped.test(text)) return { text, dropped: 0, moved: (offset) => offset };
  // Where each dropped character was, in the old text, ascending.
  const removedAt: number[] = [];
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) {
      out += text.slice(from, i);
      removedAt.push(i);
      from = i + 1;
    }
  }
  out += text.slice(from);
  const moved = (offset: number): number => {
    let lo = 0;
    let hi = removedAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (removedAt[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
  return { text: out, dropped: removedAt.length, moved };
}

/** A one-line field (title, author): controls dropped, and counted with the text's. */
export function sanitiseField(value: string | null): { value: string | null; dropped: number } {
  if (value === null) return { value, dropped: 0 };
  const clean = sanitiseText(value);
  return { value: clean.text.replace(/\n/g, ' '), dropped: clean.dropped };
}

export function movePageMap(pageMap: readonly PageStart[] | null, moved: (offset: number) => number): PageStart[] | null {
  return pageMap === null ? null : pageMap.map(([offset, page]) => [moved(offset), page]);
}

export function controlCharactersNotice(count: number): ImportNotice {
  return {
    kind: 'dropped',
    code: 'control-characters',
    count,
    pages: [],
    message: `${count.toLocaleString('en')} control ${count === 1 ? 'character' : 'characters'} (invisible codes that are not text) dropped.`,
  };
}
