// Agreement between analysts' layers: the figures per label, per report and for the corpus, a
// report's disagreements (for the drill-down and curation), and the figures as CSV or JSON.
import { AppError } from '../../../shared/errors';
import type {
  AgreementQueryInput,
  AgreementReportData,
  DisagreementsData,
  SpanCandidateData,
} from '../../../shared/schemas/agreement';
import { writeFileAtomic } from '../atomic-write';
import type { ServiceContext } from '../context';
import { resolveFileTarget } from '../export-target/resolve';
import { assertDocument } from '../library/document-text';
import { resolveAnalysts } from './analyst-refs';
import { readCorpus } from './corpus';
import { agreementCsv } from './csv';
import { agreementFigures } from './figures';

export function agreementReport(ctx: ServiceContext, query: AgreementQueryInput): AgreementReportData {
  const analysts = resolveAnalysts(ctx, query.analysts);
  const corpus = readCorpus(ctx, { analysts, documentIds: query.documentIds, labels: query.labels });
  return agreementFigures(corpus);
}

type CandidateRow = [id: string, layer: string, start: number, end: number, labelId: string, quote: string, createdAt: string];

/**
 * Every distinct span (offsets and label) the analysts made in one report, in reading order,
 * with who made it; agreed when every analyst named did. `minimum` analysts: 2 for agreement,
 * 1 for curating a single layer into gold. The rows are read by the document index and sorted
 * here (SQLite would sort through a temp b-tree); rows of one span are then adjacent.
 */
export function reportCandidates(ctx: ServiceContext, documentId: string, refs: readonly string[], labels?: readonly string[], minimum = 2): DisagreementsData {
  assertDocument(ctx, documentId);
  const analysts = resolveAnalysts(ctx, refs, minimum);
  const ids = analysts.map((a) => a.id);
  const labelRows = ctx.store.db.prepare('SELECT id, name, position FROM labels').raw().all() as [string, string, number][];
  const labelOf = new Map(labelRows.map(([id, name, position]) => [id, { name, position }]));
  const wanted = labels ? new Set(labels.map((l) => l.toLowerCase())) : null;
  const rows = (
    ctx.store.db
      .prepare(`SELECT id, layer, start, "end", label_id, quote, created_at FROM annotations WHERE document_id = ? AND layer IN (${ids.map(() => '?').join(', ')})`)
      .raw()
      .all(documentId, ...ids) as CandidateRow[]
  ).filter((r) => !wanted || wanted.has(labelOf.get(r[4])!.name.toLowerCase()));
  const position = rows.map((r) => labelOf.get(r[4])!.position);
  const order = Array.from(rows.keys()).sort((i, j) => {
    const x = rows[i]!;
    const y = rows[j]!;
    return x[2] - y[2] || y[3] - x[3] || position[i]! - position[j]! || (x[4] < y[4] ? -1 : x[4] > y[4] ? 1 : 0) || (x[6] < y[6] ? -1 : x[6] > y[6] ? 1 : 0);
  });
  const spans: SpanCandidateData[] = [];
  let last: SpanCandidateData | undefined;
  for (const i of order) {
    const [id, layer, start, end, labelId, quote] = rows[i]!;
    if (!last || last.start !== start || last.end !== end || last.labelId !== labelId) {
      last = { start, end, label: labelOf.get(labelId)!.name, labelId, quote, analysts: [], annotationIds: [], agreed: false };
      spans.push(last);
    }
    if (!last.analysts.includes(layer)) {
      last.analysts.push(layer);
      last.annotationIds.push(id);
    }
  }
  for (const span of spans) span.agreed = span.analysts.length === ids.length;
  const title = (ctx.store.db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(documentId) as string) ?? '';
  return { documentId, title, analysts, spans };
}

export function reportDisagreements(ctx: ServiceContext, query: { documentId: string; analysts: string[]; labels?: string[] }): DisagreementsData {
  return reportCandidates(ctx, query.documentId, query.analysts, query.labels);
}

export function agreementJson(report: AgreementReportData): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Writes the figures through the save dialog; path null when cancelled. */
export async function exportAgreement(
  ctx: ServiceContext,
  args: AgreementQueryInput & { format: 'csv' | 'json' },
): Promise<{ path: string | null }> {
  const report = agreementReport(ctx, args);
  const target = await ctx.dialogs.chooseExportPath(`glossa-agreement-${ctx.now().slice(0, 10)}.${args.format}`, args.format);
  if (target === null) return { path: null };
  try {
    writeFileAtomic(resolveFileTarget(ctx.store.path, target), [args.format === 'csv' ? agreementCsv(report) : agreementJson(report)]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('EXPORT_FAILED', `The agreement figures could not be written: ${(error as Error).message}`);
  }
  return { path: target };
}
