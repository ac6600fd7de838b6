import { useEffect, useState } from 'react';
import type { PlaceCandidate, PlaceResolve } from '../../../shared/schemas/places';
import { call, messageOf } from '../api';
import { Modal } from '../components/Modal';
import type { PlaceSummary } from '../state/useAnalysis';
import type { ReaderAnnotation } from '../state/reader-annotation';

interface PlaceDialogProps {
  annotation: ReaderAnnotation;
  current: PlaceSummary | undefined;
  onResolve(request: PlaceResolve): void;
  onClear(): void;
  onClose(): void;
}

/** Which place a name really is: gazetteer candidates ranked, or coordinates by hand. */
export function PlaceDialog({ annotation, current, onResolve, onClear, onClose }: PlaceDialogProps) {
  const [query, setQuery] = useState(annotation.quote);
  const [candidates, setCandidates] = useState<PlaceCandidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      setCandidates(null);
      call('places.candidates', { annotationId: annotation.id, query: query.trim() || undefined, limit: 12 })
        .then((list) => !stale && (setCandidates(list), setError(null)))
        .catch((e) => !stale && setError(messageOf(e)));
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [annotation.id, query]);

  const manual = () => {
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (lat.trim() === '' || lon.trim() === '' || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      setError('Enter a latitude and a longitude as decimal degrees, e.g. 32.62 and 36.10.');
      return;
    }
    onResolve({ annotationId: annotation.id, lat: latitude, lon: longitude, name: query.trim() || undefined });
  };

  return (
    <Modal title={`Which place is “${annotation.quote}”?`} onClose={onClose} className="place-dialog">
      {current && (
        <p className="hint">
          Now: {current.name}
          {current.country ? `, ${current.country}` : ''} ({current.lat.toFixed(3)}, {current.lon.toFixed(3)}){' '}
          <button type="button" className="link" onClick={onClear}>
            Remove
          </button>
        </p>
      )}
      <label className="fields">
        <span>Search the gazetteer</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-autofocus />
      </label>
      <ul className="candidates" aria-label="Candidate places" aria-busy={candidates === null}>
        {candidates === null && !error && <li className="hint">Searching…</li>}
        {candidates?.length === 0 && <li className="hint">No place of that name in the gazetteer. Enter its coordinates below.</li>}
        {candidates?.map((c) => (
          <li key={c.key}>
            <button type="button" className="candidate" onClick={() => onResolve({ annotationId: annotation.id, key: c.key })}>
              <strong>{c.name}</strong>
              <span>
                {[c.admin1, c.countryName].filter(Boolean).join(', ')} · {c.kind === 'city' ? `population ${c.population.toLocaleString()}` : c.kind}
              </span>
              <small>
                {c.lat.toFixed(3)}, {c.lon.toFixed(3)}
                {c.geonameid ? ` · GeoNames ${c.geonameid}` : ''}
                {c.matched !== c.name ? ` · matched “${c.matched}”` : ''}
              </small>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <form
        className="manual-place"
        onSubmit={(e) => {
          e.preventDefault();
          manual();
        }}
      >
        <span>Or by hand:</span>
        <label>
          Latitude <input inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} size={9} />
        </label>
        <label>
          Longitude <input inputMode="decimal" value={lon} onChange={(e) => setLon(e.target.value)} size={9} />
        </label>
        <button type="submit">Use these coordinates</button>
      </form>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
