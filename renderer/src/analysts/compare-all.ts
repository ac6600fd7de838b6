// View ▸ Compare Layers (Ctrl+Shift+D): the report's layer shown beside every other layer that
// has spans there (up to five in all), or, when a comparison is on, back to the one layer.
import { call } from '../api';
import { layerView, maxCompared, setLayerView } from '../state/view-layer';

/** Returns what it did, to be said. */
export async function toggleCompareAll(documentId: string): Promise<string> {
  const view = layerView();
  if (view.compareWith.length > 0) {
    setLayerView({ ...view, compareWith: [] });
    return 'Comparison closed.';
  }
  const layers = await call('layers.list', { documentId });
  const shown = view.layer ?? layers.find((l) => l.mine)?.layer;
  const others = layers.filter((l) => l.layer !== shown && l.count > 0).map((l) => l.layer);
  if (others.length === 0) return 'No other layer has spans in this report.';
  const compared = others.slice(0, maxCompared - 1);
  setLayerView({ ...view, compareWith: compared });
  return others.length > compared.length
    ? `Comparing ${compared.length + 1} layers (the view shows at most ${maxCompared}; choose others under Layers).`
    : `Comparing ${compared.length + 1} layers.`;
}
