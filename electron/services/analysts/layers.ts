// Layers: whose annotations are whose, and who may write where.
import { goldLayer } from '../../../shared/schemas/analysts';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/store';
import type { ServiceContext } from '../context';

function layerName(db: Db, layer: string): string {
  if (layer === goldLayer) return 'the gold layer';
  const row = db.prepare('SELECT name FROM analysts WHERE id = ?').get(layer) as { name: string } | undefined;
  return row ? `${row.name}’s layer` : `layer ${layer}`;
}

/**
 * An analyst writes their own layer and, as adjudicator, gold; another analyst's layer is theirs
 * alone (it is read-only here, and comes back only by their archive).
 */
export function checkWritableLayer(ctx: ServiceContext, layer: string): void {
  if (layer === ctx.analyst.id || layer === goldLayer) return;
  throw new AppError('LAYER_MISMATCH', `This annotation is in ${layerName(ctx.store.db, layer)}, which only its analyst changes. You are ${ctx.analyst.name}.`);
}

/** The layer of an annotation; null when there is no such annotation. */
export function layerOf(db: Db, annotationId: string): string | null {
  const row = db.prepare('SELECT layer FROM annotations WHERE id = ?').get(annotationId) as { layer: string } | undefined;
  return row?.layer ?? null;
}

/** Refuses a link between two annotations of different layers, with a message for the user. */
export function checkSameLayer(db: Db, fromId: string, toId: string): void {
  const from = layerOf(db, fromId);
  const to = layerOf(db, toId);
  if (from !== null && to !== null && from !== to) {
    throw new AppError('LAYER_MISMATCH', `Both ends of a link must be in one layer: one is in ${layerName(db, from)}, the other in ${layerName(db, to)}.`);
  }
}
