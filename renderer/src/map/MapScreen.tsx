// The resolved places of the open report or of the whole library on an offline world map.
// Each point is a button (sized by how many spans resolve to it); choosing one lists its spans,
// and each span opens its report there. The same places are listed beside the map.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { MapPlace } from '../../../shared/schemas/places';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';
import { mapHeight, mapWidth, worldPaths } from './world';
import '../components/screens.css';
import './map.css';

interface MapScreenProps {
  /** The report open in the reader, if any: the map can show its places alone. */
  openDocument: { id: string; title: string } | null;
  labels: readonly Label[];
  onOpen(documentId: string, annotationId: string): void;
}

interface View {
  k: number;
  x: number;
  y: number;
}

const home: View = { k: 1, x: 0, y: 0 };
const maxZoom = 24;

/** Area grows with the number of spans. */
function radius(count: number): number {
  return Math.min(26, 5 * Math.sqrt(count));
}

function clampView(view: View): View {
  const k = Math.max(1, Math.min(maxZoom, view.k));
  // Keep some of the world in the frame.
  const x = Math.min(mapWidth * 0.5, Math.max(mapWidth * 0.5 - mapWidth * k, view.x));
  const y = Math.min(mapHeight * 0.5, Math.max(mapHeight * 0.5 - mapHeight * k, view.y));
  return { k, x, y };
}

function zoomAround(view: View, factor: number, cx: number, cy: number): View {
  const k = Math.max(1, Math.min(maxZoom, view.k * factor));
  const f = k / view.k;
  return clampView({ k, x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f });
}

export function MapScreen({ openDocument, labels, onOpen }: MapScreenProps) {
  const { notify } = useNotices();
  const [scope, setScope] = useState<'document' | 'corpus'>(openDocument ? 'document' : 'corpus');
  const [places, setPlaces] = useState<MapPlace[] | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const [view, setView] = useState<View>(home);
  const [labelOf, setLabelOf] = useState<ReadonlyMap<string, string>>(new Map());
  const svgRef = useRef<SVGSVGElement>(null);
  const labelsRead = useRef(new Set<string>());
  const world = useMemo(() => worldPaths(), []);
  const documentId = scope === 'document' && openDocument ? openDocument.id : undefined;

  useEffect(() => {
    let live = true;
    setPlaces(null);
    call('places.list', documentId ? { documentId } : {})
      .then((list) => {
        if (!live) return;
        setPlaces(list);
        setSelectedKey((key) => (list.some((p) => p.key === key) ? key : null));
      })
      .catch((error) => {
        if (live) notify(messageOf(error), 'error');
      });
    return () => {
      live = false;
    };
  }, [documentId, notify]);

  const points = useMemo(
    () =>
      (places ?? [])
        .map((place) => {
          const xy = world.projection([place.lon, place.lat]);
          return xy ? { place, px: xy[0], py: xy[1], r: radius(place.annotations.length) } : null;
        })
        .filter((p) => p !== null)
        // Big points first, so small ones stay on top and clickable.
        .sort((a, b) => b.r - a.r),
    [places, world],
  );
  const listed = useMemo(
    () => [...(places ?? [])].sort((a, b) => b.annotations.length - a.annotations.length || a.name.localeCompare(b.name)),
    [places],
  );
  const selected = places?.find((p) => p.key === selectedKey) ?? null;

  // The labels of the selected place's spans, read from their reports.
  useEffect(() => {
    if (!selected) return;
    const missing = [...new Set(selected.annotations.map((a) => a.documentId))].filter((id) => !labelsRead.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) labelsRead.current.add(id);
    // Kept even if the screen moved on: the labels are the same.
    Promise.all(missing.map((id) => call('annotations.spans', { documentId: id })))
      .then((all) =>
        setLabelOf((current) => {
          const next = new Map(current);
          for (const spans of all) spans.ids.forEach((id, i) => next.set(id, spans.labelIds[i]!));
          return next;
        }),
      )
      .catch(() => undefined);
  }, [selected]);
  const labelName = (id: string | undefined) => labels.find((l) => l.id === id);

  const choose = useCallback((key: string) => setSelectedKey(key), []);

  // Panning with the mouse; zooming with the wheel, the buttons or + and -.
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  const toSvg = (clientX: number, clientY: number) => {
    const svg = svgRef.current;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return { x: mapWidth / 2, y: mapHeight / 2 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return { x: p.x, y: p.y };
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0 || (event.target as Element).closest('.map-point')) return;
    const p = toSvg(event.clientX, event.clientY);
    drag.current = { x: p.x, y: p.y, view, moved: false };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    if (!start) return;
    const p = toSvg(event.clientX, event.clientY);
    start.moved = true;
    setView(clampView({ ...start.view, x: start.view.x + p.x - start.x, y: start.view.y + p.y - start.y }));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onWheel = (event: WheelEvent<SVGSVGElement>) => {
    const p = toSvg(event.clientX, event.clientY);
    setView((v) => zoomAround(v, event.deltaY < 0 ? 1.25 : 0.8, p.x, p.y));
  };
  const zoom = (factor: number) => setView((v) => zoomAround(v, factor, mapWidth / 2, mapHeight / 2));
  const onMapKey = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const step = 60;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => setView((v) => clampView({ ...v, x: v.x + step })),
      ArrowRight: () => setView((v) => clampView({ ...v, x: v.x - step })),
      ArrowUp: () => setView((v) => clampView({ ...v, y: v.y + step })),
      ArrowDown: () => setView((v) => clampView({ ...v, y: v.y - step })),
      '+': () => zoom(1.5),
      '=': () => zoom(1.5),
      '-': () => zoom(1 / 1.5),
      '0': () => setView(home),
    };
    const action = moves[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const focusOn = (place: MapPlace) => {
    setSelectedKey(place.key);
    const xy = world.projection([place.lon, place.lat]);
    if (!xy) return;
    setView((v) => {
      const k = Math.max(v.k, 3);
      return clampView({ k, x: mapWidth / 2 - xy[0] * k, y: mapHeight / 2 - xy[1] * k });
    });
  };

  const total = places?.reduce((n, p) => n + p.annotations.length, 0) ?? 0;
  const hovered = points.find((p) => p.place.key === (hoverKey ?? selectedKey));

  return (
    <main className="map-screen" aria-labelledby="map-title">
      <header className="screen-head map-head">
        <div>
          <h1 id="map-title">Map</h1>
          <p className="hint" role="status" aria-live="polite">
            {places === null
              ? 'Loading places…'
              : places.length === 0
                ? 'No resolved places yet. Tag a Location and resolve it to a place in the reader.'
                : `${places.length} ${places.length === 1 ? 'place' : 'places'}, ${total} ${total === 1 ? 'span' : 'spans'}${
                    documentId ? ` in “${openDocument?.title}”` : ' in the library'
                  }.`}
          </p>
        </div>
        <div className="segmented" role="radiogroup" aria-label="Places of">
          <label className={scope === 'document' ? 'on' : ''} title={openDocument ? openDocument.title : 'Open a report to see its places alone'}>
            <input type="radio" name="map-scope" checked={scope === 'document'} disabled={!openDocument} onChange={() => setScope('document')} />
            This report
          </label>
          <label className={scope === 'corpus' ? 'on' : ''}>
            <input type="radio" name="map-scope" checked={scope === 'corpus'} onChange={() => setScope('corpus')} />
            All reports
          </label>
        </div>
      </header>
      <div className="map-body">
        <div className="map-frame">
          <svg
            ref={svgRef}
            className="world-map"
            viewBox={`0 0 ${mapWidth} ${mapHeight}`}
            role="group"
            aria-label="World map: arrow keys pan, + and − zoom, 0 resets"
            tabIndex={0}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onWheel={onWheel}
            onKeyDown={onMapKey}
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
                  onClick={() => choose(place.key)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      event.stopPropagation();
                      choose(place.key);
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
            <button type="button" onClick={() => zoom(1.5)} aria-label="Zoom in" title="Zoom in (+)">
              +
            </button>
            <button type="button" onClick={() => zoom(1 / 1.5)} aria-label="Zoom out" title="Zoom out (−)">
              −
            </button>
            <button type="button" onClick={() => setView(home)} aria-label="Whole world" title="Whole world (0)">
              ⟲
            </button>
          </div>
        </div>
        <aside className="map-side" aria-label="Places">
          {selected ? (
            <section className="place-detail" aria-labelledby="place-title">
              <div className="place-detail-head">
                <h2 id="place-title">{selected.name}</h2>
                <button type="button" className="icon-button" aria-label="Back to all places" onClick={() => setSelectedKey(null)}>
                  ×
                </button>
              </div>
              <p className="hint small">
                {[selected.country, `${selected.lat.toFixed(3)}, ${selected.lon.toFixed(3)}`, selected.geonameid ? `GeoNames ${selected.geonameid}` : 'entered by hand']
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <ul className="place-spans" aria-label={`Spans at ${selected.name}`}>
                {selected.annotations.map((a) => {
                  const label = labelName(labelOf.get(a.annotationId));
                  return (
                    <li key={a.annotationId}>
                      <button type="button" className="span-button" onClick={() => onOpen(a.documentId, a.annotationId)} title="Open the report at this span">
                        <span className="span-quote">“{a.quote}”</span>
                        <span className="span-meta">
                          {label && (
                            <span className="span-label">
                              <span className="swatch" style={{ background: label.color }} aria-hidden="true" />
                              {label.name}
                            </span>
                          )}
                          <span>{a.documentTitle}</span>
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : (
            <ul className="place-list" aria-label="Resolved places">
              {listed.map((place) => (
                <li key={place.key}>
                  <button type="button" className="place-button" onClick={() => focusOn(place)}>
                    <span>{place.name}</span>
                    <span className="hint small">
                      {place.country ? `${place.country} · ` : ''}
                      {place.annotations.length} {place.annotations.length === 1 ? 'span' : 'spans'}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </main>
  );
}
