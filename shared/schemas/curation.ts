// Shapes of curation: a report's candidate spans from the analysts' layers, the decisions that
// put them into the gold layer (or reject them), and the rule that pre-accepts agreed spans.
import { z } from 'zod';
import { SpanCandidate } from './agreement';
import { Id, IsoTime, Offset } from './common';

export const CurationRule = z.enum(['unanimous', 'majority', 'threshold']);

const RuleArgs = {
  rule: CurationRule,
  /** With rule 'threshold': how many analysts must have made the span. */
  threshold: z.number().int().min(1).max(50).optional(),
};

export const CurationQuery = z
  .object({
    documentId: Id,
    analysts: z.array(z.string().min(1).max(200)).min(1).max(50),
    ...RuleArgs,
    /** A page of the candidates, in reading order: the screen asks for the first rows, then more as it scrolls. */
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .refine((q) => (q.rule === 'threshold') === (q.threshold !== undefined), { message: 'threshold goes with rule "threshold", and only then' });

export const CurationDecision = z
  .object({
    id: Id,
    documentId: Id,
    start: Offset,
    end: Offset,
    labelId: Id,
    action: z.enum(['accept', 'edit', 'reject']),
    rule: z.string().nullable(),
    fromLayers: z.array(Id),
    goldAnnotationId: Id.nullable(),
    note: z.string(),
    decidedBy: Id,
    decidedAt: IsoTime,
    undoneAt: IsoTime.nullable(),
    undoneBy: Id.nullable(),
  })
  .strict();

export const GoldSpan = z.object({ id: Id, start: Offset, end: Offset, labelId: Id, label: z.string(), quote: z.string() }).strict();

/** A candidate as the Curation screen shows it (kept small: a report may have thousands). */
export const CurationCandidate = SpanCandidate.pick({ start: true, end: true, label: true, labelId: true, quote: true, agreed: true })
  .extend({
    /** Which of the view's analysts made it, by their index in `analysts`. */
    makers: z.array(z.number().int().nonnegative()),
    /** The rule would accept it (enough analysts made it). */
    preAccepted: z.boolean(),
    /** The decision in force for this span, if any. */
    decision: CurationDecision.nullable(),
  })
  .strict();

export const CurationView = z
  .object({
    documentId: Id,
    title: z.string(),
    analysts: z.array(z.object({ id: Id, name: z.string() }).strict()),
    /** The page asked for (every candidate when no limit was given), from index `offset` of `total`. */
    candidates: z.array(CurationCandidate),
    offset: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    /** Indexes of the candidates not every analyst made and not yet decided, ascending (for N and Shift+N). */
    undecidedDisagreements: z.array(z.number().int().nonnegative()),
    gold: z.array(GoldSpan),
    progress: z.object({ candidates: z.number().int(), decided: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }).strict(),
  })
  .strict();

export const Note = z.string().max(10_000);

export const CurationDecide = z
  .object({
    documentId: Id,
    /** The candidate decided on. */
    start: Offset,
    end: Offset,
    labelId: Id,
    action: z.enum(['accept', 'edit', 'reject']),
    /** With 'edit': the span and label that go into gold instead. */
    edited: z.object({ start: Offset, end: Offset, labelId: Id }).strict().optional(),
    note: Note.optional(),
    /** The analysts compared (ids or names); the layers that held the span are recorded from them. */
    analysts: z.array(z.string().min(1).max(200)).min(1).max(50),
  })
  .strict()
  .refine((d) => (d.action === 'edit') === (d.edited !== undefined), { message: 'edited goes with action "edit", and only then' });

export const CurationApplyRule = z
  .object({ documentId: Id, analysts: z.array(z.string().min(1).max(200)).min(1).max(50), ...RuleArgs, note: Note.optional() })
  .strict()
  .refine((q) => (q.rule === 'threshold') === (q.threshold !== undefined), { message: 'threshold goes with rule "threshold", and only then' });

export const CurationApplied = z.object({ decisions: z.array(CurationDecision), skipped: z.number().int() }).strict();

export type CurationViewData = z.output<typeof CurationView>;
export type CurationDecisionData = z.output<typeof CurationDecision>;
export type CurationRuleName = z.output<typeof CurationRule>;
