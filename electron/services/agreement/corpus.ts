// Reads what agreement compares from the store: the reports in scope with their lengths in code
// points, the analysts' spans in one scan of the annotations (as columns, offsets converted to
// code points), relations, event roles and attribute values. Everything belongs to the layer of
// its annotation.
import { AppError } from '../../../shared/errors';
import { utf16ToCodePoints } from '../../../shared/offsets';
import type { ServiceContext } from '../context';
import type { AnalystRef } from './analyst-refs';
import type { AgreementInput } from './figures';
import type { ValueLevel } from './metrics';
import { SpanColumnsBuilder, type SpanColumns } from './span-table';

export interface CorpusScope {
  analysts: AnalystRef[];
  documentIds?: readonly string[];
  labels?: readonly string[];
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

/** Which rows of the annotations table are in scope, as indexes of the reports, labels and layers compared. */
interface ScopeIndex {
  report: Map<string, number>;
  label: Map<string, number>;
  layer: Map<string, number>;
}

type AnnotationRow = [layer: string, documentId: string, start: number, end: number, labelId: string];

/**
 * The analysts' spans of the labels in scope as columns (UTF-16 offsets, converted below). A few
 * reports are read by the document index; the whole library by one scan of the table (an index
 * walk would visit 100,000 rows one by one). Rows are iterated, not collected: nothing per row
 * outlives its step.
 */
function readSpanColumns(ctx: ServiceContext, scope: ScopeIndex, documentIds: readonly string[] | null): SpanColumns {
  const db = ctx.store.db;
  const columns = 'layer, document_id, start, "end", label_id';
  const perDocument = documentIds !== null && documentIds.length <= 50;
  const query = perDocument
    ? db.prepare(`SELECT ${columns} FROM annotations WHERE document_id = ?`).raw()
    : db.prepare(`SELECT ${columns} FROM annotations NOT INDEXED`).raw();
  const builder = new SpanColumnsBuilder(perDocument ? 1024 : (db.prepare('SELECT count(*) FROM annotations').pluck().get() as number));
  const add = (rows: Iterable<unknown>): void => {
    for (const [layerId, documentId, start, end, labelId] of rows as Iterable<AnnotationRow>) {
      const layer = scope.layer.get(layerId);
      const label = scope.label.get(labelId);
      const report = scope.report.get(documentId);
      if (layer !== undefined && label !== undefined && report !== undefined) builder.push(report, label, layer, start, end);
    }
  };
  if (perDocument) for (const id of documentIds) add(query.iterate(id));
  else add(query.iterate());
  return builder.build();
}

/** Offsets of the reports with characters beyond the BMP converted from UTF-16 to code points, in place. */
function toCodePoints(spans: SpanColumns, wide: ReadonlyMap<number, string>): void {
  if (wide.size === 0) return;
  const byReport = new Map<number, number[]>();
  for (let i = 0; i < spans.count; i += 1) {
    if (!wide.has(spans.report[i]!)) continue;
    let list = byReport.get(spans.report[i]!);
    if (!list) byReport.set(spans.report[i]!, (list = []));
    list.push(i);
  }
  for (const [report, rows] of byReport) {
    const points = utf16ToCodePoints(wide.get(report)!, rows.flatMap((i) => [spans.start[i]!, spans.end[i]!]));
    rows.forEach((i, k) => {
      spans.start[i] = points[2 * k]!;
      spans.end[i] = points[2 * k + 1]!;
    });
  }
}

const surrogate = /[\uD800-\uDFFF]/;

export function readCorpus(ctx: ServiceContext, scope: CorpusScope): AgreementInput {
  const reports = reportsInScope(ctx, scope.documentIds);
  const labels = labelsInScope(ctx, scope.labels);
  const index: ScopeIndex = {
    report: new Map(reports.map((r, i) => [r.id, i])),
    label: new Map(labels.map((l, i) => [l.id, i])),
    layer: new Map(scope.analysts.map((a, i) => [a.id, i])),
  };
  const spans = readSpanColumns(ctx, index, scope.documentIds ? reports.map((r) => r.id) : null);
  const wide = new Map<number, string>();
  const reportLengths = reports.map((report, i) => {
    if (!surrogate.test(report.text)) return { documentId: report.id, title: report.title, length: report.text.length };
    wide.set(i, report.text);
    return { documentId: report.id, title: report.title, length: utf16ToCodePoints(report.text, [report.text.length])[0]! };
  });
  toCodePoints(spans, wide);
  const linked = new LinkedSpans(ctx, index, labels);
  return {
    analysts: scope.analysts,
    reports: reportLengths,
    labels: labels.map((l) => l.name),
    spans,
    relations: linked.relations(),
    eventRoles: linked.eventRoles(),
    values: linked.values(),
  };
}

/**
 * Relations, event roles and attribute values of the spans in scope, each read with its spans'
 * columns (one join, no map of span ids). Their keys name a span by report, UTF-16 offsets and
 * label: one span, one key, as code points would give.
 */
class LinkedSpans {
  private readonly labelNames: Map<string, string>;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly index: ScopeIndex,
    labels: readonly { id: string; name: string }[],
  ) {
    this.labelNames = new Map(labels.map((l) => [l.id, l.name]));
  }

  /** The key of a span read as five columns from `at`, or null when it is out of scope. */
  private key(row: readonly unknown[], at: number): string | null {
    const [layer, documentId, start, end, labelId] = row.slice(at, at + 5) as AnnotationRow;
    if (!this.index.layer.has(layer) || !this.index.report.has(documentId) || !this.labelNames.has(labelId)) return null;
    return `${documentId}\u0000${start}:${end}:${this.labelNames.get(labelId)!}`;
  }

  relations(): AgreementInput['relations'] {
    const rows = this.ctx.store.db
      .prepare(
        `SELECT f.layer, f.document_id, f.start, f."end", f.label_id, t.layer, t.document_id, t.start, t."end", t.label_id, rt.name
         FROM relations r JOIN relation_types rt ON rt.id = r.type_id
         JOIN annotations f ON f.id = r.from_id JOIN annotations t ON t.id = r.to_id`,
      )
      .raw()
      .all() as unknown[][];
    return this.tuples(rows);
  }

  eventRoles(): AgreementInput['eventRoles'] {
    const rows = this.ctx.store.db
      .prepare(
        `SELECT g.layer, g.document_id, g.start, g."end", g.label_id, x.layer, x.document_id, x.start, x."end", x.label_id, ea.role
         FROM event_arguments ea JOIN events e ON e.id = ea.event_id JOIN annotations g ON g.id = e.trigger_id
         LEFT JOIN events inner_e ON inner_e.id = ea.argument_event_id
         JOIN annotations x ON x.id = coalesce(ea.annotation_id, inner_e.trigger_id)`,
      )
      .raw()
      .all() as unknown[][];
    return this.tuples(rows);
  }

  /** Rows of two spans and a type: kept when both spans are in scope, in the first one's layer. */
  private tuples(rows: unknown[][]): AgreementInput['relations'] {
    const tuples: AgreementInput['relations'] = [];
    for (const row of rows) {
      const from = this.key(row, 0);
      const to = this.key(row, 5);
      const type = row[10] as string;
      if (from !== null && to !== null) tuples.push({ layer: row[0] as string, type, key: `${from}\u0000${to}\u0000${type}` });
    }
    return tuples;
  }

  values(): AgreementInput['values'] {
    const rows = this.ctx.store.db
      .prepare(
        `SELECT a.layer, a.document_id, a.start, a."end", a.label_id, v.value, la.name, la.type, la.options
         FROM annotation_attributes v JOIN label_attributes la ON la.id = v.attribute_id JOIN annotations a ON a.id = v.annotation_id
         WHERE la.type IN ('choice', 'boolean', 'number')`,
      )
      .raw()
      .all() as unknown[][];
    const values: AgreementInput['values'] = [];
    for (const row of rows) {
      const key = this.key(row, 0);
      if (key === null) continue;
      const [value, name, type, options] = row.slice(5) as [string, string, string, string];
      const parsed = JSON.parse(value) as unknown;
      if (typeof parsed !== 'string' && typeof parsed !== 'number' && typeof parsed !== 'boolean') continue;
      const level: ValueLevel = type === 'number' ? 'interval' : name.toLowerCase() === 'confidence' ? 'ordinal' : 'nominal';
      const order = level === 'ordinal' ? (JSON.parse(options) as string[]) : undefined;
      const label = this.labelNames.get(row[4] as string)!;
      values.push({ layer: row[0] as string, label, key, attribute: name, level, order, value: typeof parsed === 'boolean' ? String(parsed) : parsed });
    }
    return values;
  }
}
