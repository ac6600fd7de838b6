// Shapes of agreement between analysts' layers and of curation into the gold layer.
// Figures are null where a measure is undefined (nothing to compare), never a made-up 1.
import { z } from 'zod';
import { Id, Offset } from './common';

const Figure = z.number().nullable();
const Count = z.number().int().nonnegative();
/** An analyst named by id or by name (the CLI takes names). */
const AnalystRef = z.string().min(1).max(200);

export const AgreementQuery = z
  .object({
    analysts: z.array(AnalystRef).max(50),
    /** Reports in scope; all reports of the library when absent. */
    documentIds: z.array(Id).max(100_000).optional(),
    /** Label names in scope; every span label when absent. */
    labels: z.array(z.string().min(1).max(200)).max(200).optional(),
  })
  .strict();

export const SpanFigures = z
  .object({ exactF1: Figure, overlapF1: Figure, charKappa: Figure, alphaU: Figure })
  .strict();

export const PairAgreement = z
  .object({
    a: Id,
    b: Id,
    figures: SpanFigures,
    /** Distinct spans of each and spans both have exactly. */
    spansA: Count,
    spansB: Count,
    matched: Count,
  })
  .strict();

export const LabelAgreement = z
  .object({
    label: z.string(),
    /** Spans of the label by analyst id. */
    spans: z.record(z.string(), Count),
    /** All analysts together: αu over all, the pairwise measures averaged over pairs. */
    all: SpanFigures,
    pairs: z.array(PairAgreement),
  })
  .strict();

const TupleFigures = z.object({
  /** Exact-match F1 averaged over pairs. */
  f1: Figure,
  counts: z.record(z.string(), Count),
  pairs: z.array(z.object({ a: Id, b: Id, f1: Figure, matched: Count }).strict()),
});

/** Relations (or event roles) of every type together, and per relation type (or role). */
export const TupleAgreement = TupleFigures.extend({
  types: z.array(TupleFigures.extend({ type: z.string() }).strict()),
}).strict();

export const AttributeAgreement = z
  .object({
    label: z.string(),
    attribute: z.string(),
    level: z.enum(['nominal', 'ordinal', 'interval']),
    alpha: Figure,
    /** Spans all compared analysts marked alike (the units), and those with ≥ 2 values. */
    units: Count,
    pairable: Count,
  })
  .strict();

export const ReportAgreement = z
  .object({
    documentId: Id,
    title: z.string(),
    spans: z.record(z.string(), Count),
    all: SpanFigures,
    /** Distinct spans not made by every analyst. */
    disagreements: Count,
  })
  .strict();

export const AgreementAnalyst = z
  .object({
    id: Id,
    name: z.string(),
    spans: Count,
    /** Reports in scope the analyst made no span in: counted in every figure (as no spans), listed here. */
    untouched: z.array(z.object({ documentId: Id, title: z.string() }).strict()),
  })
  .strict();

export const AgreementReport = z
  .object({
    analysts: z.array(AgreementAnalyst),
    reports: Count,
    labels: z.array(LabelAgreement),
    /** Every label in scope together. */
    corpus: z.object({ all: SpanFigures, pairs: z.array(PairAgreement) }).strict(),
    pairsCompared: Count,
    relations: TupleAgreement,
    eventRoles: TupleAgreement,
    attributes: z.array(AttributeAgreement),
    perReport: z.array(ReportAgreement),
    offsetUnit: z.literal('codepoint'),
  })
  .strict();

export const DisagreementsQuery = z
  .object({ documentId: Id, analysts: z.array(AnalystRef).max(50), labels: z.array(z.string().min(1).max(200)).max(200).optional() })
  .strict();

/** One distinct span of a report (UTF-16 offsets, the reader's), with the analysts who made it. */
export const SpanCandidate = z
  .object({
    start: Offset,
    end: Offset,
    label: z.string(),
    labelId: Id,
    quote: z.string(),
    /** Analyst ids that made exactly this span, and each one's annotation id. */
    analysts: z.array(Id),
    annotationIds: z.array(Id),
    agreed: z.boolean(),
  })
  .strict();

export const Disagreements = z
  .object({ documentId: Id, title: z.string(), analysts: z.array(z.object({ id: Id, name: z.string() }).strict()), spans: z.array(SpanCandidate) })
  .strict();

export const AgreementExportFormat = z.enum(['csv', 'json']);
export const AgreementExportArgs = AgreementQuery.extend({ format: AgreementExportFormat }).strict();
export const AgreementExportResult = z.object({ path: z.string().nullable() }).strict();

export type AgreementQueryInput = z.input<typeof AgreementQuery>;
export type AgreementReportData = z.output<typeof AgreementReport>;
export type SpanFiguresData = z.output<typeof SpanFigures>;
export type SpanCandidateData = z.output<typeof SpanCandidate>;
export type DisagreementsData = z.output<typeof Disagreements>;
