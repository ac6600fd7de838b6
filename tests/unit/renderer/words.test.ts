// Word boundaries: snapping a mouse selection to whole words and moving by word.
import { describe, expect, it } from 'vitest';
import { isWordChar, nextWord, previousWord, snapToWords, wordStartingWith } from '../../../renderer/src/reader/words';

const snapped = (text: string, start: number, end: number) => {
  const r = snapToWords(text, start, end);
  return text.slice(r.start, r.end);
};

describe('snapToWords', () => {
  const text = 'The mayor’s well-known claim: 12 dead.';

  it('widens a selection that starts and ends inside words', () => {
    expect(snapped(text, text.indexOf('ayor'), text.indexOf('ell') + 2)).toBe('mayor’s well-known');
  });

  it('trims white space and leaves punctuation outside', () => {
    expect(snapped(text, text.indexOf(' claim'), text.indexOf(':') + 2)).toBe('claim:');
    expect(snapped(text, text.indexOf('12') - 1, text.indexOf('dead') + 2)).toBe('12 dead');
  });

  it('does not keep a hyphen or apostrophe at the edges', () => {
    const t = "-'quoted'-";
    expect(snapped(t, 0, t.length)).toBe('quoted');
  });

  it('keeps emoji with their modifiers whole', () => {
    const t = 'hi 👍🏽 there';
    expect(snapped(t, 3, 5)).toBe('👍🏽');
  });

  it('returns an empty range for white space only', () => {
    const r = snapToWords('a   b', 1, 4);
    expect(r.end - r.start).toBe(0);
  });
});

describe('nextWord and previousWord', () => {
  const text = 'one, two  three';

  it('find the word at or after an offset', () => {
    expect(nextWord(text, 0)).toEqual({ start: 0, end: 3 });
    expect(nextWord(text, 3)).toEqual({ start: 5, end: 8 });
    expect(nextWord(text, text.length)).toBeNull();
  });

  it('find the word ending at or before an offset', () => {
    expect(previousWord(text, text.length)).toEqual({ start: 10, end: 15 });
    expect(previousWord(text, 9)).toEqual({ start: 5, end: 8 });
    expect(previousWord(text, 0)).toBeNull();
  });

  it('step over surrogate pairs whole', () => {
    const t = '𝔸𝔹 x';
    expect(nextWord(t, 0)).toEqual({ start: 0, end: 4 });
    expect(previousWord(t, 4)).toEqual({ start: 0, end: 4 });
  });
});

describe('isWordChar', () => {
  it('counts letters, digits and marks, not spaces or punctuation', () => {
    expect(['a', 'é', '7', 'ж', '_'].every(isWordChar)).toBe(true);
    expect([' ', ',', '.', '', '“'].some(isWordChar)).toBe(false);
  });
});

describe('wordStartingWith (type-ahead)', () => {
  const text = 'Rebels held Dorsk; the governor denied Dorsk had fallen. dorsky';
  it('finds the next word starting with what was typed, ignoring case, and wraps round', () => {
    const first = wordStartingWith(text, 'dor', 0)!;
    expect(text.slice(first.start, first.end)).toBe('Dorsk');
    const second = wordStartingWith(text, 'dor', first.end)!;
    expect(second.start).toBe(text.indexOf('Dorsk had'));
    const third = wordStartingWith(text, 'DOR', second.end)!;
    expect(text.slice(third.start, third.end)).toBe('dorsky');
    expect(wordStartingWith(text, 'dor', third.end)!.start).toBe(first.start);
  });

  it('never matches inside a word', () => {
    expect(wordStartingWith(text, 'overnor', 0)).toBeNull();
    expect(wordStartingWith(text, '', 0)).toBeNull();
  });
});

describe('wordStartingWith backwards', () => {
  const text = 'they said; They went; they came';
  it('finds the last word before the point that starts with what was typed, wrapping to the end', () => {
    expect(wordStartingWith(text, 'the', text.indexOf('They'), -1)!.start).toBe(0);
    expect(wordStartingWith(text, 'the', 0, -1)!.start).toBe(text.lastIndexOf('they'));
  });
});
