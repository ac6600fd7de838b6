// The resolved places of the open report or of the whole library on an offline world map.
// Each point is a button (sized by how many spans resolve to it); choosing one lists its spans,
// and each span opens its report there. The same places are listed beside the map.
import { useEffect, useMemo, useState } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { MapPlace } from '../../../shared/schemas/places';
import { fitView, home, radius } from './map-view';
import { PlacesPanel } from './PlacesPanel';
import { useMapView } from './useMapView';
import { usePlaces } from './usePlaces';
import { usePlaceClaims } from './usePlaceClaims';
import { worldPaths } from './world';
import { WorldMap, type MapPoint } from './WorldMap';
import '../components/screens.css';
import './map.css';

interface MapScreenProps {
  /** The report open in the reader, if any: the map can show its places alone. */
  openDocument: { id: string; title: string } | null;
  labels: readonly Label[];
  onOpen(documentId: string, annotationId: string): void;
}

export function MapScreen({ openDocument, labels, onOpen }: MapScreenProps) {
  const [scope, setScope] = useState<'document' | 'corpus'>(openDocument ? 'document' : 'corpus');
  const documentId = scope === 'document' && openDocument ? openDocument.id : undefined;
  const { places, listed, selected, selectedKey, select, labelOf } = usePlaces(documentId);
  const mapView = useMapView();
  const world = useMemo(() => worldPaths(), []);
  const claims = usePlaceClaims(selected);

  const points = useMemo(
    () =>
      (places ?? [])
        .map((place): MapPoint | null => {
          const xy = world.projection([place.lon, place.lat]);
          return xy ? { place, px: xy[0], py: xy[1], r: radius(place.annotations.length) } : null;
        })
        .filter((p) => p !== null)
        // Big points first, so small ones stay on top and clickable.
        .sort((a, b) => b.r - a.r),
    [places, world],
  );

  // One report's places fill the view; the library's start from the whole world.
  const { start } = mapView;
  useEffect(() => {
    if (places === null) return;
    start(documentId ? fitView(points) : home);
    // When a scope's places arrive (points follow them).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [places, documentId]);

  const focusOn = (place: MapPlace) => {
    select(place.key);
    const xy = world.projection([place.lon, place.lat]);
    if (xy) mapView.centre(xy[0], xy[1]);
  };

  const total = places?.reduce((n, p) => n + p.annotations.length, 0) ?? 0;
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
        <WorldMap world={world} points={points} selectedKey={selectedKey} onChoose={focusOn} mapView={mapView} />
        <PlacesPanel listed={listed} selected={selected} labels={labels} labelOf={labelOf} claims={claims} onFocus={focusOn} onBack={() => select(null)} onOpen={onOpen} />
      </div>
    </main>
  );
}
