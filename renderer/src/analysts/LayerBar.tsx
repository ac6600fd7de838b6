// The reader's layer chooser (toolbar; View ▸ Layers… focuses it): my layer (editable), another
// analyst's or gold (read-only), and up to four more layers to compare it with, side by side.
import { useEffect, useState } from 'react';
import type { LayerSummary } from '../../../shared/schemas/analysts';
import { call } from '../api';
import { maxCompared, setLayerView, useLayerView } from '../state/view-layer';
import './layers.css';

export const layerChoiceId = 'layer-choice';

function optionName(l: LayerSummary): string {
  return `${l.mine ? `My layer (${l.name})` : l.name} — ${l.count}`;
}

/** `edits` changes with every edit made in the reader, so the counts follow them. */
export function LayerBar({ documentId, edits, onChange }: { documentId: string; edits: number; onChange(): void }) {
  const view = useLayerView();
  const [layers, setLayers] = useState<readonly LayerSummary[]>([]);
  useEffect(() => {
    let current = true;
    call('layers.list', { documentId }).then((l) => current && setLayers(l), () => undefined);
    return () => {
      current = false;
    };
  }, [documentId, edits]);
  const mine = layers.find((l) => l.mine);
  const shown = view.layer ?? mine?.layer ?? '';
  const shownLayer = layers.find((l) => l.layer === shown);
  const change = (layer: string, compareWith: readonly string[]) => {
    setLayerView({ layer: layer === mine?.layer ? null : layer, compareWith: compareWith.filter((l) => l !== layer) });
    onChange();
  };
  const toggle = (layer: string) =>
    change(shown, view.compareWith.includes(layer) ? view.compareWith.filter((l) => l !== layer) : [...view.compareWith, layer]);
  const full = view.compareWith.length >= maxCompared - 1;
  return (
    <div className="layer-bar" role="group" aria-label="Layers">
      <label>
        Layer
        <select id={layerChoiceId} value={shown} onChange={(event) => change(event.target.value, view.compareWith)}>
          {layers.map((l) => (
            <option key={l.layer} value={l.layer}>
              {optionName(l)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="compare-choice">
        <legend>Compare with</legend>
        {layers
          .filter((l) => l.layer !== shown)
          .map((l) => {
            const on = view.compareWith.includes(l.layer);
            return (
              <label key={l.layer} title={!on && full ? `The compare view shows at most ${maxCompared} layers` : undefined}>
                <input type="checkbox" checked={on} disabled={!on && full} onChange={() => toggle(l.layer)} />
                {optionName(l)}
              </label>
            );
          })}
      </fieldset>
      {shownLayer && !shownLayer.mine && (
        <span className="layer-read-only" role="status">
          {shownLayer.name}’s layer: read-only
        </span>
      )}
    </div>
  );
}
