// Property: for random documents and random annotation sets, export then import in every
// format gives back the same annotations (with values and relations where the format keeps
// them); for IOB and spaCy's ents, the same non-overlapping entities.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { exportDataset } from '../../electron/services/datasets/export';
import { importAnnotations } from '../../electron/services/datasets/import';
import { nonOverlapping, readConll, tokenize } from '../../electron/services/datasets/formats/conll';
import { createRelation } from '../../electron/services/annotate/relations';
import type { AnnotationImportFormat, DatasetFormat } from '../../shared/schemas/datasets';
import { addText, openTestContext } from './helpers';
import { snapshot } from './formats-helpers';

// Pieces of text: words of several scripts, emoji sequences, combining marks, line breaks.
const pieces = ['Dorsk', 'قال', 'שלום', '多尔斯克', '𠀋', '👍🏽', '👨‍👩‍👧', '🇺🇦', 'e\u0301', 'Zoë', ' ', ' ', ' ', '\r\n', '\n', ',', '"', '\t', 'x'];
const textArb = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }).map((p) => p.join(''));

interface Case {
  text: string;
  spans: { a: number; b: number; label: 'claim' | 'source' | 'location' }[];
  relate: boolean;
}

const caseArb: fc.Arbitrary<Case> = textArb.chain((text) => {
  const points = Array.from(text).length;
  return fc.record({
    text: fc.constant(text),
    spans: fc.array(fc.record({ a: fc.nat(points), b: fc.nat(points), label: fc.constantFrom('claim' as const, 'source' as const, 'location' as const) }), { maxLength: 8 }),
    relate: fc.boolean(),
  });
});

/** Stores the case; spans become code-point ranges, skipping empty, blank and repeated ones. */
function seed(c: Case) {
  const t = openTestContext();
  const id = addText(t.ctx, `${c.text}.`, 'Random');
  const text = `${c.text}.`;
  const units: number[] = [0];
  for (const ch of text) units.push(units[units.length - 1]! + ch.length);
  const seen = new Set<string>();
  const made = [];
  for (const s of c.spans) {
    const [from, to] = [Math.min(s.a, s.b), Math.max(s.a, s.b)];
    const start = units[from]!;
    const end = units[to]!;
    if (end <= start || text.slice(start, end).trim() === '' || seen.has(`${s.label}${start}-${end}`)) continue;
    seen.add(`${s.label}${start}-${end}`);
    made.push(createAnnotation(t.ctx, { documentId: id, labelId: s.label, start, end }));
  }
  const claim = made.find((a) => a.labelId === 'claim');
  const source = made.find((a) => a.labelId === 'source');
  if (c.relate && claim && source) {
    createRelation(t.ctx, { typeId: 'attributed-to', fromId: claim.id, toId: source.id });
    setValues(t.ctx, claim.id, { status: 'corroborated' });
  }
  return { ...t, text, made };
}

const formats: [DatasetFormat, AnnotationImportFormat][] = [
  ['doccano', 'doccano'],
  ['jsonl', 'doccano'],
  ['labelstudio', 'labelstudio'],
  ['brat', 'brat'],
  ['w3c', 'w3c'],
  ['archive', 'archive'],
];

describe('round trip, property-based', () => {
  for (const [format, importFormat] of formats) {
    it(`${format}: export then import gives back the same annotations, values and relations`, async () => {
      await fc.assert(
        fc.asyncProperty(caseArb, fc.constantFrom('codepoint' as const, 'utf16' as const), async (c, unit) => {
          const a = seed(c);
          const out = path.join(a.dir, format === 'brat' ? 'brat' : `out.${format}`);
          exportDataset(a.ctx, { format, offsetUnit: unit }, out);
          const b = openTestContext();
          const report = await importAnnotations(b.ctx, importFormat, out);
          expect(report.unanchored).toEqual([]);
          const keep = { attributes: true, relations: true, notes: true };
          expect(snapshot(b.ctx, keep)).toEqual(snapshot(a.ctx, keep));
        }),
        { numRuns: 20 },
      );
    });
  }

  it('conll: the IOB tags read back as the non-overlapping spans, widened to whole tokens', async () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = seed(c);
        const out = path.join(a.dir, 'out.conll');
        exportDataset(a.ctx, { format: 'conll' }, out);
        const [doc] = readConll(fs.readFileSync(out, 'utf8'));
        const sentences = tokenize(a.text);
        const tokens = sentences.flatMap((sentence, n) => sentence.map((t) => ({ ...t, sentence: n })));
        expect(doc!.tokens).toEqual(tokens.map((t) => t.text));
        // Each token takes the first kept span it overlaps; an entity is a run of tokens of one
        // span within one sentence (IOB entities do not cross sentences).
        const { kept } = nonOverlapping(a.made);
        const name = (labelId: string) => labelId[0]!.toUpperCase() + labelId.slice(1);
        const merged: [string, number, number][] = [];
        let previous: { span: (typeof kept)[0] | undefined; sentence: number } = { span: undefined, sentence: -1 };
        tokens.forEach((t, i) => {
          const span = kept.find((s) => s.start < t.end && s.end > t.start);
          if (span && span === previous.span && t.sentence === previous.sentence) merged[merged.length - 1]![2] = i + 1;
          else if (span) merged.push([name(span.labelId), i, i + 1]);
          previous = { span, sentence: t.sentence };
        });
        expect(doc!.entities).toEqual(merged);
      }),
      { numRuns: 30 },
    );
  });

  it('spacy: spans are all the annotations and ents the non-overlapping ones, in code points', async () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = seed(c);
        const out = path.join(a.dir, 'out.spacy');
        exportDataset(a.ctx, { format: 'spacy' }, out);
        const line = JSON.parse(fs.readFileSync(out, 'utf8').trim()) as { text: string; spans: { sc: { start: number; end: number; text: string }[] }; ents: { start: number; end: number }[] };
        const points = Array.from(line.text);
        for (const s of line.spans.sc) expect(points.slice(s.start, s.end).join('')).toBe(s.text);
        expect(line.spans.sc).toHaveLength(a.made.length);
        expect(line.ents).toHaveLength(nonOverlapping(a.made).kept.length);
        for (let i = 1; i < line.ents.length; i++) expect(line.ents[i]!.start).toBeGreaterThanOrEqual(line.ents[i - 1]!.end);
      }),
      { numRuns: 30 },
    );
  });
});
