// The page joins read only the end of the text they build (bench: pdf_import_pages_per_s): a
// word split over a page break is still judged whole, however long it is, and the document's
// own spelling of a compound still keeps its hyphen.
import { describe, expect, it } from 'vitest';
import { joinLines, joinPages } from '../../electron/services/library/importers/pdf/page-joins';
import type { Segment } from '../../electron/services/library/importers/pdf/positioned-text';

const line = (text: string, y: number): Segment => ({ text, x0: 72, x1: 500, y, size: 10 });

describe('joins at page breaks', () => {
  it('joins a word hyphenated over a page break, and keeps the hyphen of a compound the document writes whole', () => {
    const pages = [
      [line('The type-unstable loop was seen in the inter-', 700)],
      [line('national survey of the type-', 700)],
      [line('unstable kind, as before.', 700)],
    ];
    expect(joinPages(pages)).toEqual({ text: 'The type-unstable loop was seen in the international survey of the type-unstable kind, as before.', pageMap: [[0, 1], [44, 2], [72, 3]] });
  });

  it('judges a word longer than the end it first reads (300 letters, split over the break) whole', () => {
    const long = 'a'.repeat(300);
    const pages = [[line(`Written ${long}b-`, 700)], [line('cd as one word.', 700)]];
    const spelled = [[line(`Written ${long}b-`, 700)], [line('cd as one word.', 700)], [line(`The same ${long}b-cd compound.`, 700)]];
    expect(joinPages(pages).text).toBe(`Written ${long}bcd as one word.`);
    expect(joinPages(spelled).text.startsWith(`Written ${long}b-cd as one word.`)).toBe(true);
    expect(joinLines([`x ${long}b-`, 'cd'])).toBe(`x ${long}bcd`);
  });
});
