// The Link dialog's order of targets: Enter takes the first row, so a wrong first row is a wrong link.
import { describe, expect, it } from 'vitest';
import { contextOf, gap, matchQuality, rankTargets, sentenceAround, type TargetCandidate } from '../../../renderer/src/reader/link-targets';

// Two paragraphs of a wire story: "rebel" appears in an earlier span and in the claim's own source.
const paragraphs = [
  'Rebel commanders said they had seized Dorsk. The governor denied it.',
  'The rebel Northern Vell Front said its fighters had taken Saint Ilyan and were advancing on Halvik.',
];
const text = paragraphs.join('\n\n');
const second = paragraphs[0]!.length + 2;
const span = (quote: string, labelId: string, from = 0): TargetCandidate => {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(quote);
  return { id: `${labelId}:${quote}`, labelId, start, end: start + quote.length, quote };
};

const claim = span('its fighters had taken Saint Ilyan', 'claim');
const earlierSource = span('Rebel commanders', 'source');
const ownSource = span('The rebel Northern Vell Front', 'source');
const place = span('Saint Ilyan', 'location');
const paragraph = { start: second, end: text.length };
const context = (query: string, allowedLabels: readonly string[] | null = ['source']) => ({
  from: claim,
  sentence: sentenceAround(paragraphs[1]!, second, claim),
  paragraph,
  allowedLabels,
  query,
});

describe('matchQuality', () => {
  it('ranks the quote start over a word start over a hit inside a word', () => {
    expect(matchQuality('Rebel commanders', 'rebel')).toBe(3);
    expect(matchQuality('The rebel front', 'rebel')).toBe(2);
    expect(matchQuality('anti-rebels and rebels', 'rebel')).toBe(2);
    expect(matchQuality('Kestrava', 'stra')).toBe(1);
    expect(matchQuality('Kestrava', 'dorsk')).toBe(0);
    expect(matchQuality('anything', '  ')).toBe(3);
  });
});

describe('rankTargets', () => {
  it('puts the source in the claim’s own sentence first when its first word is typed (the wrong link of issue 14)', () => {
    const ranked = rankTargets([earlierSource, ownSource], context('rebel'));
    expect(ranked.map((r) => r.target.quote)).toEqual(['The rebel Northern Vell Front', 'Rebel commanders']);
    expect(ranked[0]!.nearness).toBe(0);
  });

  it('with nothing typed, lists the nearest first', () => {
    const ranked = rankTargets([earlierSource, ownSource], context(''));
    expect(ranked[0]!.target).toBe(ownSource);
  });

  it('puts the labels the relation allows before the others', () => {
    const ranked = rankTargets([place, earlierSource], context('', ['source']));
    expect(ranked.map((r) => r.target.labelId)).toEqual(['source', 'location']);
    expect(rankTargets([earlierSource, place], context('', ['location']))[0]!.target).toBe(place);
  });

  it('puts word-start matches before matches inside a word, even far away', () => {
    const inside = { ...span('Vell Front', 'source'), quote: 'Vell Front', id: 'x' };
    const far = { id: 'far', labelId: 'source', start: 0, end: 5, quote: 'Front office' };
    const ranked = rankTargets([{ ...inside, quote: 'Confront' }, far], context('front'));
    expect(ranked.map((r) => r.target.id)).toEqual(['far', 'x']);
  });

  it('drops what does not match and never offers the source itself', () => {
    const ranked = rankTargets([claim, earlierSource, ownSource], context('governor', null));
    expect(ranked).toEqual([]);
  });
});

describe('sentenceAround and gap', () => {
  it('finds the sentence holding a span, within its paragraph', () => {
    const p = paragraphs[0]!;
    const denied = { start: p.indexOf('governor'), end: p.indexOf('governor') + 8 };
    expect(p.slice(...Object.values(sentenceAround(p, 0, denied)) as [number, number])).toBe('The governor denied it.');
    const first = sentenceAround(p, 0, { start: 0, end: 5 });
    expect(p.slice(first.start, first.end)).toBe('Rebel commanders said they had seized Dorsk.');
  });

  it('measures the characters between spans, 0 when they overlap', () => {
    expect(gap({ start: 0, end: 5 }, { start: 8, end: 9 })).toBe(3);
    expect(gap({ start: 8, end: 9 }, { start: 0, end: 5 })).toBe(3);
    expect(gap({ start: 0, end: 5 }, { start: 3, end: 9 })).toBe(0);
  });
});

describe('contextOf', () => {
  it('shows whole words around the quote, with an ellipsis where the paragraph goes on', () => {
    const slice = (s: number, e: number) => text.slice(s, e);
    const c = contextOf(slice, place, paragraph, 20);
    expect(c.before).toBe('…fighters had taken ');
    expect(c.after).toBe(' and were advancing…');
  });
});
