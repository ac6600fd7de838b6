// Builds the agreement report from plain data: analysts, reports with their lengths, spans as
// columns in code points, relation and event-role keys, attribute values. Pure (the store is
// read in corpus.ts), so the bench and the tests time and check the same code the app runs. The
// spans are swept once (sweep.ts); every figure is a sum of the parts that pass yields.
import type { AgreementReportData, SpanFiguresData } from '../../../shared/schemas/agreement';
import { combineUnitized, kappaFromCounts, keyF1, krippendorffAlpha, layerPairs, observedDisagreement, ratio, type ValueLevel } from './metrics';
import { sortIntoBlocks, type SpanColumns } from './span-table';
import { Field, pairFields, sweep, type ReportParts } from './sweep';

/** A relation or an event role: its key names the report, both spans and the type (or role). */
export interface Tuple {
  layer: string;
  type: string;
  key: string;
}

export interface AgreementInput {
  analysts: { id: string; name: string }[];
  reports: { documentId: string; title: string; length: number }[];
  labels: string[];
  /** Spans of the labels in scope by the analysts compared (indexes into the three lists above); offsets in code points. */
  spans: SpanColumns;
  relations: Tuple[];
  eventRoles: Tuple[];
  /** A value an analyst gave an attribute of one of their spans; key names the span (report, offsets, label). */
  values: { layer: string; label: string; key: string; attribute: string; level: ValueLevel; order?: string[]; value: string | number }[];
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

/** One label's parts over a set of reports, per pair and for all analysts. */
interface LabelPartial {
  pairs: { parts: Float64Array; kappa: number | null; observed: number; expected: number }[];
  all: { observed: number; expected: number; analysts: number };
}

/**
 * A label's partial from its pairs' parts (pairFields numbers per pair) over reports of the given
 * length; pairExpected null where only all analysts together are shown (a report's row).
 */
function labelPartial(analysts: number, parts: Float64Array, pairExpected: Float64Array | null, allExpected: number, length: number): LabelPartial {
  let allDistance = 0;
  const pairs = layerPairs(Array.from({ length: analysts }, (_, i) => i)).map((_, p) => {
    const row = parts.subarray(p * pairFields, (p + 1) * pairFields);
    allDistance += row[Field.Distance]!;
    return {
      parts: row,
      kappa: kappaFromCounts(length, row[Field.CoverA]!, row[Field.CoverB]!, row[Field.Both]!).value,
      observed: observedDisagreement(row[Field.Distance]!, 2, length),
      expected: pairExpected ? pairExpected[p]! : 0,
    };
  });
  return { pairs, all: { observed: observedDisagreement(allDistance, analysts, length), expected: allExpected, analysts } };
}

/** The four span measures over several labels' partials (one scope of reports). */
function figuresOf(ids: readonly string[], partials: readonly LabelPartial[]): Figures {
  const pairs = layerPairs(ids).map(([a, b], index) => {
    const sum = new Float64Array(pairFields);
    for (const partial of partials) {
      const row = partial.pairs[index]!.parts;
      for (let f = 0; f < pairFields; f += 1) sum[f] = sum[f]! + row[f]!;
    }
    return {
      a,
      b,
      figures: {
        exactF1: ratio(2 * sum[Field.Matched]!, sum[Field.DistinctA]! + sum[Field.DistinctB]!),
        overlapF1: ratio(sum[Field.Overlapping]!, sum[Field.CountA]! + sum[Field.CountB]!),
        charKappa: mean(partials.map((p) => p.pairs[index]!.kappa)),
        alphaU: combineUnitized(partials.map((p) => ({ observed: p.pairs[index]!.observed, expected: p.pairs[index]!.expected, analysts: 2 }))),
      },
      spansA: sum[Field.DistinctA]!,
      spansB: sum[Field.DistinctB]!,
      matched: sum[Field.Matched]!,
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

function tupleFigures(analystIds: readonly string[], tuples: readonly Tuple[]): Omit<Report['relations'], 'types'> {
  const byLayer = groupBy(tuples, (t) => t.layer);
  const keysOf = (id: string): string[] => (byLayer.get(id) ?? []).map((t) => t.key);
  const pairs = layerPairs(analystIds).map(([a, b]) => {
    const result = keyF1(keysOf(a), keysOf(b));
    return { a, b, f1: result.value, matched: result.matched };
  });
  const counts = Object.fromEntries(analystIds.map((id) => [id, new Set(keysOf(id)).size]));
  return { f1: mean(pairs.map((p) => p.f1)), counts, pairs };
}

/** Exact-match agreement of relations (or event roles) over all types, and per type (or role). */
function tupleAgreement(analystIds: readonly string[], tuples: readonly Tuple[]): Report['relations'] {
  const types = [...groupBy(tuples, (t) => t.type)]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([type, list]) => ({ type, ...tupleFigures(analystIds, list) }));
  return { ...tupleFigures(analystIds, tuples), types };
}

/** Krippendorff's α per attribute over the spans every compared analyst made alike. */
function attributeAgreement(analystIds: readonly string[], values: AgreementInput['values']): Report['attributes'] {
  const byAttribute = groupBy(values, (v) => `${v.label}\u0000${v.attribute}`);
  const results: Report['attributes'] = [];
  for (const list of byAttribute.values()) {
    const first = list[0]!;
    const units = new Map<string, Map<string, string | number>>();
    for (const v of list) {
      let unit = units.get(v.key);
      if (!unit) units.set(v.key, (unit = new Map()));
      unit.set(v.layer, v.value);
    }
    const matrix = [...units.values()].map((unit) => analystIds.map((id) => unit.get(id) ?? null));
    const alpha = krippendorffAlpha(matrix, first.level, first.order);
    results.push({
      label: first.label,
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
  const A = ids.length;
  const L = input.labels.length;
  const lengths = input.reports.map((r) => r.length);
  const perReport: Report['perReport'] = [];
  const swept = sweep(sortIntoBlocks(input.spans, input.reports.length, L, A), { analysts: A, labels: L, lengths }, (parts) =>
    perReport.push(reportRow(ids, L, parts, input.reports[parts.report]!)),
  );
  const P = swept.pairs;
  const totalLength = lengths.reduce((sum, length) => sum + length, 0);
  const labelParts = (parts: Float64Array, l: number): Float64Array => parts.subarray(l * P * pairFields, (l + 1) * P * pairFields);

  const corpusPartials = input.labels.map((_, l) =>
    labelPartial(A, labelParts(swept.corpusPairs, l), swept.corpusPairExpected.subarray(l * P, (l + 1) * P), swept.corpusExpected[l]!, totalLength),
  );
  const labels = input.labels.map((label, l) => {
    const figures = figuresOf(ids, [corpusPartials[l]!]);
    const spans = Object.fromEntries(ids.map((id, a) => [id, swept.distinct[l * A + a]!]));
    return { label, spans, all: figures.all, pairs: figures.pairs };
  });
  const corpus = figuresOf(ids, corpusPartials);

  const analysts = input.analysts.map((analyst) => ({
    id: analyst.id,
    name: analyst.name,
    spans: perReport.reduce((sum, row) => sum + row.spans[analyst.id]!, 0),
    untouched: perReport.filter((row) => row.spans[analyst.id] === 0).map((row) => ({ documentId: row.documentId, title: row.title })),
  }));

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

/** One report's row: spans per analyst, disagreements, and all analysts' figures over its labels. */
function reportRow(ids: readonly string[], L: number, parts: ReportParts, report: AgreementInput['reports'][number]): Report['perReport'][number] {
  const P = (ids.length * (ids.length - 1)) / 2;
  const partials = Array.from({ length: L }, (_, l) =>
    labelPartial(ids.length, parts.pairs.subarray(l * P * pairFields, (l + 1) * P * pairFields), null, parts.expected[l]!, report.length),
  );
  return {
    documentId: report.documentId,
    title: report.title,
    spans: Object.fromEntries(ids.map((id, a) => [id, parts.spans[a]!])),
    all: figuresOf(ids, partials).all,
    disagreements: parts.disagreements,
  };
}
