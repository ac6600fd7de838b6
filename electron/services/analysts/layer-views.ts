// What the reader shows of layers: which layers a report has, and two of them compared span by
// span (a span is the same in both when its start, end and label are).
import type { ComparedSpan, LayerComparison, LayerSummary } from '../../../shared/schemas/analysts';
import { goldLayer } from '../../../shared/schemas/analysts';
import type { ServiceContext } from '../context';
import { assertDocument } from '../library/document-text';
import { layerLabel } from './layers';

export function listLayers(ctx: ServiceContext, documentId?: string): LayerSummary[] {
  const db = ctx.store.db;
  if (documentId) assertDocument(ctx, documentId);
  const rows = (
    documentId
      ? db.prepare('SELECT layer, count(*) AS count FROM annotations WHERE document_id = ? GROUP BY layer').all(documentId)
      : db.prepare('SELECT layer, count(*) AS count FROM annotations GROUP BY layer').all()
  ) as { layer: string; count: number }[];
  const counts = new Map(rows.map((r) => [r.layer, r.count]));
  const layers = new Set<string>([ctx.analyst.id, ...counts.keys()]);
  const summaries = [...layers].map((layer) => ({ layer, name: layerLabel(db, layer), count: counts.get(layer) ?? 0, mine: layer === ctx.analyst.id }));
  // Mine first, then the others by name, gold last.
  const rank = (s: LayerSummary) => (s.mine ? 0 : s.layer === goldLayer ? 2 : 1);
  return summaries.sort((x, y) => rank(x) - rank(y) || x.name.localeCompare(y.name));
}

type Row = Omit<ComparedSpan, 'matched'>;

export function compareLayers(ctx: ServiceContext, documentId: string, a: string, b: string): LayerComparison {
  assertDocument(ctx, documentId);
  const db = ctx.store.db;
  const spansOf = db.prepare(
    `SELECT id, label_id AS labelId, start, "end", quote FROM annotations WHERE layer = ? AND document_id = ? ORDER BY start, "end" DESC, id`,
  );
  const rowsA = spansOf.all(a, documentId) as Row[];
  const rowsB = spansOf.all(b, documentId) as Row[];
  const key = (r: Row) => `${r.start}:${r.end}:${r.labelId}`;
  const keysA = new Set(rowsA.map(key));
  const keysB = new Set(rowsB.map(key));
  const both = [...keysA].filter((k) => keysB.has(k)).length;
  return {
    documentId,
    a: { layer: a, name: layerLabel(db, a), spans: rowsA.map((r) => ({ ...r, matched: keysB.has(key(r)) })) },
    b: { layer: b, name: layerLabel(db, b), spans: rowsB.map((r) => ({ ...r, matched: keysA.has(key(r)) })) },
    both,
    onlyA: keysA.size - both,
    onlyB: keysB.size - both,
  };
}
