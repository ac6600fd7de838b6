// The one writer of curation_decisions: decisions are added, and undone by stamping undone_at
// (never deleted), so the record of who decided what stays whole.
import type { Db } from '../store';
import { statementsFor } from './prepared';

export interface CurationDecisionRow {
  id: string;
  documentId: string;
  start: number;
  end: number;
  labelId: string;
  action: 'accept' | 'edit' | 'reject';
  rule: string | null;
  fromLayers: string[];
  goldAnnotationId: string | null;
  note: string;
  decidedBy: string;
  decidedAt: string;
}

const statements = statementsFor((db) => ({
  insert: db.prepare(
    `INSERT INTO curation_decisions (id, document_id, start, "end", label_id, action, rule, from_layers,
       gold_annotation_id, note, decided_by, decided_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  undo: db.prepare('UPDATE curation_decisions SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL'),
}));

export function insertCurationDecision(db: Db, row: CurationDecisionRow): void {
  statements(db).insert.run(
    row.id,
    row.documentId,
    row.start,
    row.end,
    row.labelId,
    row.action,
    row.rule,
    JSON.stringify(row.fromLayers),
    row.goldAnnotationId,
    row.note,
    row.decidedBy,
    row.decidedAt,
  );
}

/** Marks a decision undone; returns false when it was already undone (or is unknown). */
export function undoCurationDecision(db: Db, id: string, undoneAt: string, undoneBy: string): boolean {
  return statements(db).undo.run(undoneAt, undoneBy, id).changes === 1;
}
