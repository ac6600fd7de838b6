import { useMemo, useState } from 'react';
import type { MapPlace } from '../../../shared/schemas/places';
import { clusterPoints, radius, type Cluster } from './map-view';
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
  onChoose(place: MapPlace): void;
  mapView: ReturnType<typeof useMapView>;
}

/** The world with a button per place; pan, zoom and the zoom buttons. */
export function WorldMap({ world, points, selectedKey, onChoose, mapView }: WorldMapProps) {
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const { view } = mapView;
  const hovered = points.find((p) => p.place.key === (hoverKey ?? selectedKey));
  // Places whose circles would overlap at this zoom are drawn as one; a click zooms in to part them.
  const clusters = useMemo(
    () => clusterPoints(points, view.k, (members) => radius(members.reduce((n, m) => n + m.place.annotations.length, 0))),
    [points, view.k],
  );
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
        {clusters.map((cluster) => {
          if (cluster.members.length > 1) return <ClusterButton key={cluster.members.map((m) => m.place.key).join()} cluster={cluster} view={view} onZoom={() => mapView.fit(cluster.members)} />;
          const { place, px, py, r } = cluster.members[0]!;
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
              onClick={() => onChoose(place)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  event.stopPropagation();
                  onChoose(place);
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
        {hovered && clusters.some((c) => c.members.length === 1 && c.members[0] === hovered) && (
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

/** Several places drawn as one: names them, and zooms in to part them. */
function ClusterButton({ cluster, view, onZoom }: { cluster: Cluster<MapPoint>; view: { k: number; x: number; y: number }; onZoom(): void }) {
  const names = cluster.members.map((m) => m.place.name);
  const spans = cluster.members.reduce((n, m) => n + m.place.annotations.length, 0);
  const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
  return (
    <g
      className="map-point map-cluster"
      transform={`translate(${view.x + cluster.px * view.k} ${view.y + cluster.py * view.k})`}
      role="button"
      tabIndex={0}
      aria-label={`${names.length} places, ${shown}: ${spans} ${spans === 1 ? 'span' : 'spans'}. Zoom in`}
      onClick={onZoom}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          event.stopPropagation();
          onZoom();
        }
      }}
    >
      <title>{shown}</title>
      <circle r={cluster.r} />
      <circle className="map-cluster-ring" r={cluster.r + 3} />
      <text className="map-count" dy="0.35em">
        {names.length}
      </text>
    </g>
  );
}
