// The one-pass sweep (span columns sorted into blocks, every figure from additive parts) against
// the reference measures, each computed on its own from the spans: the same numbers, exactly,
// on random layers with overlapping, repeated, empty and out-of-range spans and untouched reports.
import { describe, expect, it } from 'vitest';
import { agreementFigures, type AgreementInput } from '../../electron/services/agreement/figures';
import { alphaUnitized, charKappa, exactF1, overlapF1, spanKey, type Span } from '../../electron/services/agreement/metrics';
import { SpanColumnsBuilder, sortIntoBlocks } from '../../electron/services/agreement/span-table';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const analysts = ['ann', 'bob', 'cy'];
const labels = ['Claim', 'Source'];

function randomCorpus(seed: number): { input: AgreementInput; spans: Span[]; lengths: Map<string, number> } {
  const next = random(seed);
  const reports = Array.from({ length: 6 }, (_, r) => ({ documentId: `r${r}`, title: `Report ${r}`, length: 40 + Math.floor(next() * 400) }));
  const spans: Span[] = [];
  for (const report of reports) {
    const base = Array.from({ length: 12 }, () => {
      const start = Math.floor(next() * report.length);
      return { start, end: start + Math.floor(next() * 30), label: labels[Math.floor(next() * labels.length)]! };
    });
    for (const layer of analysts) {
      // Bob never opens report r5; the others keep, shift, repeat or drop each base span.
      if (layer === 'bob' && report.documentId === 'r5') continue;
      for (const span of base) {
        const roll = next();
        if (roll < 0.15) continue;
        const shift = roll < 0.7 ? 0 : Math.floor(next() * 7) - 3;
        const copy = { layer, documentId: report.documentId, start: Math.max(0, span.start + shift), end: span.end + shift + (roll > 0.95 ? 20 : 0), label: span.label };
        spans.push(copy);
        if (roll > 0.9) spans.push({ ...copy });
      }
    }
  }
  const builder = new SpanColumnsBuilder(4);
  for (const s of spans) {
    builder.push(Number(s.documentId.slice(1)), labels.indexOf(s.label), analysts.indexOf(s.layer), s.start, s.end);
  }
  const input: AgreementInput = {
    analysts: analysts.map((id) => ({ id, name: id })),
    reports,
    labels,
    spans: builder.build(),
    relations: [],
    eventRoles: [],
    values: [],
  };
  return { input, spans, lengths: new Map(reports.map((r) => [r.documentId, r.length])) };
}

describe('the one-pass sweep equals the measures computed one by one', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`random layers, seed ${seed}: every label, pair and report`, () => {
      const { input, spans, lengths } = randomCorpus(seed);
      const report = agreementFigures(input);
      for (const label of report.labels) {
        const ofLabel = spans.filter((s) => s.label === label.label);
        const layer = (id: string) => ofLabel.filter((s) => s.layer === id);
        for (const pair of label.pairs) {
          expect(pair.figures.exactF1).toBe(exactF1(layer(pair.a), layer(pair.b)).value);
          expect(pair.figures.overlapF1).toBe(overlapF1(layer(pair.a), layer(pair.b)).value);
          expect(pair.figures.charKappa).toBe(charKappa(layer(pair.a), layer(pair.b), lengths).value);
          expect(pair.figures.alphaU).toBe(alphaUnitized([layer(pair.a), layer(pair.b)], lengths).value);
        }
        expect(label.all.alphaU).toBe(alphaUnitized(analysts.map(layer), lengths).value);
        expect(label.spans).toEqual(Object.fromEntries(analysts.map((id) => [id, new Set(layer(id).map(spanKey)).size])));
      }
      for (const row of report.perReport) {
        const here = spans.filter((s) => s.documentId === row.documentId);
        const makers = new Map<string, Set<string>>();
        for (const s of here) makers.set(spanKey(s), (makers.get(spanKey(s)) ?? new Set()).add(s.layer));
        expect(row.disagreements).toBe([...makers.values()].filter((m) => m.size < analysts.length).length);
        expect(row.spans).toEqual(Object.fromEntries(analysts.map((id) => [id, here.filter((s) => s.layer === id).length])));
      }
      expect(report.analysts.find((a) => a.id === 'bob')!.untouched).toEqual([{ documentId: 'r5', title: 'Report 5' }]);
    });
  }

  it('sorts each block by start then end, small blocks and large alike', () => {
    for (const size of [5, 300]) {
      const next = random(size);
      const builder = new SpanColumnsBuilder(1);
      for (let i = 0; i < size; i += 1) builder.push(0, 0, 0, Math.floor(next() * 50), Math.floor(next() * 50));
      const sorted = sortIntoBlocks(builder.build(), 1, 1, 1);
      for (let i = 1; i < size; i += 1) {
        const order = sorted.start[i - 1]! - sorted.start[i]! || sorted.end[i - 1]! - sorted.end[i]!;
        expect(order).toBeLessThanOrEqual(0);
      }
    }
  });
});
