// The search folding (foldForIndex and foldForSearch in shared/text/fold.ts): the same word in its written variants
// folds to one form, and the map back to the original lands on code points of the original.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../electron/services/search/tokens';
import { foldForIndex as foldText, foldForSearch } from '../../shared/text/fold';

const words = (text: string): string[] => tokenize(foldForSearch(text)).map((t) => t.text);

describe('foldForSearch', () => {
  it.each([
    ['Arabic harakat and hamza forms', 'مُحَمَّد أحمد إسلام آمن', 'محمد احمد اسلام امن'],
    ['Arabic taa marbuta, alef maksura, tatweel', 'مدرسة مستشفى عـــربي', 'مدرسه مستشفي عربي'],
    ['Persian yeh and keheh, ZWNJ inside a word', 'کتاب‌ها ایران', 'كتابها ايران'],
    ['Arabic-Indic and Persian digits', '٢٠٢٥ ۱۴۰۳', '2025 1403'],
    ['Cyrillic case', 'ДОРСК Дорск дорск', 'дорск дорск дорск'],
    ['Greek accents and final sigma', 'Αθήνα ΌΣΟΣ', 'αθηνα οσοσ'],
    ['Turkish dotted and dotless i', 'İstanbul ıstanbul ISTANBUL', 'istanbul istanbul istanbul'],
    ['German ß', 'Straße STRASSE straße', 'strasse strasse strasse'],
    ['Latin diacritics, precomposed and combining', 'Zürich Zu\u0308rich Đà Nẵng', 'zurich zurich da nang'],
    ['ligatures and full-width forms (NFKC)', 'ﬁnal ＡＢＣ', 'final abc'],
    ['letters with strokes', 'Tromsø Łódź Æther', 'tromso lodz aether'],
  ])('%s', (_name, input, expected) => {
    expect(words(input)).toEqual(expected.split(' '));
  });

  it('splits CJK into one word per character, and leaves Hangul words whole', () => {
    expect(words('北京大学 東京タワー')).toEqual(['北', '京', '大', '学', '東', '京', 'タ', 'ワ', 'ー']);
    expect(words('서울 특별시')).toEqual(['서울', '특별시']);
  });

  it('keeps emoji out of words', () => {
    expect(words('Dorsk🙂 road 📍Halvik')).toEqual(['dorsk', 'road', 'halvik']);
  });
});

describe('foldText offsets', () => {
  /** The original code points a folded word comes from. */
  const originalOf = (text: string, word: string): string => {
    const folded = foldText(text);
    const token = tokenize(folded.text).find((t) => t.text === word);
    if (!token) throw new Error(`no word ${word}`);
    return Array.from(text).slice(folded.origin[token.start], folded.origin[token.end]).join('');
  };

  it.each([
    ['🙂🙂 Zu\u0308rich 🚧', 'zurich', 'Zu\u0308rich'],
    ['قال مُحَمَّدٌ، ثم', 'محمد', 'مُحَمَّدٌ'],
    ['the Straße is', 'strasse', 'Straße'],
    ['📍 İstanbul.', 'istanbul', 'İstanbul'],
    ['在北京。', '京', '京'],
    ['عـــربي', 'عربي', 'عـــربي'],
  ])('maps the word back to its original in %s', (text, word, original) => {
    expect(originalOf(text, word)).toBe(original);
  });

  it('has one origin per folded unit and ends at the code-point length', () => {
    const text = 'a🙂ß北';
    const folded = foldText(text);
    expect(folded.origin.length).toBe(folded.text.length + 1);
    expect(folded.origin[folded.text.length]).toBe(Array.from(text).length);
  });
});
