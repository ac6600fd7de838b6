// Which annotation a link most likely goes to. The Link dialog lists targets best first and
// Enter takes the first row, so the order decides what gets linked: first the labels the relation
// allows, then quotes where the typed text starts a word (a mid-word hit is usually chance), then
// the source's own sentence, its paragraph, the rest; nearer before farther within each.
// Pure: the text comes in as a function, so tests and the reader's windowed text both fit.

export interface Span {
  start: number;
  end: number;
}

export interface TargetCandidate extends Span {
  id: string;
  labelId: string;
  quote: string;
}

/** How well a quote matches what was typed: 0 not at all, 1 inside a word, 2 at a word's start, 3 at the quote's start. */
export type MatchQuality = 0 | 1 | 2 | 3;

export function matchQuality(quote: string, query: string): MatchQuality {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return 3;
  const text = quote.toLocaleLowerCase();
  let at = text.indexOf(q);
  if (at < 0) return 0;
  if (at === 0) return 3;
  let best: MatchQuality = 1;
  while (at >= 0) {
    if (!/[\p{L}\p{N}]/u.test(text.charAt(at - 1))) best = 2;
    at = text.indexOf(q, at + 1);
  }
  return best;
}

/** Where a span stands to the source: 0 same sentence, 1 same paragraph, 2 elsewhere. */
export type Nearness = 0 | 1 | 2;

export interface RankContext {
  from: Span & { id: string };
  /** The source's sentence and paragraph, in document offsets. */
  sentence: Span;
  paragraph: Span;
  /** The labels the relation type allows as targets; null allows every label. */
  allowedLabels: readonly string[] | null;
  query: string;
}

export interface RankedTarget<T extends TargetCandidate> {
  target: T;
  quality: MatchQuality;
  nearness: Nearness;
  distance: number;
}

const inside = (span: Span, outer: Span) => span.start >= outer.start && span.end <= outer.end;

/** Characters between two spans (0 when they touch or overlap). */
export function gap(a: Span, b: Span): number {
  return Math.max(0, b.start - a.end, a.start - b.end);
}

/** The candidates that match the query, best first; the source itself is never one. */
export function rankTargets<T extends TargetCandidate>(candidates: readonly T[], context: RankContext): RankedTarget<T>[] {
  const kind = (t: T) => (context.allowedLabels === null || context.allowedLabels.includes(t.labelId) ? 0 : 1);
  return candidates
    .filter((t) => t.id !== context.from.id)
    .map((target) => {
      const nearness: Nearness = inside(target, context.sentence) ? 0 : inside(target, context.paragraph) ? 1 : 2;
      return { target, quality: matchQuality(target.quote, context.query), nearness, distance: gap(context.from, target) };
    })
    .filter((r) => r.quality > 0)
    .sort(
      (a, b) =>
        kind(a.target) - kind(b.target) ||
        Number(a.quality === 1) - Number(b.quality === 1) ||
        a.nearness - b.nearness ||
        a.distance - b.distance ||
        a.target.start - b.target.start,
    );
}

/** Sentence ends: . ! ? … with closing quotes or brackets, before white space or the end. */
const sentenceEnd = /[.!?…]["”’)\]]*(?=\s|$)/g;

/** The sentence around [span.start, span.end) within its paragraph's text (which starts at `base`). */
export function sentenceAround(paragraph: string, base: number, span: Span): Span {
  let start = 0;
  let end = paragraph.length;
  for (const match of paragraph.matchAll(sentenceEnd)) {
    const stop = match.index + match[0].length;
    if (stop <= span.start - base) start = stop;
    else if (match.index >= span.end - base - 1) {
      end = stop;
      break;
    }
  }
  while (start < end && /\s/.test(paragraph.charAt(start))) start++;
  return { start: base + start, end: base + end };
}

/** A row's context: the words around the quote, cut at the paragraph, with the quote marked out. */
export function contextOf(text: (start: number, end: number) => string, target: Span, paragraph: Span, width = 40) {
  const from = Math.max(paragraph.start, target.start - width);
  const to = Math.min(paragraph.end, target.end + width);
  // A cut word at either end is dropped rather than shown in part.
  const before = from > paragraph.start ? text(from, target.start).replace(/^\S*\s/, '') : text(from, target.start);
  const after = to < paragraph.end ? text(target.end, to).replace(/\s\S*$/, '') : text(target.end, to);
  return { before: `${from > paragraph.start ? '…' : ''}${before}`, after: `${after}${to < paragraph.end ? '…' : ''}` };
}
