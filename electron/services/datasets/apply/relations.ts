// One imported relation between two annotations of the same document that came in (or were
// already there): its type found by name (or created when asked), its label constraints kept.
import type { AnnotationImportReport } from '../../../../shared/schemas/datasets';
import type { ServiceContext } from '../../context';
import type { InRelation } from '../model';
import { addRelation } from '../../../store/writers/relations';
import type { RelationTypes } from './schema';
import { prepared } from './statements';

export interface RelationImport {
  ctx: ServiceContext;
  report: AnnotationImportReport;
  types: RelationTypes;
  createTypes: boolean;
  now: string;
}

function labelOf(ctx: ServiceContext, annotationId: string): string {
  return (prepared(ctx, 'SELECT label_id AS labelId FROM annotations WHERE id = ?').get(annotationId) as { labelId: string }).labelId;
}

/** Writes the relation; its stored id goes into relationIds under the file's reference. */
export function importRelation(run: RelationImport, r: InRelation, idOfRef: ReadonlyMap<string, string>, relationIds?: Map<string, string>): void {
  const { ctx, report } = run;
  const from = idOfRef.get(r.from);
  const to = idOfRef.get(r.to);
  if (!from || !to) {
    report.conflicts.push(`A "${r.type}" relation was left out: one of its annotations was not imported.`);
    return;
  }
  let type = run.types.find(r.type);
  if (!type) {
    if (!run.createTypes) {
      report.conflicts.push(`A "${r.type}" relation was left out: there is no such relation type.`);
      return;
    }
    type = run.types.create(r.type, report);
  }
  if (from === to) return;
  if ((type.fromLabelId && type.fromLabelId !== labelOf(ctx, from)) || (type.toLabelId && type.toLabelId !== labelOf(ctx, to))) {
    report.conflicts.push(`A "${type.name}" relation was left out: its annotations have other labels than the type allows.`);
    return;
  }
  const taken = r.id !== undefined && prepared(ctx, 'SELECT 1 FROM relations WHERE id = ?').get(r.id) !== undefined;
  const id = r.id && !taken ? r.id : ctx.newId();
  if (addRelation(ctx.store.db, { id, typeId: type.id, fromId: from, toId: to, createdAt: r.createdAt ?? run.now }, ctx.analyst.id)) {
    report.relationsImported += 1;
    if (r.ref !== undefined) relationIds?.set(r.ref, id);
  } else if (r.ref !== undefined) {
    const existing = prepared(ctx, 'SELECT id FROM relations WHERE type_id = ? AND from_id = ? AND to_id = ?').pluck().get(type.id, from, to) as string | undefined;
    if (existing) relationIds?.set(r.ref, existing);
  }
}
