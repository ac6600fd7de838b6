// Builds the agreement report from plain data: analysts, reports with their lengths, spans in
// code points, relation and event-role keys, attribute values. Pure (the store is read in
// agreement.ts), so the bench and the tests time and check the same code the app runs.
import type { AgreementReportData, SpanFiguresData } from '../../../shared/schemas/agreement';
import { buildCells, type Cells, type PairCell } from './cells';
import {
  combineUnitized,
  expectedDisagreement,
  kappaFromCounts,
  keyF1,
  krippendorffAlpha,
  layerPairs,
  observedDisagreement,
  ratio,
  spanKey,
  type Span,
  type ValueLevel,
} from './metrics';

export interface AgreementInput {
  analysts: { id: string; name: string }[];
  reports: { documentId: string; title: string; length: number }[];
  labels: string[];
  /** Spans of the labels in scope; layer = analyst id; offsets in code points. */
  spans: Span[];
  /** (report, from span, to span, type) keys by analyst id. */
  relations: { layer: string; key: string }[];
  /** (report, event trigger span, argument span, role) keys by analyst id. */
  eventRoles: { layer: string; key: string }[];
  /** A value an analyst gave an attribute of one of their spans. */
  values: { layer: string; span: Span; attribute: string; level: ValueLevel; order?: string[]; value: string | number }[];
}

type Report = AgreementReportData;

function mean(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return present.length === 0 ? null : present.reduce((s, v) => s + v, 0) / present.length;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(item);
  }
  return groups;
}

interface Figures {
  all: SpanFiguresData;
  pairs: Report['corpus']['pairs'];
}

/** One label's sums over a set of reports, per pair and for all analysts. */
interface LabelPartial {
  pairs: (PairCell & { kappa: number | null; observed: number; expected: number })[];
  all: { observed: number; expected: number; analysts: number };
}

function addCell(sum: PairCell, cell: PairCell): void {
  sum.distinctA += cell.distinctA;
  sum.distinctB += cell.distinctB;
  sum.matched += cell.matched;
  sum.countA += cell.countA;
  sum.countB += cell.countB;
  sum.overlapping += cell.overlapping;
  sum.coverA += cell.coverA;
  sum.coverB += cell.coverB;
  sum.both += cell.both;
  sum.distance += cell.distance;
}

function emptyPairCell(): PairCell {
  return { distinctA: 0, distinctB: 0, matched: 0, countA: 0, countB: 0, overlapping: 0, coverA: 0, coverB: 0, both: 0, distance: 0 };
}

/** withPairAlpha false skips each pair's expected disagreement (a report's row shows all analysts only). */
function labelPartial(
  ids: readonly string[],
  cells: Cells,
  label: number,
  reports: readonly number[],
  length: number,
  withPairAlpha = true,
): LabelPartial {
  const own = cells.layer[label]!.map((perReport) => ({
    units: reports.map((r) => perReport[r]!.units),
    gaps: reports.map((r) => perReport[r]!.gaps),
  }));
  const pairCells = cells.pair[label]!;
  let allDistance = 0;
  const pairs = layerPairs(ids.map((_, i) => i)).map(([a, b], index) => {
    const sum = emptyPairCell();
    const perReport = pairCells[index]!;
    for (const r of reports) addCell(sum, perReport[r]!);
    allDistance += sum.distance;
    const x = own[a]!;
    const y = own[b]!;
    return Object.assign(sum, {
      kappa: kappaFromCounts(length, sum.coverA, sum.coverB, sum.both).value,
      observed: observedDisagreement(sum.distance, 2, length),
      expected: withPairAlpha ? expectedDisagreement([...x.units, ...y.units], [...x.gaps, ...y.gaps], 2, length) : 0,
    });
  });
  return {
    pairs,
    all: {
      observed: observedDisagreement(allDistance, ids.length, length),
      expected: expectedDisagreement(own.flatMap((o) => o.units), own.flatMap((o) => o.gaps), ids.length, length),
      analysts: ids.length,
    },
  };
}

/** The four span measures over several labels' partials (one scope of reports). */
function figuresOf(ids: readonly string[], partials: readonly LabelPartial[]): Figures {
  const pairs = layerPairs(ids).map(([a, b], index) => {
    const sum = emptyPairCell();
    for (const partial of partials) addCell(sum, partial.pairs[index]!);
    return {
      a,
      b,
      figures: {
        exactF1: ratio(2 * sum.matched, sum.distinctA + sum.distinctB),
        overlapF1: ratio(sum.overlapping, sum.countA + sum.countB),
        charKappa: mean(partials.map((p) => p.pairs[index]!.kappa)),
        alphaU: combineUnitized(partials.map((p) => ({ observed: p.pairs[index]!.observed, expected: p.pairs[index]!.expected, analysts: 2 }))),
      },
      spansA: sum.distinctA,
      spansB: sum.distinctB,
      matched: sum.matched,
    };
  });
  return {
    all: {
      exactF1: mean(pairs.map((p) => p.figures.exactF1)),
      overlapF1: mean(pairs.map((p) => p.figures.overlapF1)),
      charKappa: mean(pairs.map((p) => p.figures.charKappa)),
      alphaU: combineUnitized(partials.map((p) => p.all)),
    },
    pairs,
  };
}

function tupleAgreement(analystIds: readonly string[], tuples: AgreementInput['relations']): Report['relations'] {
  const byLayer = groupBy(tuples, (t) => t.layer);
  const keysOf = (id: string): string[] => (byLayer.get(id) ?? []).map((t) => t.key);
  const pairs = layerPairs(analystIds).map(([a, b]) => {
    const result = keyF1(keysOf(a), keysOf(b));
    return { a, b, f1: result.value, matched: result.matched };
  });
  const counts = Object.fromEntries(analystIds.map((id) => [id, new Set(keysOf(id)).size]));
  return { f1: mean(pairs.map((p) => p.f1)), counts, pairs };
}

/** Krippendorff's α per attribute over the spans every compared analyst made alike. */
function attributeAgreement(analystIds: readonly string[], values: AgreementInput['values']): Report['attributes'] {
  const byAttribute = groupBy(values, (v) => `${v.span.label}\u0000${v.attribute}`);
  const results: Report['attributes'] = [];
  for (const list of byAttribute.values()) {
    const first = list[0]!;
    const units = new Map<string, Map<string, string | number>>();
    for (const v of list) {
      const key = spanKey(v.span);
      let unit = units.get(key);
      if (!unit) units.set(key, (unit = new Map()));
      unit.set(v.layer, v.value);
    }
    const matrix = [...units.values()].map((unit) => analystIds.map((id) => unit.get(id) ?? null));
    const alpha = krippendorffAlpha(matrix, first.level, first.order);
    results.push({
      label: first.span.label,
      attribute: first.attribute,
      level: first.level,
      alpha: alpha.value,
      units: alpha.units,
      pairable: alpha.pairable,
    });
  }
  return results.sort((x, y) => x.label.localeCompare(y.label) || x.attribute.localeCompare(y.attribute));
}

export function agreementFigures(input: AgreementInput): Report {
  const ids = input.analysts.map((a) => a.id);
  const titles = new Map(input.reports.map((r) => [r.documentId, r.title]));
  const spansByLayer = groupBy(input.spans, (s) => s.layer);
  const cells = buildCells(ids, input.labels, input.reports, input.spans);
  const allReports = input.reports.map((_, r) => r);
  const totalLength = input.reports.reduce((sum, r) => sum + r.length, 0);

  const corpusPartials = input.labels.map((_, label) => labelPartial(ids, cells, label, allReports, totalLength));
  const labels = input.labels.map((label, index) => {
    const figures = figuresOf(ids, [corpusPartials[index]!]);
    const spans = Object.fromEntries(ids.map((id, a) => [id, cells.layer[index]![a]!.reduce((n, cell) => n + cell.keys.size, 0)]));
    return { label, spans, all: figures.all, pairs: figures.pairs };
  });
  const corpus = figuresOf(ids, corpusPartials);

  const spansByReport = groupBy(input.spans, (s) => s.documentId);
  const perReport = input.reports.map((report, r) => {
    const spans = spansByReport.get(report.documentId) ?? [];
    const byLayer = groupBy(spans, (s) => s.layer);
    const figures = figuresOf(ids, input.labels.map((_, label) => labelPartial(ids, cells, label, [r], report.length, false)));
    const makers = new Map<string, Set<string>>();
    for (const s of spans) {
      const key = spanKey(s);
      let set = makers.get(key);
      if (!set) makers.set(key, (set = new Set()));
      set.add(s.layer);
    }
    let disagreements = 0;
    for (const set of makers.values()) if (set.size < ids.length) disagreements += 1;
    return {
      documentId: report.documentId,
      title: report.title,
      spans: Object.fromEntries(ids.map((id) => [id, (byLayer.get(id) ?? []).length])),
      all: figures.all,
      disagreements,
    };
  });

  const analysts = input.analysts.map((analyst) => {
    const spans = spansByLayer.get(analyst.id) ?? [];
    const touched = new Set(spans.map((s) => s.documentId));
    return {
      id: analyst.id,
      name: analyst.name,
      spans: spans.length,
      untouched: input.reports
        .filter((r) => !touched.has(r.documentId))
        .map((r) => ({ documentId: r.documentId, title: titles.get(r.documentId) ?? '' })),
    };
  });

  return {
    analysts,
    reports: input.reports.length,
    labels,
    corpus,
    pairsCompared: layerPairs(ids).length,
    relations: tupleAgreement(ids, input.relations),
    eventRoles: tupleAgreement(ids, input.eventRoles),
    attributes: attributeAgreement(ids, input.values),
    perReport,
    offsetUnit: 'codepoint',
  };
}
