import { useState } from 'react';
import type { MapPlace } from '../../../shared/schemas/places';
import type { useMapView } from './useMapView';
import { mapHeight, mapWidth, type WorldPaths } from './world';

/** A place projected onto the map, with its radius. */
export interface MapPoint {
  place: MapPlace;
  px: number;
  py: number;
  r: number;
}

interface WorldMapProps {
  world: WorldPaths;
  points: readonly MapPoint[];
  selectedKey: string | null;
  onChoose(key: string): void;
  mapView: ReturnType<typeof useMapView>;
}

/** The world with a button per place; pan, zoom and the zoom buttons. */
export function WorldMap({ world, points, selectedKey, onChoose, mapView }: WorldMapProps) {
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const { view } = mapView;
  const hovered = points.find((p) => p.place.key === (hoverKey ?? selectedKey));
  return (
    <div className="map-frame">
      <svg
        ref={mapView.svgRef}
        className="world-map"
        viewBox={`0 0 ${mapWidth} ${mapHeight}`}
        role="group"
        aria-label="World map: arrow keys pan, + and − zoom, 0 resets"
        tabIndex={0}
        {...mapView.handlers}
      >
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
          <path className="map-sphere" d={world.sphere} vectorEffect="non-scaling-stroke" />
          <path className="map-graticule" d={world.graticule} vectorEffect="non-scaling-stroke" />
          <path className="map-land" d={world.land} />
          <path className="map-borders" d={world.borders} vectorEffect="non-scaling-stroke" />
        </g>
        {points.map(({ place, px, py, r }) => {
          const n = place.annotations.length;
          const on = place.key === selectedKey;
          return (
            <g
              key={place.key}
              className={`map-point${on ? ' selected' : ''}`}
              transform={`translate(${view.x + px * view.k} ${view.y + py * view.k})`}
              role="button"
              tabIndex={0}
              aria-label={`${place.name}${place.country ? `, ${place.country}` : ''}: ${n} ${n === 1 ? 'span' : 'spans'}`}
              aria-pressed={on}
              data-place-key={place.key}
              onClick={() => onChoose(place.key)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  event.stopPropagation();
                  onChoose(place.key);
                }
              }}
              onPointerEnter={() => setHoverKey(place.key)}
              onPointerLeave={() => setHoverKey(null)}
              onFocus={() => setHoverKey(place.key)}
              onBlur={() => setHoverKey(null)}
            >
              <title>{place.name}</title>
              <circle r={r} />
              {n > 1 && (
                <text className="map-count" dy="0.35em">
                  {n}
                </text>
              )}
            </g>
          );
        })}
        {hovered && (
          <g className="map-tip" transform={`translate(${view.x + hovered.px * view.k} ${view.y + hovered.py * view.k - hovered.r - 8})`} aria-hidden="true">
            <text textAnchor="middle">{hovered.place.name}</text>
          </g>
        )}
      </svg>
      <div className="map-zoom" role="group" aria-label="Zoom">
        <button type="button" onClick={() => mapView.zoom(1.5)} aria-label="Zoom in" title="Zoom in (+)">
          +
        </button>
        <button type="button" onClick={() => mapView.zoom(1 / 1.5)} aria-label="Zoom out" title="Zoom out (−)">
          −
        </button>
        <button type="button" onClick={mapView.reset} aria-label="Whole world" title="Whole world (0)">
          ⟲
        </button>
      </div>
    </div>
  );
}
