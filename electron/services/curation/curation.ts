// Curation into the gold layer: a report's candidates from the analysts' layers, a rule that
// pre-accepts agreed spans, and decisions (accept, edit, reject) recorded with who, when, the
// rule or none, the layers that held the span and a note. Undo takes the gold span back and
// stamps the decision undone; nothing of the record is deleted.
import { AppError } from '../../../shared/errors';
import type { CurationDecisionData, CurationRuleName, CurationViewData } from '../../../shared/schemas/curation';
import * as decisionRows from '../../store/writers/curation-decisions';
import { resolveAnalysts } from '../agreement/analyst-refs';
import { reportCandidates } from '../agreement/agreement';
import { createGoldAnnotation, deleteGoldAnnotation, goldSpans, localAnalystId } from './gold';
import type { ServiceContext } from '../context';
import { decisionsInForce, getDecision } from './decisions';
import { ruleAccepts, ruleName } from './rules';

interface RuleChoice {
  rule: CurationRuleName;
  threshold?: number;
}

interface Page {
  offset?: number;
  limit?: number;
}

export function curationView(ctx: ServiceContext, query: { documentId: string; analysts: string[] } & RuleChoice & Page): CurationViewData {
  const report = reportCandidates(ctx, query.documentId, query.analysts, undefined, 1);
  const inForce = decisionsInForce(ctx, query.documentId);
  const n = report.analysts.length;
  const position = new Map(report.analysts.map((a, i) => [a.id, i]));
  const candidates = report.spans.map((span) => ({
    start: span.start,
    end: span.end,
    label: span.label,
    labelId: span.labelId,
    quote: span.quote,
    agreed: span.agreed,
    makers: span.analysts.map((id) => position.get(id)!),
    preAccepted: ruleAccepts(query.rule, span.analysts.length, n, query.threshold),
    decision: inForce.get(`${span.start}:${span.end}:${span.labelId}`) ?? null,
  }));
  const decided = candidates.filter((c) => c.decision !== null);
  const offset = Math.min(query.offset ?? 0, candidates.length);
  const undecidedDisagreements: number[] = [];
  candidates.forEach((c, i) => !c.agreed && c.decision === null && undecidedDisagreements.push(i));
  return {
    documentId: report.documentId,
    title: report.title,
    analysts: report.analysts,
    candidates: candidates.slice(offset, query.limit === undefined ? undefined : offset + query.limit),
    offset,
    total: candidates.length,
    undecidedDisagreements,
    gold: goldSpans(ctx, query.documentId),
    progress: {
      candidates: candidates.length,
      decided: decided.length,
      accepted: decided.filter((c) => c.decision!.action !== 'reject').length,
      rejected: decided.filter((c) => c.decision!.action === 'reject').length,
    },
  };
}

interface Decide {
  documentId: string;
  start: number;
  end: number;
  labelId: string;
  action: 'accept' | 'edit' | 'reject';
  edited?: { start: number; end: number; labelId: string };
  note?: string;
  analysts: string[];
}

function decideWithin(ctx: ServiceContext, input: Decide, rule: string | null): CurationDecisionData {
  const ids = resolveAnalysts(ctx, input.analysts, 1).map((a) => a.id);
  const fromLayers = (
    ctx.store.db
      .prepare(
        `SELECT DISTINCT layer FROM annotations WHERE document_id = ? AND start = ? AND "end" = ? AND label_id = ?
         AND layer IN (${ids.map(() => '?').join(', ')}) ORDER BY layer`,
      )
      .pluck()
      .all(input.documentId, input.start, input.end, input.labelId, ...ids) as string[]
  );
  if (fromLayers.length === 0) {
    throw new AppError('INVALID_ARGS', `None of the analysts compared made the span ${input.start}–${input.end} of that label in this report.`);
  }
  const key = `${input.start}:${input.end}:${input.labelId}`;
  const current = decisionsInForce(ctx, input.documentId).get(key);
  if (current) throw new AppError('DUPLICATE', `That span was already decided (${current.action} on ${current.decidedAt}); undo that decision first.`);
  const gold = input.action === 'reject' ? null : createGoldAnnotation(ctx, { documentId: input.documentId, ...(input.edited ?? input), note: input.note ?? '' });
  const row: decisionRows.CurationDecisionRow = {
    id: ctx.newId(),
    documentId: input.documentId,
    start: input.start,
    end: input.end,
    labelId: input.labelId,
    action: input.action,
    rule,
    fromLayers,
    goldAnnotationId: gold,
    note: input.note ?? '',
    decidedBy: localAnalystId(ctx),
    decidedAt: ctx.now(),
  };
  decisionRows.insertCurationDecision(ctx.store.db, row);
  return getDecision(ctx, row.id)!;
}

export function decide(ctx: ServiceContext, input: Decide): CurationDecisionData {
  return ctx.store.transaction(() => decideWithin(ctx, input, null));
}

export function undoDecision(ctx: ServiceContext, decisionId: string): CurationDecisionData {
  return ctx.store.transaction(() => {
    const decision = getDecision(ctx, decisionId);
    if (!decision) throw new AppError('NOT_FOUND', `No curation decision with id ${decisionId}.`);
    if (decision.undoneAt !== null) throw new AppError('INVALID_ARGS', `That decision was already undone (${decision.undoneAt}).`);
    if (decision.goldAnnotationId) deleteGoldAnnotation(ctx, decision.goldAnnotationId);
    decisionRows.undoCurationDecision(ctx.store.db, decisionId, ctx.now(), localAnalystId(ctx));
    return getDecision(ctx, decisionId)!;
  });
}

/** Accepts, in one transaction, every candidate the rule pre-accepts that is not yet decided. */
export function applyRule(
  ctx: ServiceContext,
  input: { documentId: string; analysts: string[]; note?: string } & RuleChoice,
): { decisions: CurationDecisionData[]; skipped: number } {
  return ctx.store.transaction(() => {
    const view = curationView(ctx, input);
    const decisions: CurationDecisionData[] = [];
    let skipped = 0;
    for (const candidate of view.candidates) {
      if (!candidate.preAccepted) continue;
      if (candidate.decision) {
        skipped += 1;
        continue;
      }
      const decision = {
        documentId: input.documentId,
        start: candidate.start,
        end: candidate.end,
        labelId: candidate.labelId,
        action: 'accept' as const,
        analysts: view.analysts.map((a) => a.id),
        ...(input.note === undefined ? {} : { note: input.note }),
      };
      decisions.push(decideWithin(ctx, decision, ruleName(input.rule, input.threshold)));
    }
    return { decisions, skipped };
  });
}
