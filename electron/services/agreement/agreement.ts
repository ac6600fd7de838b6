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

interface CandidateRow {
  id: string;
  layer: string;
  start: number;
  end: number;
  labelId: string;
  label: string;
  quote: string;
}

/**
 * Every distinct span (offsets and label) the analysts made in one report, in reading order,
 * with who made it; agreed when every analyst named did. `minimum` analysts: 2 for agreement,
 * 1 for curating a single layer into gold.
 */
export function reportCandidates(ctx: ServiceContext, documentId: string, refs: readonly string[], labels?: readonly string[], minimum = 2): DisagreementsData {
  assertDocument(ctx, documentId);
  const analysts = resolveAnalysts(ctx, refs, minimum);
  const ids = analysts.map((a) => a.id);
  // Read by the document index and put in reading order here (SQLite would sort through a temp b-tree).
  const labelRows = ctx.store.db.prepare('SELECT id, name, position FROM labels').raw().all() as [string, string, number][];
  const labelOf = new Map(labelRows.map(([id, name, position]) => [id, { name, position }]));
  const layers = new Set(ids);
  const raw = ctx.store.db
    .prepare('SELECT id, layer, start, "end", label_id, quote, created_at FROM annotations WHERE document_id = ?')
    .raw()
    .all(documentId) as [string, string, number, number, string, string, string][];
  const rows: CandidateRow[] = raw
    .filter((r) => layers.has(r[1]))
    .sort((x, y) => x[2] - y[2] || y[3] - x[3] || labelOf.get(x[4])!.position - labelOf.get(y[4])!.position || (x[6] < y[6] ? -1 : x[6] > y[6] ? 1 : 0))
    .map(([id, layer, start, end, labelId, quote]) => ({ id, layer, start, end, labelId, label: labelOf.get(labelId)!.name, quote }));
  const wanted = labels ? new Set(labels.map((l) => l.toLowerCase())) : null;
  const candidates = new Map<string, SpanCandidateData>();
  for (const row of rows) {
    if (wanted && !wanted.has(row.label.toLowerCase())) continue;
    const key = `${row.start}:${row.end}:${row.labelId}`;
    let candidate = candidates.get(key);
    if (!candidate) {
      candidate = { start: row.start, end: row.end, label: row.label, labelId: row.labelId, quote: row.quote, analysts: [], annotationIds: [], agreed: false };
      candidates.set(key, candidate);
    }
    if (!candidate.analysts.includes(row.layer)) {
      candidate.analysts.push(row.layer);
      candidate.annotationIds.push(row.id);
    }
  }
  const spans = [...candidates.values()].map((c) => ({ ...c, agreed: c.analysts.length === ids.length }));
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
