// The agreement measures against the worked examples of Krippendorff's publications, and the
// edge cases that make scores untrustworthy elsewhere (perfect, none, untouched reports).
import { describe, expect, it } from 'vitest';
import {
  alphaUnitized,
  charKappa,
  combineUnitized,
  exactF1,
  keyF1,
  krippendorffAlpha,
  overlapF1,
  type Span,
} from '../../electron/services/agreement/metrics';

function span(layer: string, start: number, end: number, label = 'Claim', documentId = 'r1'): Span {
  return { layer, documentId, start, end, label };
}
/** A unit given as (begin, length), as Krippendorff's tables write them. */
function unit(layer: string, begin: number, length: number, label: string): Span {
  return span(layer, begin, begin + length, label);
}

describe("Krippendorff's α for values (Krippendorff 2011, Computing Krippendorff's Alpha-Reliability)", () => {
  // §"C. Nominal data, any number of observers, missing data": 4 observers × 12 units, values
  // 1–5; the paper gives α = 0.743 nominal, 0.815 ordinal, 0.849 interval.
  const observers = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];
  const units = observers[0]!.map((_, u) => observers.map((o) => o[u]!));

  it('nominal α = 0.743, with the lone value of unit 12 not pairable', () => {
    const result = krippendorffAlpha(units, 'nominal');
    expect(result.value).toBeCloseTo(0.743, 3);
    expect(result.pairable).toBe(11);
  });
  it('ordinal α = 0.815', () => {
    expect(krippendorffAlpha(units, 'ordinal').value).toBeCloseTo(0.815, 3);
  });
  it('interval α = 0.849', () => {
    expect(krippendorffAlpha(units, 'interval').value).toBeCloseTo(0.849, 3);
  });
  it('ordinal by a named order (confidence low < medium < high) equals the numeric ranks', () => {
    const names = ['', 'low', 'medium', 'high', 'very high', 'certain'];
    const named = units.map((u) => u.map((v) => (v === null ? null : names[v]!)));
    const ranked = krippendorffAlpha(named, 'ordinal', names.slice(1)).value;
    expect(ranked).toBeCloseTo(0.815, 3);
  });
  it('the Wikipedia computational example (3 coders, 15 units, missing values): nominal α = 0.691', () => {
    const rows = [
      [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
      [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
      [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
    ];
    const wiki = rows[0]!.map((_, u) => rows.map((r) => r[u]!));
    expect(krippendorffAlpha(wiki, 'nominal').value).toBeCloseTo(0.691, 3);
  });
  it('perfect agreement is 1; no pairable values give null, not 1', () => {
    expect(krippendorffAlpha([['a', 'a'], ['b', 'b']], 'nominal').value).toBe(1);
    expect(krippendorffAlpha([['a', null], [null, 'b']], 'nominal').value).toBeNull();
    // One value everywhere: no expected disagreement, so α is undefined (null), not 1.0.
    expect(krippendorffAlpha([['a', 'a'], ['a', 'a']], 'nominal').value).toBeNull();
  });
});

describe('Krippendorff unitized alpha αu', () => {
  // Krippendorff (2004) Content Analysis, 2nd ed., p. 254: observers i and j on a continuum of
  // 300 (150–450, shifted here to 0–300), categories c and k. Expected (as the book computes
  // them, and DKPro Statistics' Krippendorff2004Test checks): c: D_o = 0.0144,
  // D_e = 0.0532, αu = 0.7286; k: D_o = 0, D_e = 0.0490, αu = 1; both: αu = 0.8591.
  const at = (begin: number): number => begin - 150;
  const book = [
    unit('i', at(225), 70, 'c'),
    unit('i', at(370), 30, 'c'),
    unit('j', at(220), 80, 'c'),
    unit('j', at(355), 20, 'c'),
    unit('j', at(400), 20, 'c'),
    unit('i', at(180), 60, 'k'),
    unit('i', at(300), 50, 'k'),
    unit('j', at(180), 60, 'k'),
    unit('j', at(300), 50, 'k'),
  ];
  const lengths = new Map([['r1', 300]]);
  const of = (label: string, layer: string): Span[] => book.filter((s) => s.label === label && s.layer === layer);

  it('category c: D_o = 0.0144, D_e = 0.0532, αu = 0.7286', () => {
    const c = alphaUnitized([of('c', 'i'), of('c', 'j')], lengths);
    expect(c.observed).toBeCloseTo(0.0144, 4);
    expect(c.expected).toBeCloseTo(0.0532, 4);
    expect(c.value).toBeCloseTo(0.7286, 4);
  });
  it('category k: D_o = 0, D_e = 0.0490, αu = 1; both categories αu = 0.8591', () => {
    const k = alphaUnitized([of('k', 'i'), of('k', 'j')], lengths);
    expect(k.observed).toBe(0);
    expect(k.expected).toBeCloseTo(0.049, 4);
    expect(k.value).toBe(1);
    const c = alphaUnitized([of('c', 'i'), of('c', 'j')], lengths);
    expect(combineUnitized([c, k])).toBeCloseTo(0.8591, 3);
  });

  // Krippendorff (1995) "On the reliability of unitizing continuous data", p. 57: four pairs of
  // coders (A–D) on 24 positions. Observed disagreement (scale-free): A 0.03125, B 2.26736,
  // C 0.02777, D 0.38715; stretched to 1,200,000 positions the expected disagreements are
  // A 0.0699, B 1.1773, C 0.0864, D 0.4145 and αu A 0.553, B −0.926, C 0.679, D 0.066 (the
  // values DKPro Statistics' Krippendorff1995Test checks, within 0.005 and 0.02).
  const table: Record<string, [number, number, 0 | 1][]> = {
    A: [[2, 8, 0], [14, 6, 0], [4, 4, 1], [15, 2, 1]],
    B: [[0, 18, 0], [0, 2, 1], [2, 1, 1], [3, 1, 1], [4, 1, 1], [5, 1, 1], [6, 3, 1], [9, 1, 1]],
    C: [[2, 6, 0], [10, 2, 0], [14, 4, 0], [20, 2, 0], [0, 2, 1], [4, 4, 1], [10, 4, 1], [16, 2, 1], [20, 2, 1]],
    D: [[0, 2, 0], [2, 8, 0], [10, 4, 0], [14, 6, 0], [20, 4, 0], [0, 4, 1], [4, 4, 1], [8, 7, 1], [15, 2, 1], [17, 7, 1]],
  };
  function study(label: string, stretch: number): UnitizedInput {
    const layers: Span[][] = [[], []];
    for (const [begin, length, coder] of table[label]!) {
      layers[coder]!.push(unit(String(coder), begin * stretch, length * stretch, label));
    }
    return { layers, lengths: new Map([['r1', 24 * stretch]]) };
  }
  type UnitizedInput = { layers: Span[][]; lengths: Map<string, number> };
  const expected = {
    A: { observed: 0.03125, expected: 0.0699, alpha: 0.553 },
    B: { observed: 2.26736, expected: 1.17731, alpha: -0.926 },
    C: { observed: 0.02777, expected: 0.08642, alpha: 0.679 },
    D: { observed: 0.38715, expected: 0.41445, alpha: 0.066 },
  };
  for (const [label, want] of Object.entries(expected)) {
    it(`pair ${label}: D_o = ${want.observed}, D_e ≈ ${want.expected}, αu ≈ ${want.alpha}`, () => {
      const small = study(label, 1);
      // The paper truncates (C: 1/36 = 0.027777… is printed 0.02777): within 0.00001.
      expect(Math.abs(alphaUnitized(small.layers, small.lengths).observed - want.observed)).toBeLessThan(1e-5);
      const large = study(label, 50_000);
      const result = alphaUnitized(large.layers, large.lengths);
      expect(Math.abs(result.observed - want.observed)).toBeLessThan(1e-5);
      expect(Math.abs(result.expected - want.expected)).toBeLessThan(0.005);
      expect(Math.abs(result.value! - want.alpha)).toBeLessThan(0.02);
    });
  }

  it('perfect agreement is 1; no spans at all is null (nothing to agree on), never 1', () => {
    const lengths = new Map([['r1', 100], ['r2', 80]]);
    const a = [span('A', 10, 20), span('A', 5, 30, 'Claim', 'r2')];
    const b = a.map((s) => ({ ...s, layer: 'B' }));
    expect(alphaUnitized([a, b], lengths).value).toBe(1);
    expect(alphaUnitized([[], []], lengths).value).toBeNull();
  });
  it('an analyst who left a report untouched disagrees there: the report is not dropped', () => {
    const lengths = new Map([['r1', 100], ['r2', 100]]);
    const a = [span('A', 10, 20), span('A', 10, 20, 'Claim', 'r2')];
    const b = [span('B', 10, 20)];
    const both = alphaUnitized([a, b], lengths);
    const r1Only = alphaUnitized([a.slice(0, 1), b], new Map([['r1', 100]]));
    expect(r1Only.value).toBe(1);
    expect(both.value!).toBeLessThan(1);
    expect(both.length).toBe(200);
  });
  it('three analysts: all agreeing give 1, one dissenting lowers it', () => {
    const lengths = new Map([['r1', 100]]);
    const same = ['A', 'B', 'C'].map((layer) => [span(layer, 10, 20), span(layer, 40, 60)]);
    expect(alphaUnitized(same, lengths).value).toBe(1);
    const dissent = [...same.slice(0, 2), [span('C', 70, 90)]];
    expect(alphaUnitized(dissent, lengths).value!).toBeLessThan(0.5);
  });
});

describe('exactF1, overlapF1, charKappa', () => {
  const lengths = new Map([['r1', 100], ['r2', 50]]);
  const a = [span('A', 0, 10), span('A', 20, 30), span('A', 40, 50, 'Source'), span('A', 0, 5, 'Claim', 'r2')];

  it('perfect agreement: every measure is 1', () => {
    const b = a.map((s) => ({ ...s, layer: 'B' }));
    expect(exactF1(a, b).value).toBe(1);
    expect(overlapF1(a, b).value).toBe(1);
    const claims = (spans: Span[]): Span[] => spans.filter((s) => s.label === 'Claim');
    expect(charKappa(claims(a), claims(b), lengths).value).toBe(1);
  });

  it('total disagreement: F1s are 0 and κ is below 0', () => {
    const b = [span('B', 60, 70), span('B', 80, 90), span('B', 10, 20, 'Claim', 'r2')];
    const claims = a.filter((s) => s.label === 'Claim');
    expect(exactF1(claims, b).value).toBe(0);
    expect(overlapF1(claims, b).value).toBe(0);
    expect(charKappa(claims, b, lengths).value!).toBeLessThan(0);
  });

  it('exactF1 counts (report, start, end, label) matches; overlapF1 counts overlaps of the same label', () => {
    // B: one exact match, one shifted span (overlapping), a span of another label at the same place.
    const b = [span('B', 0, 10), span('B', 22, 35), span('B', 40, 50, 'Claim')];
    const f1 = exactF1(a, b);
    expect(f1).toEqual({ value: (2 * 1) / (4 + 3), a: 4, b: 3, matched: 1 });
    const overlap = overlapF1(a, b);
    // A: [0,10) and [20,30) overlap B's claims; Source [40,50) has no Source in B; r2 has none of B.
    expect(overlap.aOverlapping).toBe(2);
    // B: [0,10), [22,35) overlap A's claims; Claim [40,50) overlaps no Claim of A.
    expect(overlap.bOverlapping).toBe(2);
    expect(overlap.value).toBeCloseTo(4 / 7, 10);
  });

  it('overlapF1 finds an overlap behind a long earlier span (prefix maximum of ends)', () => {
    const b = [span('B', 0, 90), span('B', 5, 6)];
    expect(overlapF1([span('A', 80, 85)], b).aOverlapping).toBe(1);
    expect(overlapF1([span('A', 90, 95)], b).aOverlapping).toBe(0);
  });

  it('charKappa pools positions over reports and merges an analyst’s overlapping spans', () => {
    const one = new Map([['r1', 10]]);
    // A covers 0–6 (two overlapping spans), B covers 2–6: table both 4, A only 2, neither 4.
    const result = charKappa([span('A', 0, 4), span('A', 3, 6)], [span('B', 2, 6)], one);
    expect(result).toMatchObject({ positions: 10, a: 6, b: 4, both: 4 });
    // p_o = 0.8, p_e = 0.6·0.4 + 0.4·0.6 = 0.48, κ = 0.32 / 0.52.
    expect(result.value).toBeCloseTo(0.32 / 0.52, 10);
  });

  it('κ = 1 where chance agreement is 1 (neither analyst marked anything)', () => {
    expect(charKappa([], [], lengths).value).toBe(1);
  });

  it('exactF1 of nothing against nothing is null, not agreement', () => {
    expect(exactF1([], []).value).toBeNull();
  });

  it('relations as (report, from span, to span, type) keys', () => {
    const r = (from: string, to: string, type: string): string => `r1|${from}|${to}|${type}`;
    const result = keyF1([r('0-10', '20-30', 'attributed to'), r('0-10', '40-50', 'located in')], [
      r('0-10', '20-30', 'attributed to'),
    ]);
    expect(result.value).toBeCloseTo(2 / 3, 10);
  });
});
