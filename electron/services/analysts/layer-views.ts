// What the reader shows of layers: which layers a report has, and two to five of them compared
// span by span (a span is the same in two layers when its start, end and label are).
import type { ComparedSpan, LayerComparison, LayersComparison, LayerSummary } from '../../../shared/schemas/analysts';
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

const key = (r: Row) => `${r.start}:${r.end}:${r.labelId}`;

/** Several layers of a report span by span: a span is matched when every other layer has it too. */
export function compareLayerSet(ctx: ServiceContext, documentId: string, layers: readonly string[]): LayersComparison {
  assertDocument(ctx, documentId);
  const db = ctx.store.db;
  const spansOf = db.prepare(
    `SELECT id, label_id AS labelId, start, "end", quote FROM annotations WHERE layer = ? AND document_id = ? ORDER BY start, "end" DESC, id`,
  );
  const rows = layers.map((layer) => spansOf.all(layer, documentId) as Row[]);
  const keys = rows.map((list) => new Set(list.map(key)));
  const inEveryOther = (k: string, own: number) => keys.every((set, i) => i === own || set.has(k));
  return {
    documentId,
    layers: layers.map((layer, i) => ({ layer, name: layerLabel(db, layer), spans: rows[i]!.map((r) => ({ ...r, matched: inEveryOther(key(r), i) })) })),
    inAll: [...keys[0]!].filter((k) => inEveryOther(k, 0)).length,
  };
}

export function compareLayers(ctx: ServiceContext, documentId: string, a: string, b: string): LayerComparison {
  const { layers, inAll } = compareLayerSet(ctx, documentId, [a, b]);
  const [sideA, sideB] = layers as [LayersComparison['layers'][number], LayersComparison['layers'][number]];
  const distinct = (side: typeof sideA) => new Set(side.spans.map(key)).size;
  return { documentId, a: sideA, b: sideB, both: inAll, onlyA: distinct(sideA) - inAll, onlyB: distinct(sideB) - inAll };
}
