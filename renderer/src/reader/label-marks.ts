// A glyph and a line pattern per label, so that labels differ by more than colour: the glyph
// marks where each annotation starts (also read by screen readers), and the pattern draws the
// underline in forced-colors mode, where the colour gradients are not painted.
import type { Label } from '../../../shared/schemas/schema';

export type LinePattern = 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy';

export interface LabelMark {
  glyph: string;
  pattern: LinePattern;
}

const glyphs = ['◆', '▲', '●', '■', '★', '✚', '⬟', '▼', '✱', '◐'];
const patterns: LinePattern[] = ['solid', 'double', 'dotted', 'dashed', 'wavy'];

/** Marks in schema order: the nth label gets the nth glyph and pattern (repeating past the lists). */
export function labelMarks(labels: Iterable<Pick<Label, 'id'>>): Map<string, LabelMark> {
  const marks = new Map<string, LabelMark>();
  let i = 0;
  for (const label of labels) {
    marks.set(label.id, { glyph: glyphs[i % glyphs.length]!, pattern: patterns[i % patterns.length]! });
    i++;
  }
  return marks;
}

const cache = new WeakMap<object, Map<string, LabelMark>>();

/** labelMarks, computed once per labels map (the reader passes the same map to every block). */
export function marksOf(labels: ReadonlyMap<string, Label>): Map<string, LabelMark> {
  let marks = cache.get(labels);
  if (!marks) cache.set(labels, (marks = labelMarks(labels.values())));
  return marks;
}

export const unknownMark: LabelMark = { glyph: '◇', pattern: 'solid' };
