// Which layer the reader shows (issue 15): the acting analyst's own (null, the default), another
// analyst's or gold (read-only), and optionally up to four more to compare it with. Kept for the
// session, like the reader's place; every query of the reader asks for this layer.
import { useSyncExternalStore } from 'react';

export interface LayerView {
  /** null: my own layer. */
  layer: string | null;
  /** Layers shown beside it in the compare view (at most four); none: no comparison. */
  compareWith: readonly string[];
}

/** The compare view shows two to five layers. */
export const maxCompared = 5;

let view: LayerView = { layer: null, compareWith: [] };
const listeners = new Set<() => void>();

/** The layer to pass to the reader's queries (undefined: my own). */
export function viewedLayer(): string | undefined {
  return view.layer ?? undefined;
}

export function layerView(): LayerView {
  return view;
}

export function setLayerView(next: LayerView): void {
  view = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLayerView(): LayerView {
  return useSyncExternalStore(subscribe, layerView);
}
