import type { Label } from '../../../shared/schemas/schema';
import type { MapPlace } from '../../../shared/schemas/places';
import type { PlaceClaim } from './usePlaceClaims';

interface PlacesPanelProps {
  listed: readonly MapPlace[];
  selected: MapPlace | null;
  labels: readonly Label[];
  /** Annotation id → label id, for the spans read so far. */
  labelOf: ReadonlyMap<string, string>;
  /** The claims about the chosen place (null while they load). */
  claims: readonly PlaceClaim[] | null;
  onFocus(place: MapPlace): void;
  onBack(): void;
  onOpen(documentId: string, annotationId: string): void;
}

/** Beside the map: every place, or the chosen place's spans, each opening its report there. */
export function PlacesPanel({ listed, selected, labels, labelOf, claims, onFocus, onBack, onOpen }: PlacesPanelProps) {
  return (
    <aside className="map-side" aria-label="Places">
      {selected ? (
        <section className="place-detail" aria-labelledby="place-title">
          <div className="place-detail-head">
            <h2 id="place-title">{selected.name}</h2>
            <button type="button" className="icon-button" aria-label="Back to all places" onClick={onBack}>
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
              const label = labels.find((l) => l.id === labelOf.get(a.annotationId));
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
          <h3 className="place-claims-title">Claims about {selected.name}</h3>
          {claims === null ? (
            <p className="hint small">Loading claims…</p>
          ) : claims.length === 0 ? (
            <p className="hint small">No claim is located here or mentions this place.</p>
          ) : (
            <ul className="place-spans" aria-label={`Claims about ${selected.name}`}>
              {claims.map(({ claim, how }) => (
                <li key={claim.id}>
                  <button type="button" className="span-button" onClick={() => onOpen(claim.documentId, claim.id)} title="Open the report at this claim">
                    <span className="span-quote">“{claim.quote}”</span>
                    <span className="span-meta">
                      <span>{how === 'linked' ? 'Located here' : 'Mentions this place (not linked)'}</span>
                      <span>{claim.documentTitle}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <ul className="place-list" aria-label="Resolved places">
          {listed.map((place) => (
            <li key={place.key}>
              <button type="button" className="place-button" onClick={() => onFocus(place)}>
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
  );
}
