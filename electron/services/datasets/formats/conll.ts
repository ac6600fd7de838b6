// CoNLL-2003-style IOB2: one token per line, "TOKEN _ _ TAG" (the CoNLL-2003 columns word, POS,
// chunk, NER, with POS and chunk left as "_"), a blank line between sentences and
// "-DOCSTART- -X- -X- O" before each document.
//
// Tokenizer: each line of the text is a sentence. Within it, a token is a run of letters, marks,
// digits and connector punctuation; each Han, Hiragana or Katakana character (no word
// segmentation for Chinese or Japanese); an emoji with its skin-tone modifiers, variation
// selectors and ZWJ sequence; or any other single non-space character with its combining marks.
//
// Overlaps: IOB gives each token one tag, so overlapping spans cannot all be kept. The rule: spans
// sorted by start, then longest first, then the one made first; a span is kept when it
// overlaps no span kept before it.
// Dropped spans are counted and reported. A span covers the tokens it overlaps.
import type { DsAnnotation, DsDocument } from '../model';
import type { DatasetFormat } from './format';
import { asWritten, textExport } from './text-export';

const tokenPattern =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Emoji_Modifier}|\uFE0F|\u20E3|\u200D(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Emoji_Modifier}|\uFE0F)?|\p{Regional_Indicator})*|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}\p{Pc}])+|[^\s]\p{M}*/gu;

export interface Token {
  text: string;
  /** UTF-16 offsets. */
  start: number;
  end: number;
}

/** Sentences (lines) of tokens. */
export function tokenize(text: string): Token[][] {
  const sentences: Token[][] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const tokens: Token[] = [];
    for (const m of line.matchAll(tokenPattern)) tokens.push({ text: m[0], start: lineStart + m.index, end: lineStart + m.index + m[0].length });
    if (tokens.length > 0) sentences.push(tokens);
    lineStart += line.length + 1;
  }
  return sentences;
}

/** The spans IOB (and spaCy's ents) keep: no two overlap; earlier, then longer, wins. */
export function nonOverlapping<T extends { start: number; end: number }>(spans: readonly T[]): { kept: T[]; dropped: T[] } {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  const dropped: T[] = [];
  let reach = -1;
  for (const s of sorted) {
    if (s.start >= reach) {
      kept.push(s);
      reach = s.end;
    } else dropped.push(s);
  }
  return { kept, dropped };
}

const tagLabel = (label: string) => label.trim().replace(/\s+/g, '_');

/** The document as CoNLL lines, and how many spans the overlap rule dropped. */
function conllDocument(doc: DsDocument): { text: string; dropped: number } {
  const { kept, dropped } = nonOverlapping<DsAnnotation>(doc.annotations);
  const out: string[] = ['-DOCSTART- -X- -X- O', ''];
  let k = 0;
  let current: DsAnnotation | null = null;
  for (const sentence of tokenize(doc.text)) {
    for (const token of sentence) {
      while (k < kept.length && kept[k]!.end <= token.start) k++;
      const span = k < kept.length && kept[k]!.start < token.end ? kept[k]! : null;
      let tag = 'O';
      if (span) {
        tag = `${span === current ? 'I' : 'B'}-${tagLabel(span.label)}`;
        current = span;
      } else current = null;
      out.push(`${token.text} _ _ ${tag}`);
    }
    current = null;
    out.push('');
  }
  return { text: out.join('\n') + '\n', dropped: dropped.length };
}

/** Entities read back from CoNLL: per document, [label, first token index, last token index + 1]. */
export function readConll(text: string): { tokens: string[]; entities: [string, number, number][] }[] {
  const docs: { tokens: string[]; entities: [string, number, number][] }[] = [];
  let doc: (typeof docs)[0] | null = null;
  let open: [string, number, number] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      doc = { tokens: [], entities: [] };
      docs.push(doc);
      open = null;
      continue;
    }
    if (line === '' || !doc) {
      open = null;
      continue;
    }
    const parts = line.split(' ');
    const tag = parts[parts.length - 1]!;
    const index = doc.tokens.length;
    doc.tokens.push(parts[0]!);
    if (tag.startsWith('B-') || (tag.startsWith('I-') && (!open || open[0] !== tag.slice(2)))) {
      open = [tag.slice(2), index, index + 1];
      doc.entities.push(open);
    } else if (tag.startsWith('I-') && open) open[2] = index + 1;
    else open = null;
  }
  return docs;
}

export const conllFormat: DatasetFormat = {
  id: 'conll',
  ...textExport(function* (_ctx, docs, _unit, warnings) {
    let dropped = 0;
    let n = 0;
    for (const d of docs) {
      const out = conllDocument(d);
      dropped += out.dropped;
      yield { text: (n++ > 0 ? '\n' : '') + out.text, record: true };
    }
    if (dropped > 0) warnings.push(`${dropped} overlapping span${dropped === 1 ? ' was' : 's were'} left out of the IOB tags (the earlier, then longer, span is kept).`);
  }, asWritten),
};
