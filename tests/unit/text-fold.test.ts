import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldQuery, foldText, originalRange } from '../../shared/text/fold';
import { findMatches, type FindOptions } from '../../shared/text/find';

/** The original text of every match of a plain, case- and diacritic-folding find. */
function found(text: string, query: string, options: Partial<FindOptions> = {}): string[] {
  const all = { query, caseSensitive: false, wholeWord: false, regex: false, ...options };
  const matches = findMatches(text, () => foldText(text, { keepCase: all.caseSensitive }), all, 1000);
  return matches.starts.map((start, i) => text.slice(start, matches.ends[i]));
}

describe('folding for find', () => {
  it('folds case and Latin diacritics, keeping combining marks with their letter', () => {
    const text = 'In Alep\u0300po and ALEPPO, not Alepo.';
    expect(foldText(text).text).toBe('in aleppo and aleppo, not alepo.');
    expect(found(text, 'aleppo')).toEqual(['Alep\u0300po', 'ALEPPO']);
    // A match ending on a letter takes the mark that follows it.
    expect(found(text, 'alep')).toEqual(['Alep\u0300', 'ALEP', 'Alep']);
    expect(found('Ḥalab, Halab, ḤALAB', 'halab')).toEqual(['Ḥalab', 'Halab', 'ḤALAB']);
    expect(found('Café, cafe\u0301, CAFÉ', 'cafe')).toEqual(['Café', 'cafe\u0301', 'CAFÉ']);
  });

  it('finds vocalised Arabic from bare letters and unifies alef forms, taa marbuta, alef maqsura and tatweel', () => {
    const vocalised = 'قَالَ الْمُتَحَدِّثُ إِنَّ حَلَبَ هادئةٌ';
    expect(found(vocalised, 'المتحدث')).toEqual(['الْمُتَحَدِّثُ']);
    expect(found(vocalised, 'حلب')).toEqual(['حَلَبَ']);
    expect(found(vocalised, 'ان')).toEqual(['إِنَّ']);
    expect(found(vocalised, 'هادئه')).toEqual(['هادئةٌ']);
    for (const alef of ['أحمد', 'إحمد', 'آحمد', 'ٱحمد', 'احمد']) expect(found(`قال ${alef} أمس`, 'احمد')).toEqual([alef]);
    expect(found('مستشفى الشفاء', 'مستشفي')).toEqual(['مستشفى']);
    expect(found('جمـــيل', 'جميل')).toEqual(['جمـــيل']);
  });

  it('folds Turkish dotted and dotless i, ß, ligatures and full-width letters', () => {
    expect(found('İstanbul, ıstanbul, Istanbul', 'istanbul')).toEqual(['İstanbul', 'ıstanbul', 'Istanbul']);
    expect(found('Die Straße und die STRASSE', 'strasse')).toEqual(['Straße', 'STRASSE']);
    expect(found('Die Straße', 'straße')).toEqual(['Straße']);
    expect(found('ﬁnal ｆｉｎａｌ', 'final')).toEqual(['ﬁnal', 'ｆｉｎａｌ']);
    expect(found('Σίσυφος ΣΊΣΥΦΟΣ', 'σισυφοσ')).toEqual(['Σίσυφος', 'ΣΊΣΥΦΟΣ']);
    expect(found('Дорск и ДОРСК, Ёлки', 'дорск')).toEqual(['Дорск', 'ДОРСК']);
    expect(found('Ёлки', 'елки')).toEqual(['Ёлки']);
  });

  it('maps offsets past emoji and surrogate pairs to whole characters', () => {
    const text = '👍🏽 Dorsk 👨‍👩‍👧 𝒜leppo dorsk';
    expect(found(text, 'dorsk')).toEqual(['Dorsk', 'dorsk']);
    expect(found(text, '👍🏽')).toEqual(['👍🏽']);
    expect(found(text, '👨‍👩‍👧')).toEqual(['👨‍👩‍👧']);
    // Mathematical script A folds to a (NFKD), and its two UTF-16 units map as one character.
    expect(found(text, 'aleppo')).toEqual(['𝒜leppo']);
  });

  it('maps offsets past characters that fold to more than one unit, even where the folded text outgrows the original', () => {
    const text = `${'…'.repeat(300)} Aleppo ${'ß'.repeat(100)} aleppo`;
    expect(foldText(text).text.length).toBe(text.length + 700);
    expect(found(text, 'aleppo')).toEqual(['Aleppo', 'aleppo']);
    expect(found(text, '...')).toHaveLength(300);
  });

  it('keeps case when asked, still folding diacritics', () => {
    const text = 'Aleppo, aleppo, Alèppo';
    expect(found(text, 'Aleppo', { caseSensitive: true })).toEqual(['Aleppo', 'Alèppo']);
    expect(foldQuery('Ḥalab', { keepCase: true })).toBe('Halab');
  });

  it('maps every folded range back to a range of whole original characters (property)', () => {
    const alphabet = ['a', 'A', 'é', 'e\u0301', 'ß', 'İ', 'ı', 'أ', 'َ', 'ـ', 'ة', '👍🏽', '𝒜', ' ', 'ﬁ', '한'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const folded = foldText(text);
        if (folded.text.length === 0) return;
        const start = a % folded.text.length;
        const end = start + 1 + (b % (folded.text.length - start));
        const range = originalRange(folded, start, end);
        expect(range.start).toBeLessThan(range.end);
        expect(range.end).toBeLessThanOrEqual(text.length);
        // Never inside a surrogate pair, and the original range folds to text that holds the folded slice.
        for (const offset of [range.start, range.end]) {
          const code = text.charCodeAt(offset);
          expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
        }
        expect(foldText(text.slice(range.start, range.end)).text).toContain(folded.text.slice(start, end));
      }),
    );
  });
});

describe('find in a text', () => {
  it('matches whole words only when asked, by letters of any script', () => {
    const text = 'Aleppo, Aleppos, pre-Aleppo, حلب وحلب';
    expect(found(text, 'aleppo', { wholeWord: true })).toEqual(['Aleppo', 'Aleppo']);
    expect(found(text, 'حلب', { wholeWord: true })).toEqual(['حلب']);
    expect(found(text, 'حلب')).toEqual(['حلب', 'حلب']);
  });

  it('runs regular expressions on the original text, with the case option and Unicode classes', () => {
    const text = 'Dorsk 12, dorsk 345, Ḥalab';
    expect(found(text, 'dorsk \\d+', { regex: true })).toEqual(['Dorsk 12', 'dorsk 345']);
    expect(found(text, 'dorsk \\d+', { regex: true, caseSensitive: true })).toEqual(['dorsk 345']);
    expect(found(text, '\\p{Lu}\\p{Ll}+', { regex: true, caseSensitive: true })).toEqual(['Dorsk', 'Ḥalab']);
    expect(found(text, '\\d', { regex: true, wholeWord: true })).toEqual([]);
    // Empty matches are skipped instead of looping.
    expect(found(text, 'x*', { regex: true })).toEqual([]);
    expect(() => found(text, 'a(b', { regex: true })).toThrow(/Not a valid regular expression/);
  });

  it('does not return overlapping matches and stops at the limit, saying so', () => {
    expect(found('aaaa', 'aa')).toEqual(['aa', 'aa']);
    const text = 'the '.repeat(50);
    const options = { query: 'the', caseSensitive: false, wholeWord: false, regex: false };
    const capped = findMatches(text, () => foldText(text), options, 10);
    expect(capped.starts).toHaveLength(10);
    expect(capped.capped).toBe(true);
    expect(findMatches(text, () => foldText(text), options, 50).capped).toBe(false);
  });
});
