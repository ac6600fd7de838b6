// Reading curation decisions: those in force for a report (the latest not undone per span).
import type { CurationDecisionData } from '../../../shared/schemas/curation';
import type { ServiceContext } from '../context';

const columns = `id, document_id AS documentId, start, "end", label_id AS labelId, action, rule,
  from_layers AS fromLayers, gold_annotation_id AS goldAnnotationId, note, decided_by AS decidedBy,
  decided_at AS decidedAt, undone_at AS undoneAt, undone_by AS undoneBy`;

type Row = Omit<CurationDecisionData, 'fromLayers'> & { fromLayers: string };

function parse(row: Row): CurationDecisionData {
  return { ...row, fromLayers: JSON.parse(row.fromLayers) as string[] };
}

export function getDecision(ctx: ServiceContext, id: string): CurationDecisionData | undefined {
  const row = ctx.store.db.prepare(`SELECT ${columns} FROM curation_decisions WHERE id = ?`).get(id) as Row | undefined;
  return row ? parse(row) : undefined;
}

/** Decisions in force for the report, by candidate key `start:end:labelId`. */
export function decisionsInForce(ctx: ServiceContext, documentId: string): Map<string, CurationDecisionData> {
  const rows = ctx.store.db
    .prepare(`SELECT ${columns} FROM curation_decisions WHERE document_id = ? AND undone_at IS NULL ORDER BY decided_at, rowid`)
    .all(documentId) as Row[];
  const byKey = new Map<string, CurationDecisionData>();
  for (const row of rows) byKey.set(`${row.start}:${row.end}:${row.labelId}`, parse(row));
  return byKey;
}

/** Every decision ever taken on the report, undone ones included (the record). */
export function decisionHistory(ctx: ServiceContext, documentId: string): CurationDecisionData[] {
  return (
    ctx.store.db.prepare(`SELECT ${columns} FROM curation_decisions WHERE document_id = ? ORDER BY decided_at, rowid`).all(documentId) as Row[]
  ).map(parse);
}
