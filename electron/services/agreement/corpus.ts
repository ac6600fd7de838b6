// Reads what agreement compares from the store: the reports in scope with their lengths in code
// points, the analysts' spans (offsets converted to code points), relations, event roles and
// attribute values. Everything belongs to the layer of its annotation.
import { AppError } from '../../../shared/errors';
import { utf16ToCodePoints } from '../../../shared/offsets';
import type { ServiceContext } from '../context';
import type { AnalystRef } from './analyst-refs';
import type { AgreementInput } from './figures';
import type { Span, ValueLevel } from './metrics';

export interface CorpusScope {
  analysts: AnalystRef[];
  documentIds?: readonly string[];
  labels?: readonly string[];
}

const surrogate = /[\uD800-\uDFFF]/;

interface SpanRow {
  id: string;
  layer: string;
  documentId: string;
  start: number;
  end: number;
  label: string;
}

function reportsInScope(ctx: ServiceContext, documentIds?: readonly string[]): { id: string; title: string; text: string }[] {
  const db = ctx.store.db;
  if (!documentIds) return db.prepare('SELECT id, title, text FROM documents ORDER BY imported_at, id').all() as { id: string; title: string; text: string }[];
  const one = db.prepare('SELECT id, title, text FROM documents WHERE id = ?');
  return [...new Set(documentIds)].map((id) => {
    const row = one.get(id) as { id: string; title: string; text: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `No document with id ${id}.`);
    return row;
  });
}

function labelsInScope(ctx: ServiceContext, names?: readonly string[]): { id: string; name: string }[] {
  const all = ctx.store.db.prepare('SELECT id, name FROM labels ORDER BY position, name').all() as { id: string; name: string }[];
  if (!names) return all;
  const byName = new Map(all.map((l) => [l.name.toLowerCase(), l]));
  const unknown = names.filter((n) => !byName.has(n.toLowerCase()));
  if (unknown.length > 0) {
    throw new AppError('NOT_FOUND', `No label ${unknown.map((u) => `"${u}"`).join(', ')} in the schema (labels: ${all.map((l) => l.name).join(', ')}).`);
  }
  return [...new Set(names.map((n) => byName.get(n.toLowerCase())!))];
}

/**
 * The analysts' spans of the labels in scope. A few reports are read by the document index; the
 * whole library by one pass over the table (an index walk would visit 100,000 rows one by one).
 */
function readSpanRows(ctx: ServiceContext, layerIds: string[], labelIds: string[], documentIds: string[] | null): SpanRow[] {
  const db = ctx.store.db;
  const labelNames = new Map((db.prepare('SELECT id, name FROM labels').raw().all() as [string, string][]).map(([id, name]) => [id, name]));
  const layers = new Set(layerIds);
  const labels = new Set(labelIds);
  const keep = (raw: [string, string, string, number, number, string][]): SpanRow[] => {
    const rows: SpanRow[] = [];
    for (const [id, layer, documentId, start, end, labelId] of raw) {
      if (layers.has(layer) && labels.has(labelId)) rows.push({ id, layer, documentId, start, end, label: labelNames.get(labelId)! });
    }
    return rows;
  };
  const columns = 'id, layer, document_id, start, "end", label_id';
  if (documentIds && documentIds.length <= 50) {
    const ofDocument = db.prepare(`SELECT ${columns} FROM annotations WHERE document_id = ?`).raw();
    return documentIds.flatMap((id) => keep(ofDocument.all(id) as [string, string, string, number, number, string][]));
  }
  return keep(db.prepare(`SELECT ${columns} FROM annotations NOT INDEXED`).raw().all() as [string, string, string, number, number, string][]);
}

export function readCorpus(ctx: ServiceContext, scope: CorpusScope): AgreementInput & { spanIds: Map<string, Span> } {
  const reports = reportsInScope(ctx, scope.documentIds);
  const labels = labelsInScope(ctx, scope.labels);
  const layerIds = scope.analysts.map((a) => a.id);
  const labelIds = labels.map((l) => l.id);
  const inScope = new Set(reports.map((r) => r.id));
  const rows = readSpanRows(ctx, layerIds, labelIds, scope.documentIds ? reports.map((r) => r.id) : null);
  const rowsByReport = new Map<string, SpanRow[]>();
  for (const row of rows) {
    if (!inScope.has(row.documentId)) continue;
    let list = rowsByReport.get(row.documentId);
    if (!list) rowsByReport.set(row.documentId, (list = []));
    list.push(row);
  }
  const spans: Span[] = [];
  const spanIds = new Map<string, Span>();
  const reportLengths = reports.map((report) => {
    const list = rowsByReport.get(report.id) ?? [];
    const wide = surrogate.test(report.text);
    const points = wide ? utf16ToCodePoints(report.text, list.flatMap((r) => [r.start, r.end])) : null;
    list.forEach((row, i) => {
      const span: Span = {
        layer: row.layer,
        documentId: row.documentId,
        start: points ? points[2 * i]! : row.start,
        end: points ? points[2 * i + 1]! : row.end,
        label: row.label,
      };
      spans.push(span);
      spanIds.set(row.id, span);
    });
    const length = wide ? utf16ToCodePoints(report.text, [report.text.length])[0]! : report.text.length;
    return { documentId: report.id, title: report.title, length };
  });
  return {
    analysts: scope.analysts,
    reports: reportLengths,
    labels: labels.map((l) => l.name),
    spans,
    spanIds,
    relations: readRelations(ctx, spanIds),
    eventRoles: readEventRoles(ctx, spanIds),
    values: readValues(ctx, spanIds),
  };
}

function keyOf(span: Span): string {
  return `${span.documentId}\u0000${span.start}:${span.end}:${span.label}`;
}

function readRelations(ctx: ServiceContext, spans: Map<string, Span>): AgreementInput['relations'] {
  const rows = ctx.store.db
    .prepare('SELECT r.from_id AS fromId, r.to_id AS toId, t.name AS type FROM relations r JOIN relation_types t ON t.id = r.type_id')
    .all() as { fromId: string; toId: string; type: string }[];
  const tuples: AgreementInput['relations'] = [];
  for (const row of rows) {
    const from = spans.get(row.fromId);
    const to = spans.get(row.toId);
    if (!from || !to) continue;
    tuples.push({ layer: from.layer, key: `${keyOf(from)}\u0000${keyOf(to)}\u0000${row.type}` });
  }
  return tuples;
}

function readEventRoles(ctx: ServiceContext, spans: Map<string, Span>): AgreementInput['eventRoles'] {
  const rows = ctx.store.db
    .prepare(
      `SELECT e.trigger_id AS triggerId, ea.role, ea.annotation_id AS annotationId, inner_e.trigger_id AS innerTriggerId
       FROM event_arguments ea JOIN events e ON e.id = ea.event_id
       LEFT JOIN events inner_e ON inner_e.id = ea.argument_event_id`,
    )
    .all() as { triggerId: string; role: string; annotationId: string | null; innerTriggerId: string | null }[];
  const tuples: AgreementInput['eventRoles'] = [];
  for (const row of rows) {
    const trigger = spans.get(row.triggerId);
    const argument = spans.get(row.annotationId ?? row.innerTriggerId ?? '');
    if (!trigger || !argument) continue;
    tuples.push({ layer: trigger.layer, key: `${keyOf(trigger)}\u0000${keyOf(argument)}\u0000${row.role}` });
  }
  return tuples;
}

function readValues(ctx: ServiceContext, spans: Map<string, Span>): AgreementInput['values'] {
  const rows = ctx.store.db
    .prepare(
      `SELECT v.annotation_id AS annotationId, v.value, la.name, la.type, la.options
       FROM annotation_attributes v JOIN label_attributes la ON la.id = v.attribute_id
       WHERE la.type IN ('choice', 'boolean', 'number')`,
    )
    .all() as { annotationId: string; value: string; name: string; type: string; options: string }[];
  const values: AgreementInput['values'] = [];
  for (const row of rows) {
    const span = spans.get(row.annotationId);
    if (!span) continue;
    const parsed = JSON.parse(row.value) as unknown;
    if (typeof parsed !== 'string' && typeof parsed !== 'number' && typeof parsed !== 'boolean') continue;
    const level: ValueLevel = row.type === 'number' ? 'interval' : row.name.toLowerCase() === 'confidence' ? 'ordinal' : 'nominal';
    const order = level === 'ordinal' ? (JSON.parse(row.options) as string[]) : undefined;
    values.push({ layer: span.layer, span, attribute: row.name, level, order, value: typeof parsed === 'boolean' ? String(parsed) : parsed });
  }
  return values;
}
